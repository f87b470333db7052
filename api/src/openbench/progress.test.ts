import { parseProgressLine } from './progress.js';

describe('parseProgressLine', () => {
  it('reads samples done/total and the first metric', () => {
    expect(
      parseProgressLine(
        'Steps:   5/20  25% | Samples:   5/ 20 | accuracy: 0.60 | offline/demo:  3/10 | HTTP retries: 0',
      ),
    ).toEqual({
      completed: 5,
      total: 20,
      metric: { name: 'accuracy', value: 0.6 },
    });
  });

  it('falls back to steps when there is no sample count', () => {
    expect(parseProgressLine('Steps: 7/9 77%')).toEqual({ completed: 7, total: 9, metric: null });
  });

  it('takes the total from a task header', () => {
    expect(parseProgressLine('offline_demo (36 samples): offline/demo')).toEqual({
      completed: 0,
      total: 36,
      metric: null,
    });
  });

  it('multiplies samples by epochs in the header', () => {
    expect(parseProgressLine('offline_demo (36 x 2 samples): offline/demo')?.total).toBe(72);
  });

  it('ignores other lines', () => {
    expect(parseProgressLine('Log: /tmp/x.json')).toBeNull();
    expect(parseProgressLine('')).toBeNull();
  });
});
