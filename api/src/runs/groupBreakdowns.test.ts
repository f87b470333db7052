import { GroupCounter } from './groupBreakdowns.js';

describe('GroupCounter', () => {
  it('computes accuracy and stderr per value of category-like metadata keys only', () => {
    const counter = new GroupCounter();
    const rows: [string, boolean][] = [
      ['a', true],
      ['a', true],
      ['a', false],
      ['a', true],
      ['b', false],
      ['b', false],
      ['b', true],
    ];
    rows.forEach(([category, correct], i) =>
      counter.add({ category, id: `x${i}`, nested: { no: 1 } }, correct),
    );
    for (let i = 0; i < 60; i++) counter.add({ category: 'c', id: `y${i}` }, i % 2 === 0);
    const breakdowns = counter.breakdowns('match');
    // "id" has too many values to be a category; "nested" is not a value.
    expect(breakdowns.map((b) => b.name)).toEqual(['category']);
    const a = breakdowns[0]!.items.find((i) => i.key === 'a')!;
    expect(a.value).toBe(0.75);
    // Sample std of [1, 1, 0, 1] (n - 1) over sqrt(4) = 0.25
    expect(a.stderr).toBeCloseTo(0.25, 12);
    expect(breakdowns[0]!.items.find((i) => i.key === 'c')!.value).toBe(0.5);
  });
});
