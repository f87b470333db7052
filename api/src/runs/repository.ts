import type { DataSource, Repository } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity.js';
import { RunEntity, type RunRow, type RunStatus } from '../db/entities/Run.js';

export interface RunFilter {
  benchmark?: string | null;
  model?: string | null;
  status?: RunStatus | null;
  /** Text in the benchmark or model name, or the start of the run id; case-insensitive. */
  search?: string | null;
  /** Only this user's runs; null or absent for every run (admins). */
  ownerId?: string | null;
}

/** A LIKE pattern that matches `text` literally (its % and _ and the escape itself escaped). */
function literal(text: string): string {
  return text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`);
}

export interface RunPage {
  rows: RunRow[];
  hasNextPage: boolean;
  totalCount: number;
}

/** A position in the newest-first order: (createdAt, id) of the last row seen. */
export function encodeCursor(row: Pick<RunRow, 'createdAt' | 'id'>): string {
  return Buffer.from(`${row.createdAt}|${row.id}`).toString('base64url');
}

export function decodeCursor(cursor: string): { createdAt: string; id: string } | null {
  const [createdAt, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  return createdAt && id ? { createdAt, id } : null;
}

// TypeORM's deep-partial type cannot express a free-form JSON column (config).
type Writable = QueryDeepPartialEntity<RunRow>;

export class RunRepository {
  private readonly repo: Repository<RunRow>;

  constructor(dataSource: DataSource) {
    this.repo = dataSource.getRepository(RunEntity);
  }

  get(id: string): Promise<RunRow | null> {
    return this.repo.findOneBy({ id });
  }

  async insert(row: RunRow): Promise<void> {
    await this.repo.insert(row as Writable);
  }

  async update(id: string, patch: Partial<RunRow>): Promise<RunRow> {
    await this.repo.update({ id }, patch as Writable);
    return (await this.get(id))!;
  }

  withStatus(...statuses: RunStatus[]): Promise<RunRow[]> {
    return this.repo
      .createQueryBuilder('run')
      .where('run.status IN (:...statuses)', { statuses })
      .orderBy('run.createdAt', 'ASC')
      .addOrderBy('run.id', 'ASC')
      .getMany();
  }

  /** Place in the first-in, first-out queue: queued runs created before it, plus one. */
  async queuePosition(row: Pick<RunRow, 'createdAt' | 'id'>): Promise<number> {
    const ahead = await this.repo
      .createQueryBuilder('run')
      .where('run.status = :status', { status: 'QUEUED' })
      .andWhere('(run.createdAt < :c OR (run.createdAt = :c AND run.id < :i))', {
        c: row.createdAt,
        i: row.id,
      })
      .getCount();
    return ahead + 1;
  }

  /** Running runs per worker name. */
  async runningByWorker(): Promise<Map<string, number>> {
    const rows = (await this.repo
      .createQueryBuilder('run')
      .select('run.workerName', 'worker')
      .addSelect('COUNT(*)', 'count')
      .where('run.status = :status', { status: 'RUNNING' })
      .groupBy('run.workerName')
      .getRawMany()) as { worker: string | null; count: string | number }[];
    return new Map(rows.map((r) => [r.worker ?? 'unknown', Number(r.count)]));
  }

  async countWithStatus(status: RunStatus): Promise<number> {
    return this.repo.countBy({ status });
  }

  completedWithMetric(benchmark: string, ownerId: string | null): Promise<RunRow[]> {
    const query = this.repo
      .createQueryBuilder('run')
      .where('run.benchmark = :benchmark AND run.status = :status AND run.primaryMetricValue IS NOT NULL', {
        benchmark,
        status: 'COMPLETED',
      });
    if (ownerId) query.andWhere('run.ownerId = :ownerId', { ownerId });
    return query.getMany();
  }

  async page(first: number, after: string | null, filter: RunFilter = {}): Promise<RunPage> {
    const query = this.repo.createQueryBuilder('run');
    if (filter.benchmark) query.andWhere('run.benchmark = :benchmark', { benchmark: filter.benchmark });
    if (filter.model) query.andWhere('run.model = :model', { model: filter.model });
    if (filter.status) query.andWhere('run.status = :status', { status: filter.status });
    if (filter.ownerId) query.andWhere('run.ownerId = :ownerId', { ownerId: filter.ownerId });
    const search = filter.search?.trim();
    if (search) {
      query.andWhere(
        `(LOWER(run.benchmark) LIKE :contains ESCAPE '\\' OR LOWER(run.model) LIKE :contains ESCAPE '\\' OR run.id LIKE :prefix ESCAPE '\\')`,
        { contains: `%${literal(search)}%`, prefix: `${literal(search)}%` },
      );
    }
    const totalCount = await query.clone().getCount();
    const cursor = after ? decodeCursor(after) : null;
    if (cursor) {
      query.andWhere('(run.createdAt < :c OR (run.createdAt = :c AND run.id < :i))', {
        c: cursor.createdAt,
        i: cursor.id,
      });
    }
    const rows = await query
      .orderBy('run.createdAt', 'DESC')
      .addOrderBy('run.id', 'DESC')
      .take(first + 1)
      .getMany();
    return { rows: rows.slice(0, first), hasNextPage: rows.length > first, totalCount };
  }
}
