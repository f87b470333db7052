import { collect, renderTable, runRows, sampleRows } from '../exports/render.js';
import { comparisonTable, RUN_COLUMNS, SAMPLE_COLUMNS } from '../exports/tables.js';
import { ownerScope, requireViewer } from '../auth/viewer.js';
import { builder } from './builder.js';
import { ComparisonType } from './comparison.js';
import { RunFilterInput, RunType } from './run.js';

// The GraphQL side of the CSV/JSON downloads (/api/export/runs.csv, /api/runs/:id/samples.csv,
// /api/compare.csv): the same tables, returned as text.
const ExportFormatEnum = builder.enumType('ExportFormat', { values: ['CSV', 'JSON'] as const });
const format = (f: 'CSV' | 'JSON') => (f === 'CSV' ? 'csv' : 'json');

builder.queryField('exportRuns', (t) =>
  t.string({
    description: 'Every run (optionally filtered) as CSV or a JSON array.',
    args: {
      format: t.arg({ type: ExportFormatEnum, required: true }),
      filter: t.arg({ type: RunFilterInput }),
    },
    resolve: (_root, args, ctx) => {
      const ownerId = ownerScope(requireViewer(ctx.viewer));
      return collect(
        renderTable(
          RUN_COLUMNS,
          runRows(ctx.runRepository, { ...args.filter, ownerId }),
          format(args.format),
        ),
      );
    },
  }),
);

builder.objectField(RunType, 'samplesExport', (t) =>
  t.string({
    description: 'Every indexed sample of the run as CSV or a JSON array.',
    args: { format: t.arg({ type: ExportFormatEnum, required: true }) },
    resolve: (run, args, ctx) =>
      collect(renderTable(SAMPLE_COLUMNS, sampleRows(ctx.samples, run.id, {}), format(args.format))),
  }),
);

builder.objectField(ComparisonType, 'export', (t) =>
  t.string({
    description: 'The comparison in long form (a row per metric × run, breakdown item × run and pair).',
    args: { format: t.arg({ type: ExportFormatEnum, required: true }) },
    resolve: (comparison, args) => {
      const table = comparisonTable(comparison);
      return collect(renderTable(table.columns, table.rows, format(args.format)));
    },
  }),
);
