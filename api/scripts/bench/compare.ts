import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { buildApp } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { ROOT, signUp, tempDir } from '../../test/helpers.js';
import { percentile, type Row } from './report.js';

const QUERY = `query($ids: [ID!]!) { comparison(runIds: $ids) { ... on QueryComparisonSuccess { data {
  metrics { name values { value } } warnings { code } pairs { sharedSamples mcnemarPValue difference { estimate low high } counts { fixed broken } } } } } }`;

/** Server time of `comparison` over runs of `samples` samples each, through GraphQL over HTTP. */
export async function compareBenchmark(runCount: number, samples: number): Promise<Row[]> {
  const dataDir = tempDir('obw-bench-compare-');
  const config = loadConfig({ DATA_DIR: dataDir, PORT: '0' }, ROOT);
  const app = await buildApp(config);
  const url = await app.start(0);
  const cookie = await signUp(url, 'bench');
  const ownerId = ((await app.dataSource.query(`SELECT id FROM users`)) as { id: string }[])[0]!.id;
  try {
    const ids: string[] = [];
    for (let r = 0; r < runCount; r++) {
      const id = randomUUID();
      ids.push(id);
      const accuracy = 0.5 + r * 0.03;
      await app.dataSource.query(
        `INSERT INTO runs (id, benchmark, model, status, config, command, createdAt, primaryMetricName, primaryMetricValue, sampleCount, ownerId)
         VALUES (?, 'synthetic', ?, 'COMPLETED', ?, 'bench eval synthetic', ?, 'accuracy', ?, ?, ?)`,
        [
          id,
          `model-${r}`,
          JSON.stringify({ limit: null, epochs: null, task_args: {} }),
          new Date(Date.now() + r).toISOString(),
          accuracy,
          samples,
          ownerId,
        ],
      );
      const dir = path.join(config.runsDir, id);
      fs.mkdirSync(dir, { recursive: true });
      fs.writeFileSync(
        path.join(dir, 'summary.json'),
        JSON.stringify({
          schema_version: 1,
          primary_metric: { name: 'accuracy', value: accuracy, unit: null },
          metrics: [{ name: 'accuracy', value: accuracy, unit: null }],
          breakdowns: [],
          notes: [],
          packages: {},
          completed_samples: samples,
        }),
      );
      await app.dataSource.transaction(async (manager) => {
        for (let start = 0; start < samples; start += 500) {
          const params: unknown[] = [];
          const tuples: string[] = [];
          for (let i = start; i < Math.min(samples, start + 500); i++) {
            // Deterministic pseudo-random correctness, correlated across runs as real models are:
            // a shared difficulty per sample plus some noise per run.
            const hash = (x: number) => Math.abs(Math.sin(x) * 43758.5453) % 1;
            const correct = 0.8 * hash(i * 12.9898) + 0.2 * hash(i * 78.233 + r * 3.1) < accuracy ? 1 : 0;
            params.push(id, `s${i}`, 1, i, correct, 'C', '{}', '', '', '', '{}', 0, 0);
            tuples.push('(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)');
          }
          await manager.query(
            `INSERT INTO samples (runId, sampleId, epoch, position, correct, scoreValue, scores, inputPreview, targetPreview, answerPreview, metadata, logOffset, logLength) VALUES ${tuples.join(', ')}`,
            params,
          );
        }
      });
    }
    const rows: Row[] = [];
    for (const n of [2, runCount]) {
      const times: number[] = [];
      for (let i = 0; i < 7; i++) {
        const t0 = performance.now();
        const response = await fetch(`${url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', cookie },
          body: JSON.stringify({ query: QUERY, variables: { ids: ids.slice(0, n) } }),
        });
        const body = (await response.json()) as { data?: { comparison?: { data?: { pairs: unknown[] } } } };
        times.push(performance.now() - t0);
        if (!body.data?.comparison?.data) throw new Error(`comparison failed: ${JSON.stringify(body)}`);
      }
      rows.push({
        scenario: `comparison of ${n} runs × ${samples.toLocaleString('en')} samples (${(n * (n - 1)) / 2} pairs)`,
        'median ms': percentile(times, 50).toFixed(0),
        'max ms': Math.max(...times).toFixed(0),
        target: '< 500 ms for 10 runs',
      });
    }
    return rows;
  } finally {
    await app.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
