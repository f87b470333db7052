import path from 'node:path';
import { DataSource } from 'typeorm';
import { loadConfig } from '../src/config.js';
import { openDatabase } from '../src/db/dataSource.js';
import { CreateRuns1764300000000 } from '../src/db/migrations/sqlite/1764300000000-CreateRuns.js';
import { ROOT, tempDir } from './helpers.js';

describe('upgrading an existing database', () => {
  it('keeps every row of a database made by the first schema version', async () => {
    const dataDir = tempDir('obw-upgrade-');
    const file = path.join(dataDir, 'openbench-web.sqlite');
    // The database as the first release left it: only the runs table, with history in it.
    const old = new DataSource({
      type: 'better-sqlite3',
      database: file,
      migrations: [CreateRuns1764300000000],
      migrationsRun: true,
    });
    await old.initialize();
    for (let i = 0; i < 25; i++) {
      await old.query(
        `INSERT INTO runs (id, benchmark, model, status, config, command, createdAt, primaryMetricName, primaryMetricValue)
         VALUES (?, 'offline_demo', 'offline/demo', 'COMPLETED', '{"limit":3}', 'bench eval offline_demo', ?, 'accuracy', ?)`,
        [
          `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
          new Date(Date.UTC(2026, 0, 1, 0, i)).toISOString(),
          i / 25,
        ],
      );
    }
    const before = await old.query(`SELECT * FROM runs ORDER BY id`);
    await old.destroy();

    const upgraded = await openDatabase(loadConfig({ DATA_DIR: dataDir }, ROOT));
    try {
      const after = (await upgraded.query(`SELECT * FROM runs ORDER BY id`)) as Record<string, unknown>[];
      expect(after).toHaveLength(25);
      // Every old column keeps its value; new columns start empty.
      after.forEach((row, i) => {
        expect(row).toMatchObject(before[i]);
        expect(row).toMatchObject({ sampleCount: null, ownerId: null, workerName: null, resumeCount: 0 });
      });
      const applied = (await upgraded.query(`SELECT name FROM migrations ORDER BY id`)) as { name: string }[];
      expect(applied.map((m) => m.name)).toEqual([
        'CreateRuns1764300000000',
        'CreateSamples1764310000000',
        'CreateAuth1764320000000',
        'AddWorkers1764330000000',
        'RunsListIndexes1764340000000',
      ]);
    } finally {
      await upgraded.destroy();
    }
  });
});
