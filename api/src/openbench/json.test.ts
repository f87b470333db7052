import { parseInspectJson } from './json.js';

describe('parseInspectJson', () => {
  it('reads bare NaN and Infinity tokens as numbers', () => {
    expect(parseInspectJson('{"a": NaN, "b": [Infinity, -Infinity, 1]}')).toEqual({
      a: Number.NaN,
      b: [Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, 1],
    });
  });

  it('leaves the same words inside strings alone', () => {
    expect(parseInspectJson('{"a": "NaN \\" Infinity", "NaN": 2}')).toEqual({ a: 'NaN " Infinity', NaN: 2 });
  });
});
