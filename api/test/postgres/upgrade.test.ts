import { DataSource } from 'typeorm';
import { loadConfig } from '../../src/config.js';
import { openDatabase } from '../../src/db/dataSource.js';
import { Initial1764300000000 } from '../../src/db/migrations/postgres/1764300000000-Initial.js';
import { databaseFor, ROOT, tempDir } from '../helpers.js';

// PostgreSQL only (scripts/test.mjs runs it with TEST_DATABASE_URL): the upgrade from the
// first PostgreSQL schema, with history in it, through every later migration.
describe('upgrading an existing PostgreSQL database', () => {
  it('keeps every row of a database made by the first schema version', async () => {
    if (!process.env.TEST_DATABASE_URL)
      throw new Error('TEST_DATABASE_URL must be set: run it through `npm test`');
    const dataDir = tempDir('obw-pg-upgrade-');
    const { DATABASE_URL } = await databaseFor(dataDir);
    const old = new DataSource({
      type: 'postgres',
      url: DATABASE_URL,
      migrations: [Initial1764300000000],
      migrationsRun: true,
    });
    await old.initialize();
    await old.query(
      `INSERT INTO users (id, username, "passwordHash", role, "createdAt") VALUES ('u1', 'alice', 'x', 'admin', '2026-01-01T00:00:00.000Z')`,
    );
    for (let i = 0; i < 25; i++) {
      await old.query(
        `INSERT INTO runs (id, benchmark, model, status, config, command, "createdAt", "primaryMetricName", "primaryMetricValue", "ownerId", "sampleCount")
         VALUES ($1, 'offline_demo', 'offline/demo', $2, '{"limit":3}', 'bench eval offline_demo', $3, 'accuracy', $4, 'u1', 3)`,
        [
          `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
          i % 5 === 0 ? 'QUEUED' : 'COMPLETED',
          new Date(Date.UTC(2026, 0, 1, 0, i)).toISOString(),
          i / 25,
        ],
      );
    }
    const before = (await old.query(`SELECT * FROM runs ORDER BY id`)) as Record<string, unknown>[];
    const users = (await old.query(`SELECT * FROM users`)) as Record<string, unknown>[];
    await old.destroy();

    const upgraded = await openDatabase(loadConfig({ DATA_DIR: dataDir, DATABASE_URL }, ROOT));
    try {
      const after = (await upgraded.query(`SELECT * FROM runs ORDER BY id`)) as Record<string, unknown>[];
      expect(after).toHaveLength(25);
      after.forEach((row, i) => {
        expect(row).toMatchObject(before[i]!);
        expect(row).toMatchObject({ workerName: null, resumeCount: 0 });
      });
      expect(await upgraded.query(`SELECT * FROM users`)).toEqual(users);
      const applied = (await upgraded.query(`SELECT name FROM migrations ORDER BY id`)) as { name: string }[];
      expect(applied.map((m) => m.name)).toEqual([
        'Initial1764300000000',
        'AddWorkers1764330000000',
        'RunsListIndexes1764340000000',
      ]);
      const indexes = (await upgraded.query(`SELECT indexname FROM pg_indexes WHERE tablename = 'runs'`)) as {
        indexname: string;
      }[];
      expect(indexes.map((x) => x.indexname)).toEqual(
        expect.arrayContaining([
          'IDX_runs_status_created',
          'IDX_runs_model_created',
          'IDX_runs_benchmark_created',
        ]),
      );
    } finally {
      await upgraded.destroy();
    }
  });
});
