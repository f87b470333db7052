import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { ROOT, tempDir } from '../../test/helpers.js';
import type { Row } from './report.js';
import { writeSyntheticLog } from './syntheticLog.js';

const WORKER = path.join(import.meta.dirname, 'logWorker.ts');
const PYTHON = path.join(ROOT, '.venv', 'bin', 'python');

function measure(mode: 'summary' | 'index', file: string): { ms: number; maxRssMb: number; detail: string } {
  const out = execFileSync(process.execPath, ['--import', 'tsx', WORKER, mode, file], {
    encoding: 'utf8',
    cwd: path.join(ROOT, 'api'),
  });
  return JSON.parse(out.trim().split('\n').at(-1)!);
}

/** inspect's own reader, timed in its own process (peak RSS from resource.getrusage). */
function inspect(file: string, full: boolean): string {
  const code = full
    ? 'import sys,time,resource; from inspect_ai.log import read_eval_log; t=time.time(); read_eval_log(sys.argv[1]); print(f"{time.time()-t:.2f} s, {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss/1024:.0f} MB")'
    : 'import sys,time,resource; from inspect_ai.log import read_eval_log; t=time.time(); read_eval_log(sys.argv[1], header_only=True); print(f"{time.time()-t:.2f} s, {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss/1024:.0f} MB")';
  const result = spawnSync(PYTHON, ['-c', code, file], { encoding: 'utf8', timeout: 900_000 });
  return result.status === 0 ? result.stdout.trim() : `failed: ${result.stderr.trim().split('\n').at(-1)}`;
}

export async function logBenchmarks(sizesMb: number[], fullInspectUpToMb: number): Promise<Row[]> {
  const dir = tempDir('obw-bench-logs-');
  const rows: Row[] = [];
  try {
    for (const mb of sizesMb) {
      const file = path.join(dir, `synthetic-${mb}mb.json`);
      const samples = await writeSyntheticLog(file, mb * 1024 * 1024);
      const size = fs.statSync(file).size / 1024 / 1024;
      const summary = measure('summary', file);
      const index = measure('index', file);
      rows.push({
        scenario: `${size.toFixed(0)} MB log, ${samples.toLocaleString('en')} samples`,
        'summary.json ms': summary.ms.toFixed(0),
        'summary peak RSS MB': summary.maxRssMb.toFixed(0),
        'index all samples s': (index.ms / 1000).toFixed(1),
        'index MB/s': (size / (index.ms / 1000)).toFixed(0),
        'index peak RSS MB': index.maxRssMb.toFixed(0),
        'inspect header-only read': inspect(file, false),
        'inspect full read_eval_log': mb <= fullInspectUpToMb ? inspect(file, true) : 'skipped (size)',
        target: 'summary < 200 ms at every size, index ≥ 50 MB/s, RSS < 300 MB',
      });
      fs.rmSync(file, { force: true });
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return rows;
}
