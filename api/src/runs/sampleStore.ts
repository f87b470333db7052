import type { DataSource, Repository, SelectQueryBuilder } from 'typeorm';
import { SampleEntity, type SampleRow } from '../db/entities/Sample.js';
import { ValidationError } from '../errors.js';
import { readLogSamples, readSampleAt, type InspectSample } from '../openbench/logSamples.js';
import { sampleFields } from '../openbench/sampleFields.js';
import type { Breakdown } from '../openbench/summary.js';
import { GroupCounter } from './groupBreakdowns.js';

export interface IndexResult {
  count: number;
  /** Breakdowns computed from sample metadata and primary-scorer correctness. */
  computedBreakdowns: Breakdown[];
}

export interface SampleFilter {
  correct?: boolean | null;
  scoreValue?: string | null;
  /** key=value pairs on the sample metadata, all of which must match. */
  metadata?: { key: string; value: string }[] | null;
  /** Words looked for in the input, target and answer previews and the sample id. */
  text?: string | null;
  hasError?: boolean | null;
}

export type SampleSort = 'POSITION' | 'ID' | 'TIME_DESC' | 'TOKENS_DESC';

export interface SamplePage {
  rows: SampleRow[];
  totalCount: number;
  hasNextPage: boolean;
}

const METADATA_KEY = /^[A-Za-z0-9_.-]{1,100}$/;

/** Metadata keys are interpolated into a JSON path, so only plain names are accepted. */
export function isMetadataKey(key: string): boolean {
  return METADATA_KEY.test(key);
}
const INSERT_ROWS = 200;
const SAMPLE_COLUMNS = [
  'runId',
  'sampleId',
  'epoch',
  'position',
  'correct',
  'scoreValue',
  'scores',
  'inputPreview',
  'targetPreview',
  'answerPreview',
  'metadata',
  'totalTokens',
  'totalTime',
  'error',
  'logOffset',
  'logLength',
] as const satisfies readonly (keyof SampleRow)[];

/** The per-sample index of finished runs: built once from the log, paged and filtered in SQL. */
export class SampleStore {
  private readonly repo: Repository<SampleRow>;

  constructor(private readonly dataSource: DataSource) {
    this.repo = dataSource.getRepository(SampleEntity);
  }

  /**
   * Reads a finished run's log once, streaming, and stores one row per sample (replacing any
   * earlier index of the run), one transaction per batch.
   */
  async index(runId: string, logFile: string, primaryScorer: string | null): Promise<IndexResult> {
    await this.repo.delete({ runId });
    const counter = new GroupCounter();
    let position = 0;
    for await (const batch of readLogSamples(logFile)) {
      const rows = batch.map(({ sample, offset, length }) => {
        const fields = sampleFields(sample, primaryScorer);
        counter.add(fields.metadata, fields.correct);
        return { ...fields, runId, position: position++, logOffset: offset, logLength: length };
      });
      await this.insertRows(rows);
    }
    return { count: position, computedBreakdowns: counter.breakdowns(primaryScorer) };
  }

  /**
   * One multi-row INSERT per batch inside a transaction: TypeORM's entity insert costs more per
   * row than parsing the sample, so rows are written with plain parameterised SQL.
   */
  private async insertRows(rows: Omit<SampleRow, 'rowId'>[]): Promise<void> {
    const postgres = this.dataSource.options.type === 'postgres';
    await this.dataSource.transaction(async (manager) => {
      for (let i = 0; i < rows.length; i += INSERT_ROWS) {
        const chunk = rows.slice(i, i + INSERT_ROWS);
        const params: unknown[] = [];
        const tuples = chunk.map((row) => {
          const values = SAMPLE_COLUMNS.map((column) => {
            const value = row[column];
            if (column === 'scores' || column === 'metadata') return JSON.stringify(value);
            if (column === 'correct' && !postgres) return value === null ? null : value ? 1 : 0;
            return value;
          });
          const placeholders = values.map((value) => {
            params.push(value);
            return postgres ? `$${params.length}` : '?';
          });
          return `(${placeholders.join(', ')})`;
        });
        const columns = SAMPLE_COLUMNS.map((c) => `"${c}"`).join(', ');
        await manager.query(`INSERT INTO "samples" (${columns}) VALUES ${tuples.join(', ')}`, params);
      }
    });
  }

  async page(
    runId: string,
    first: number,
    after: number,
    filter: SampleFilter,
    sort: SampleSort,
  ): Promise<SamplePage> {
    const query = this.repo.createQueryBuilder('s').where('s.runId = :runId', { runId });
    this.applyFilter(query, filter);
    const totalCount = await query.clone().getCount();
    const order: Record<SampleSort, [string, 'ASC' | 'DESC'][]> = {
      POSITION: [['s.position', 'ASC']],
      ID: [
        ['s.sampleId', 'ASC'],
        ['s.epoch', 'ASC'],
      ],
      TIME_DESC: [
        ['s.totalTime', 'DESC'],
        ['s.position', 'ASC'],
      ],
      TOKENS_DESC: [
        ['s.totalTokens', 'DESC'],
        ['s.position', 'ASC'],
      ],
    };
    for (const [column, direction] of order[sort]) query.addOrderBy(column, direction);
    const rows = await query
      .skip(after)
      .take(first + 1)
      .getMany();
    return { rows: rows.slice(0, first), totalCount, hasNextPage: rows.length > first };
  }

  get(runId: string, sampleId: string, epoch: number): Promise<SampleRow | null> {
    return this.repo.findOneBy({ runId, sampleId, epoch });
  }

  /** The whole sample (messages, output, scores with explanations) read from the log. */
  async full(logFile: string, row: SampleRow): Promise<InspectSample> {
    const sample = await readSampleAt(logFile, row.logOffset, row.logLength);
    return resolveAttachments(sample) as InspectSample;
  }

  private applyFilter(query: SelectQueryBuilder<SampleRow>, filter: SampleFilter): void {
    if (filter.correct === true || filter.correct === false)
      query.andWhere('s.correct = :correct', { correct: filter.correct });
    if (filter.scoreValue) query.andWhere('s.scoreValue = :scoreValue', { scoreValue: filter.scoreValue });
    if (filter.hasError === true) query.andWhere('s.error IS NOT NULL');
    if (filter.hasError === false) query.andWhere('s.error IS NULL');
    (filter.metadata ?? []).forEach(({ key, value }, i) => {
      if (!isMetadataKey(key)) throw new ValidationError('filter.metadata', `"${key}" is not a metadata key`);
      const path =
        this.dataSource.options.type === 'postgres'
          ? `(s.metadata::jsonb ->> '${key}')`
          : `json_extract(s.metadata, '$."${key}"')`;
      // json_extract returns numbers as numbers; comparing as text matches what the user typed.
      query.andWhere(`CAST(${path} AS TEXT) = :meta${i}`, { [`meta${i}`]: value });
    });
    const words = (filter.text ?? '').toLowerCase().split(/\s+/).filter(Boolean).slice(0, 10);
    words.forEach((word, i) => {
      const columns = ['inputPreview', 'targetPreview', 'answerPreview', 'sampleId'];
      query.andWhere(
        `(${columns.map((column) => `LOWER(s.${column}) LIKE :w${i} ESCAPE '\\'`).join(' OR ')})`,
        { [`w${i}`]: `%${word.replace(/[%_]/g, (c) => `\\${c}`)}%` },
      );
    });
  }
}

/** Replaces `attachment://<id>` references anywhere in the sample with the attachment's content. */
function resolveAttachments(sample: InspectSample): unknown {
  const attachments = sample.attachments ?? {};
  if (Object.keys(attachments).length === 0) return sample;
  const walk = (value: unknown): unknown => {
    if (typeof value === 'string' && value.startsWith('attachment://'))
      return attachments[value.slice(13)] ?? value;
    if (Array.isArray(value)) return value.map(walk);
    if (value && typeof value === 'object') {
      return Object.fromEntries(
        Object.entries(value as Record<string, unknown>).map(([k, v]) => [
          k,
          k === 'attachments' ? v : walk(v),
        ]),
      );
    }
    return value;
  };
  return walk(sample);
}
