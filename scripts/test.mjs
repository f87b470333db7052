#!/usr/bin/env node
// The whole test suite: prepares what tests need (same set-up as `npm start`, which also
// builds the client the browser tests load), runs the API suite (unit + integration with the
// real bench) and the browser suite, and prints the totals alone on the last line.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { startPostgres } from './postgres-cluster.mjs';
import { startRedis } from './redis-server.mjs';

const root = path.resolve(import.meta.dirname, '..');
const resultsDir = path.join(root, 'test-results');
fs.mkdirSync(resultsDir, { recursive: true });

const setup = spawnSync(process.execPath, [path.join(root, 'scripts', 'setup.mjs')], {
  cwd: root,
  stdio: 'inherit',
});
if (setup.status !== 0) {
  console.log('0 passed, 1 failed');
  process.exit(1);
}

// The integration tests that exercise the database run a second time on PostgreSQL.
const POSTGRES_TESTS = [
  'test/postgres',
  'test/progress',
  'test/restart',
  'test/secrets',
  'test/runs',
  'test/results',
  'test/compare',
  'test/access',
  'test/live',
  'test/catalog',
];
const suites = [
  { name: 'api', workspace: 'api', script: 'test', args: ['--testPathIgnorePatterns', '/test/scaleout/', '/test/postgres/'] },
  { name: 'api-postgres', workspace: 'api', script: 'test', args: POSTGRES_TESTS, postgres: true },
  // Two API processes and two queue workers on PostgreSQL and Redis (issue #7's topology).
  {
    name: 'scale-out',
    workspace: 'api',
    script: 'test',
    args: ['test/scaleout'],
    postgres: true,
    redis: true,
  },
  { name: 'browser', workspace: 'client', script: 'test:e2e' },
];

let passed = 0;
let failed = 0;
for (const suite of suites) {
  const report = path.join(resultsDir, `${suite.name}.json`);
  fs.rmSync(report, { force: true });
  console.log(`\n=== ${suite.name} tests ===`);
  const postgres = suite.postgres ? startPostgres() : null;
  if (suite.postgres && !postgres) {
    console.error(
      'PostgreSQL is not installed (Debian: apt-get install -y postgresql); its suite cannot run.',
    );
    failed += 1;
    continue;
  }
  const redis = suite.redis ? startRedis() : null;
  if (suite.redis && !redis) {
    console.error('Redis is not installed (Debian: apt-get install -y redis-server); its suite cannot run.');
    postgres?.stop();
    failed += 1;
    continue;
  }
  const result = spawnSync(
    'npm',
    [
      'run',
      suite.script,
      '-w',
      suite.workspace,
      '--',
      ...(suite.args ?? []),
      '--json',
      `--outputFile=${report}`,
    ],
    {
      cwd: root,
      stdio: 'inherit',
      env: {
        ...process.env,
        ...(postgres ? { TEST_DATABASE_URL: postgres.url } : {}),
        ...(redis ? { TEST_REDIS_URL: redis.url } : {}),
      },
    },
  );
  redis?.stop();
  postgres?.stop();
  if (fs.existsSync(report)) {
    const totals = JSON.parse(fs.readFileSync(report, 'utf8'));
    passed += totals.numPassedTests;
    // A suite that fails to load has no failed tests but is a failure all the same.
    failed += totals.numFailedTests + totals.numRuntimeErrorTestSuites;
    if (totals.numTotalTests === 0) failed += 1;
  } else {
    failed += 1;
  }
  if (result.status !== 0 && !fs.existsSync(report))
    console.error(`${suite.name} tests did not run (exit ${result.status})`);
}

console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
