// One measurement in a process of its own, so its peak RSS is its own:
//   node --import tsx logWorker.ts summary|index FILE
import path from 'node:path';
import os from 'node:os';
import fs from 'node:fs';
import { loadConfig } from '../../src/config.js';
import { openDatabase } from '../../src/db/dataSource.js';
import { readInspectLogHeader } from '../../src/openbench/inspectLog.js';
import { buildSummary } from '../../src/openbench/summary.js';
import { SampleStore } from '../../src/runs/sampleStore.js';

const [mode, file] = process.argv.slice(2) as [string, string];
const t0 = performance.now();
let detail = '';
if (mode === 'summary') {
  const summary = buildSummary(await readInspectLogHeader(file));
  detail = `${summary.metrics.length} metrics`;
} else {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'obw-bench-db-'));
  const dataSource = await openDatabase(loadConfig({ DATA_DIR: dataDir }));
  const t = performance.now();
  const result = await new SampleStore(dataSource).index(
    '00000000-0000-4000-8000-000000000000',
    file,
    'match',
  );
  detail = `${result.count} samples`;
  await dataSource.destroy();
  fs.rmSync(dataDir, { recursive: true, force: true });
  console.error(`db open ${(t - t0).toFixed(0)} ms`);
}
const ms = performance.now() - t0;
console.log(JSON.stringify({ ms, maxRssMb: process.resourceUsage().maxRSS / 1024, detail }));
