import type { InspectLogHeader } from './inspectLog.js';
import { buildSummary, fillBreakdownErrors } from './summary.js';

const grouped = (value: number) => ({ name: 'x', value, params: { group_key: 'category', all: false } });

describe('buildSummary', () => {
  it('keeps the schema v1 fields and explains an absent log', () => {
    const summary = buildSummary(null, 'bench exited before writing a log');
    expect(summary).toMatchObject({
      schema_version: 1,
      primary_metric: null,
      metrics: [],
      breakdowns: [],
      notes: ['bench exited before writing a log'],
      raw: { source: 'openbench.log.json' },
    });
  });

  it('takes accuracy of the first scorer as primary, with its stderr, and grouped metrics as a breakdown', () => {
    const header: InspectLogHeader = {
      status: 'success',
      results: {
        total_samples: 30,
        completed_samples: 30,
        scores: [
          {
            name: 'match',
            scorer: 'match',
            metrics: {
              accuracy: { name: 'accuracy', value: 0.7 },
              stderr: { name: 'stderr', value: 0.08 },
              arithmetic: { ...grouped(0.9), name: 'arithmetic' },
              geography: { ...grouped(0.5), name: 'geography' },
            },
          },
        ],
      },
      stats: { model_usage: { 'offline/demo': { input_tokens: 10, output_tokens: 2, total_tokens: 12 } } },
    };
    const summary = buildSummary(header);
    expect(summary.primary_metric).toEqual({
      name: 'accuracy',
      value: 0.7,
      unit: null,
      stderr: 0.08,
      scorer: 'match',
    });
    expect(summary.metrics.map((m) => m.name)).toEqual(['accuracy', 'stderr']);
    expect(summary.breakdowns).toEqual([
      {
        name: 'category',
        scorer: 'match',
        items: [
          { key: 'arithmetic', value: 0.9, unit: null },
          { key: 'geography', value: 0.5, unit: null },
        ],
      },
    ]);
    expect(summary.token_usage).toEqual([
      { model: 'offline/demo', inputTokens: 10, outputTokens: 2, totalTokens: 12 },
    ]);
    expect(summary.notes).toEqual([]);
  });

  it('names metrics reported by several scorers scorer/metric and reads MCQ-style group metrics', () => {
    const summary = buildSummary({
      status: 'success',
      results: {
        scores: [
          { name: 'a', scorer: 'a', metrics: { accuracy: { name: 'accuracy', value: 0.5 } } },
          {
            name: 'b',
            scorer: 'b',
            metrics: {
              accuracy: { name: 'accuracy', value: Number.NaN },
              stem_accuracy: { name: 'stem_accuracy', value: 0.4 },
              stem_stderr: { name: 'stem_stderr', value: 0.1 },
            },
          },
        ],
      },
    });
    expect(summary.metrics.map((m) => [m.name, m.value])).toEqual([
      ['a/accuracy', 0.5],
      ['b/accuracy', null],
    ]);
    expect(summary.primary_metric?.name).toBe('a/accuracy');
    expect(summary.breakdowns[0]).toEqual({
      name: 'group',
      scorer: 'b',
      items: [{ key: 'stem', value: 0.4, unit: null, stderr: 0.1 }],
    });
  });

  it('explains an error log with no scores', () => {
    const summary = buildSummary({ status: 'error', error: { message: 'RuntimeError: boom' } });
    expect(summary.primary_metric).toBeNull();
    expect(summary.notes.join(' ')).toMatch(/"error": RuntimeError: boom/);
    expect(summary.notes.join(' ')).toMatch(/no scores/);
  });
});

describe('fillBreakdownErrors', () => {
  it('fills missing errors only where the computed value agrees', () => {
    const reported = [
      {
        name: 'category',
        items: [
          { key: 'a', value: 0.75, unit: null },
          { key: 'b', value: 0.5, unit: null },
        ],
      },
    ];
    const computed = [
      {
        name: 'category',
        items: [
          { key: 'a', value: 0.75, unit: null, stderr: 0.25 },
          { key: 'b', value: 0.33, unit: null, stderr: 0.3 },
        ],
      },
    ];
    expect(fillBreakdownErrors(reported, computed)).toBe(true);
    expect(reported[0]!.items).toEqual([
      { key: 'a', value: 0.75, unit: null, stderr: 0.25 },
      { key: 'b', value: 0.5, unit: null },
    ]);
  });
});
