import type { ServerResponse } from 'node:http';
import { once } from 'node:events';
import type { DataSource } from 'typeorm';
import { compareRuns } from '../compare/comparison.js';
import { RUN_STATUSES, type RunStatus } from '../db/entities/Run.js';
import { NotFoundError, ValidationError } from '../errors.js';
import { renderTable, runRows, sampleRows, type ExportFormat } from '../exports/render.js';
import { comparisonTable, RUN_COLUMNS, SAMPLE_COLUMNS } from '../exports/tables.js';
import { canSee, ownerScope, type Viewer } from '../auth/viewer.js';
import { isRunId } from '../runs/artifacts.js';
import type { RunRepository } from '../runs/repository.js';
import { isMetadataKey, type SampleStore } from '../runs/sampleStore.js';
import type { RunService } from '../runs/service.js';

export interface ExportDeps {
  dataSource: DataSource;
  runs: RunService;
  runRepository: RunRepository;
  samples: SampleStore;
  viewer: Viewer | null;
}

const RUNS = /^\/api\/export\/runs\.(csv|json)$/;
const SAMPLES = /^\/api\/runs\/([^/]+)\/samples\.(csv|json)$/;
const COMPARE = /^\/api\/compare\.(csv|json)$/;

async function send(
  res: ServerResponse,
  name: string,
  format: ExportFormat,
  chunks: AsyncIterable<string>,
): Promise<void> {
  res.writeHead(200, {
    'content-type': format === 'csv' ? 'text/csv; charset=utf-8' : 'application/json; charset=utf-8',
    'content-disposition': `attachment; filename="${name}.${format}"`,
  });
  for await (const chunk of chunks) if (!res.write(chunk)) await once(res, 'drain');
  res.end();
}

function fail(res: ServerResponse, status: number, message: string): true {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' }).end(`${message}\n`);
  return true;
}

/**
 * CSV/JSON downloads: GET /api/export/runs.csv (filters: benchmark, model, status),
 * /api/runs/:id/samples.csv (filters: correct, score, text), /api/compare.csv?ids=a,b.
 */
export async function serveExport(url: URL, res: ServerResponse, deps: ExportDeps): Promise<boolean> {
  const q = url.searchParams;
  if (![RUNS, SAMPLES, COMPARE].some((r) => r.test(url.pathname))) return false;
  const viewer = deps.viewer;
  if (!viewer) return fail(res, 401, 'Log in first');
  let match = RUNS.exec(url.pathname);
  if (match) {
    const status = q.get('status');
    if (status && !RUN_STATUSES.includes(status as RunStatus))
      return fail(res, 400, `Unknown status ${status}`);
    const filter = {
      benchmark: q.get('benchmark'),
      model: q.get('model'),
      status: status as RunStatus | null,
      ownerId: ownerScope(viewer),
    };
    await send(
      res,
      'runs',
      match[1] as ExportFormat,
      renderTable(RUN_COLUMNS, runRows(deps.runRepository, filter), match[1] as ExportFormat),
    );
    return true;
  }
  match = SAMPLES.exec(url.pathname);
  if (match) {
    const [, id, format] = match as unknown as [string, string, ExportFormat];
    const run = isRunId(id) ? await deps.runRepository.get(id) : null;
    if (!run || !canSee(viewer, run)) return fail(res, 404, 'Not found');
    const correct = q.get('correct');
    const errors = q.get('errors');
    const filter = {
      correct: correct === null ? null : correct === 'true',
      scoreValue: q.get('score'),
      text: q.get('text'),
      hasError: errors === null ? null : errors === '1' || errors === 'true',
      // meta=key:value, repeatable, as the explorer's metadata filters.
      metadata: q.getAll('meta').map((pair) => {
        const index = pair.indexOf(':');
        return { key: pair.slice(0, index), value: pair.slice(index + 1) };
      }),
    };
    if (filter.metadata.some((m) => !isMetadataKey(m.key)))
      return fail(res, 400, 'meta filters look like meta=key:value');
    await send(
      res,
      `${id}-samples`,
      format,
      renderTable(SAMPLE_COLUMNS, sampleRows(deps.samples, id, filter), format),
    );
    return true;
  }
  match = COMPARE.exec(url.pathname);
  if (match) {
    const ids = (q.get('ids') ?? '').split(',').filter(Boolean);
    try {
      if (ids.some((id) => !isRunId(id)))
        throw new NotFoundError(
          'Run',
          ids.find((id) => !isRunId(id))!,
        );
      const comparison = await compareRuns(
        {
          viewer,
          dataSource: deps.dataSource,
          runRepository: deps.runRepository,
          directory: (id) => deps.runs.directory(id),
        },
        ids,
      );
      const table = comparisonTable(comparison);
      await send(
        res,
        'comparison',
        match[1] as ExportFormat,
        renderTable(table.columns, table.rows, match[1] as ExportFormat),
      );
    } catch (error) {
      if (error instanceof ValidationError) return fail(res, 400, error.message);
      if (error instanceof NotFoundError) return fail(res, 404, error.message);
      throw error;
    }
    return true;
  }
  return false;
}
