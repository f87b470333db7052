import fs from 'node:fs';
import path from 'node:path';
import { DataSource } from 'typeorm';
import type { AppConfig } from '../config.js';
import { RunEntity } from './entities/Run.js';
import { SampleEntity } from './entities/Sample.js';
import { ProviderKeyEntity, SessionEntity, UserEntity } from './entities/User.js';
import { CreateRuns1764300000000 } from './migrations/sqlite/1764300000000-CreateRuns.js';
import { CreateSamples1764310000000 } from './migrations/sqlite/1764310000000-CreateSamples.js';
import { CreateAuth1764320000000 } from './migrations/sqlite/1764320000000-CreateAuth.js';

const SQLITE_MIGRATIONS = [CreateRuns1764300000000, CreateSamples1764310000000, CreateAuth1764320000000];

/**
 * Opens the database and brings its schema up to date with migrations (never `synchronize`).
 * SQLite runs in WAL mode so readers (GraphQL queries) never wait for the run writer.
 */
export async function openDatabase(config: AppConfig): Promise<DataSource> {
  const url = config.databaseUrl;
  if (!url.startsWith('sqlite:')) {
    // TODO(#7): PostgreSQL entities share these definitions but need their own migrations.
    throw new Error('PostgreSQL support is not implemented yet (issue #7); use a sqlite: DATABASE_URL');
  }
  const file = url.slice('sqlite:'.length);
  if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
  const dataSource = new DataSource({
    type: 'better-sqlite3',
    database: file,
    entities: [RunEntity, SampleEntity, UserEntity, SessionEntity, ProviderKeyEntity],
    migrations: SQLITE_MIGRATIONS,
    migrationsRun: true,
    synchronize: false,
    enableWAL: true,
    prepareDatabase: (db: { pragma(sql: string): unknown }) => {
      db.pragma('busy_timeout = 5000');
      db.pragma('synchronous = NORMAL');
    },
  });
  await dataSource.initialize();
  return dataSource;
}
