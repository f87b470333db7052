import type { SampleRow } from '../db/entities/Sample.js';
import type { InspectSample } from './logSamples.js';

const PREVIEW = 500;

/** Text of an inspect input/target/content value: a string, a list of them, or chat messages. */
export function textOf(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.map(textOf).filter(Boolean).join('\n');
  if (typeof value === 'object') {
    const record = value as Record<string, unknown>;
    if ('content' in record) return textOf(record.content);
    if (record.type === 'text' && typeof record.text === 'string') return record.text;
    if (typeof record.text === 'string') return record.text;
    return '';
  }
  return String(value);
}

export function preview(text: string): string {
  return text.length > PREVIEW ? `${text.slice(0, PREVIEW - 1)}…` : text;
}

/** C/I, 1/0 and true/false mean right/wrong; anything else (partial, no answer) is neither. */
export function correctness(value: unknown): boolean | null {
  if (value === 'C' || value === true || value === 1) return true;
  if (value === 'I' || value === false || value === 0) return false;
  return null;
}

/** The indexed columns of a sample that come from the sample itself. */
export type SampleFields = Omit<SampleRow, 'rowId' | 'runId' | 'position' | 'logOffset' | 'logLength'>;

/** The indexed fields of one sample; the primary scorer decides correctness. */
export function sampleFields(sample: InspectSample, primaryScorer: string | null): SampleFields {
  const scores: SampleFields['scores'] = {};
  for (const [name, score] of Object.entries(sample.scores ?? {})) {
    scores[name] = { value: score.value ?? null, answer: score.answer ?? null };
  }
  const primary = (primaryScorer && sample.scores?.[primaryScorer]) || Object.values(sample.scores ?? {})[0];
  const usage = Object.values(sample.model_usage ?? {});
  const tokens = usage.length > 0 ? usage.reduce((sum, u) => sum + (u.total_tokens ?? 0), 0) : null;
  const value = primary?.value;
  return {
    sampleId: String(sample.id),
    epoch: sample.epoch ?? 1,
    correct: primary ? correctness(value) : null,
    scoreValue:
      value === undefined || value === null
        ? null
        : typeof value === 'object'
          ? JSON.stringify(value).slice(0, 64)
          : String(value).slice(0, 64),
    scores,
    inputPreview: preview(textOf(sample.input)),
    targetPreview: preview(textOf(sample.target)),
    answerPreview: preview(primary?.answer ?? sample.output?.completion ?? ''),
    metadata: sample.metadata ?? {},
    totalTokens: tokens,
    totalTime: typeof sample.total_time === 'number' ? sample.total_time : null,
    error: sample.error?.message ?? null,
  };
}
