import { EntitySchema } from 'typeorm';

/** One sample of a finished run, indexed from its inspect log for paging and filtering. */
export interface SampleRow {
  rowId: number;
  runId: string;
  sampleId: string;
  epoch: number;
  /** Order in the log, for a stable default sort. */
  position: number;
  /** Primary scorer: true for C/1/true, false for I/0/false, null otherwise (partial, no answer). */
  correct: boolean | null;
  /** Primary scorer's value as text ("C", "0.5", …). */
  scoreValue: string | null;
  /** Every scorer's value and answer. */
  scores: Record<string, { value: unknown; answer: string | null }>;
  inputPreview: string;
  targetPreview: string;
  answerPreview: string;
  metadata: Record<string, unknown>;
  totalTokens: number | null;
  totalTime: number | null;
  error: string | null;
  /** Byte range of the sample in openbench.log.json, to read the whole sample on demand. */
  logOffset: number;
  logLength: number;
}

export const SampleEntity = new EntitySchema<SampleRow>({
  name: 'Sample',
  tableName: 'samples',
  columns: {
    rowId: { type: 'integer', primary: true, generated: 'increment' },
    runId: { type: 'varchar', length: 36 },
    sampleId: { type: 'varchar', length: 512 },
    epoch: { type: 'integer' },
    position: { type: 'integer' },
    correct: { type: 'boolean', nullable: true },
    scoreValue: { type: 'varchar', length: 64, nullable: true },
    scores: { type: 'simple-json' },
    inputPreview: { type: 'text' },
    targetPreview: { type: 'text' },
    answerPreview: { type: 'text' },
    metadata: { type: 'simple-json' },
    totalTokens: { type: 'integer', nullable: true },
    totalTime: { type: 'double precision', nullable: true },
    error: { type: 'text', nullable: true },
    logOffset: {
      type: 'bigint',
      transformer: { to: (v: number) => v, from: (v: string | number) => Number(v) },
    },
    logLength: { type: 'integer' },
  },
  indices: [
    { name: 'IDX_samples_run_sample', columns: ['runId', 'sampleId', 'epoch'], unique: true },
    { name: 'IDX_samples_run_position', columns: ['runId', 'position'] },
  ],
});
