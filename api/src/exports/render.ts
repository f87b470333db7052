import { encodeCursor, type RunFilter, type RunRepository } from '../runs/repository.js';
import type { SampleFilter, SampleStore } from '../runs/sampleStore.js';
import { csvLine } from './csv.js';
import { runRow, sampleRow } from './tables.js';

export type ExportFormat = 'csv' | 'json';

/**
 * Renders a table chunk by chunk, so an HTTP download streams and GraphQL can join it:
 * CSV with a header line, or a JSON array of objects keyed by column.
 */
export async function* renderTable(
  columns: string[],
  rows: AsyncIterable<unknown[]> | Iterable<unknown[]>,
  format: ExportFormat,
): AsyncGenerator<string> {
  if (format === 'csv') {
    yield csvLine(columns);
    for await (const row of rows) yield csvLine(row);
    return;
  }
  yield '[';
  let first = true;
  for await (const row of rows) {
    const object = Object.fromEntries(columns.map((c, i) => [c, row[i] ?? null]));
    yield (first ? '\n' : ',\n') + JSON.stringify(object);
    first = false;
  }
  yield '\n]\n';
}

export async function collect(chunks: AsyncIterable<string>): Promise<string> {
  let text = '';
  for await (const chunk of chunks) text += chunk;
  return text;
}

/** Every run matching the filter, newest first, read page by page. */
export async function* runRows(repository: RunRepository, filter: RunFilter): AsyncGenerator<unknown[]> {
  let after: string | null = null;
  for (;;) {
    const page = await repository.page(500, after, filter);
    for (const run of page.rows) yield runRow(run);
    if (!page.hasNextPage) return;
    after = encodeCursor(page.rows.at(-1)!);
  }
}

/** Every sample of a run matching the filter, in log order, read page by page. */
export async function* sampleRows(
  samples: SampleStore,
  runId: string,
  filter: SampleFilter,
): AsyncGenerator<unknown[]> {
  for (let offset = 0; ; offset += 1000) {
    const page = await samples.page(runId, 1000, offset, filter, 'POSITION');
    for (const sample of page.rows) yield sampleRow(sample);
    if (!page.hasNextPage) return;
  }
}
