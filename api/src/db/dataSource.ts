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
import { AddWorkers1764330000000 as AddWorkersSqlite } from './migrations/sqlite/1764330000000-AddWorkers.js';
import { RunsListIndexes1764340000000 as RunsListIndexesSqlite } from './migrations/sqlite/1764340000000-RunsListIndexes.js';
import { Initial1764300000000 } from './migrations/postgres/1764300000000-Initial.js';
import { AddWorkers1764330000000 as AddWorkersPostgres } from './migrations/postgres/1764330000000-AddWorkers.js';
import { RunsListIndexes1764340000000 as RunsListIndexesPostgres } from './migrations/postgres/1764340000000-RunsListIndexes.js';

const SQLITE_MIGRATIONS = [
  CreateRuns1764300000000,
  CreateSamples1764310000000,
  CreateAuth1764320000000,
  AddWorkersSqlite,
  RunsListIndexesSqlite,
];

const ENTITIES = [RunEntity, SampleEntity, UserEntity, SessionEntity, ProviderKeyEntity];
const POSTGRES_MIGRATIONS = [Initial1764300000000, AddWorkersPostgres, RunsListIndexesPostgres];

/**
 * Opens the database and brings its schema up to date with migrations (never `synchronize`):
 * SQLite (the default; WAL mode, so readers never wait for the run writer) or PostgreSQL
 * (`postgres://` URLs), with the same entities and a migrations folder each.
 */
export async function openDatabase(config: AppConfig): Promise<DataSource> {
  const url = config.databaseUrl;
  const dataSource = url.startsWith('sqlite:') ? sqlite(url.slice('sqlite:'.length)) : postgres(url);
  await dataSource.initialize();
  return dataSource;
}

function sqlite(file: string): DataSource {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
  return new DataSource({
    type: 'better-sqlite3',
    database: file,
    entities: ENTITIES,
    migrations: SQLITE_MIGRATIONS,
    migrationsRun: true,
    synchronize: false,
    enableWAL: true,
    prepareDatabase: (db: { pragma(sql: string): unknown }) => {
      db.pragma('busy_timeout = 5000');
      db.pragma('synchronous = NORMAL');
    },
  });
}

function postgres(url: string): DataSource {
  return new DataSource({
    type: 'postgres',
    url,
    entities: ENTITIES,
    migrations: POSTGRES_MIGRATIONS,
    migrationsRun: true,
    synchronize: false,
    extra: { max: 10 },
  });
}
