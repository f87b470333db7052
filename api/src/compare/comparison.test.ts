import type { RunRow } from '../db/entities/Run.js';
import type { Summary } from '../openbench/summary.js';
import {
  alignBreakdowns,
  alignMetrics,
  comparabilityWarnings,
  pairStatistics,
  type ComparedRun,
} from './comparison.js';

function compared(id: string, overrides: Partial<RunRow>, summary: Partial<Summary> | null): ComparedRun {
  const run = {
    id,
    benchmark: 'offline_demo',
    model: 'offline/demo',
    status: 'COMPLETED',
    config: {
      limit: 10,
      epochs: null,
      temperature: null,
      top_p: null,
      max_tokens: null,
      reasoning_effort: null,
      task_args: {},
      openbench_version: '0.5.3',
    },
    sampleCount: 10,
    ...overrides,
  } as RunRow;
  return {
    run,
    summary:
      summary === null
        ? null
        : ({ metrics: [], breakdowns: [], packages: {}, completed_samples: 10, ...summary } as Summary),
  };
}

const metric = (name: string, value: number | null, stderr?: number) => ({
  name,
  value,
  unit: null,
  ...(stderr === undefined ? {} : { stderr }),
});

describe('alignment', () => {
  const runs = [
    compared(
      'a',
      {},
      {
        metrics: [metric('accuracy', 0.5, 0.1), metric('f1', 0.4)],
        breakdowns: [{ name: 'category', items: [{ key: 'x', value: 0.2, unit: null }] }],
      },
    ),
    compared(
      'b',
      {},
      {
        metrics: [metric('accuracy', 0.7)],
        breakdowns: [{ name: 'category', items: [{ key: 'y', value: 0.9, unit: null, stderr: 0.05 }] }],
      },
    ),
    compared('c', {}, null),
  ];

  it('aligns metrics by name with null where a run lacks one, and marks the best', () => {
    expect(alignMetrics(runs)).toEqual([
      {
        name: 'accuracy',
        values: [
          { value: 0.5, stderr: 0.1 },
          { value: 0.7, stderr: null },
          { value: null, stderr: null },
        ],
        best: 1,
      },
      {
        name: 'f1',
        values: [
          { value: 0.4, stderr: null },
          { value: null, stderr: null },
          { value: null, stderr: null },
        ],
        best: null,
      },
    ]);
  });

  it('aligns breakdown items by key', () => {
    expect(alignBreakdowns(runs)).toEqual([
      {
        name: 'category',
        items: [
          {
            key: 'x',
            values: [
              { value: 0.2, stderr: null },
              { value: null, stderr: null },
              { value: null, stderr: null },
            ],
          },
          {
            key: 'y',
            values: [
              { value: null, stderr: null },
              { value: 0.9, stderr: 0.05 },
              { value: null, stderr: null },
            ],
          },
        ],
      },
    ]);
  });
});

describe('comparabilityWarnings', () => {
  it('says what differs, with reasons', () => {
    const warnings = comparabilityWarnings([
      compared('a', {}, { packages: { inspect_ai: '0.3.125' } }),
      compared(
        'b',
        {
          benchmark: 'mmlu',
          status: 'FAILED',
          config: { limit: 20, temperature: 0.5, task_args: { k: '1' }, openbench_version: '0.5.3' },
        },
        { packages: { inspect_ai: '0.3.140' }, completed_samples: 3 },
      ),
    ]);
    const codes = warnings.map((w) => w.code);
    expect(codes).toEqual([
      'DIFFERENT_BENCHMARKS',
      'DIFFERENT_SETTINGS',
      'DIFFERENT_SETTINGS',
      'DIFFERENT_SETTINGS',
      'DIFFERENT_VERSIONS',
      'NOT_COMPLETED',
      'FEWER_SAMPLES',
    ]);
    expect(warnings.find((w) => w.message.startsWith('limit'))?.message).toBe('limit differs: 10 vs 20.');
    expect(warnings.find((w) => w.message.startsWith('task_args'))?.message).toBe(
      'task_args differs: {} vs {"k":"1"}.',
    );
    expect(warnings.find((w) => w.code === 'NOT_COMPLETED')?.runIds).toEqual(['b']);
  });

  it('is silent for comparable runs', () => {
    expect(
      comparabilityWarnings([compared('a', {}, {}), compared('b', { model: 'offline/demo-good' }, {})]),
    ).toEqual([]);
  });
});

describe('pairStatistics', () => {
  it('counts by sample id and epoch and lists the discordant samples in order', () => {
    const base = new Map([
      ['s1\u00001', true],
      ['s2\u00001', false],
      ['s3\u00001', true],
      ['s4\u00001', false],
      ['only-base\u00001', true],
    ]);
    const other = new Map([
      ['s1\u00001', true],
      ['s2\u00001', true],
      ['s3\u00001', false],
      ['s4\u00001', false],
      ['only-other\u00001', false],
    ]);
    const pair = pairStatistics('a', 'b', base, other);
    expect(pair.sharedSamples).toBe(4);
    expect(pair.counts).toEqual({ bothRight: 1, bothWrong: 1, fixed: 1, broken: 1 });
    expect(pair.difference.estimate).toBe(0);
    expect(pair.mcnemarPValue).toBe(1);
    expect(pair.discordant).toEqual([
      { sampleId: 's2', epoch: 1, baseCorrect: false, otherCorrect: true },
      { sampleId: 's3', epoch: 1, baseCorrect: true, otherCorrect: false },
    ]);
  });
});
