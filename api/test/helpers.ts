import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { DataSource } from 'typeorm';
import { buildApp, type App } from '../src/app.js';
import { loadConfig, type AppConfig } from '../src/config.js';
import { openDatabase } from '../src/db/dataSource.js';

export const ROOT = path.resolve(import.meta.dirname, '..', '..');

export interface TestServer {
  app: App;
  url: string;
  config: AppConfig;
  dataDir: string;
  /** Session cookie of the user the server was started with (the first user: an admin). */
  cookie: string;
  gql<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>): Promise<T>;
  /** fetch() of a path on the server, with the session cookie. */
  fetch(path: string, init?: RequestInit): Promise<Response>;
  stop(): Promise<void>;
}

/** POSTs a GraphQL operation; throws on GraphQL errors. */
export async function gqlAt<T>(
  url: string,
  query: string,
  variables?: Record<string, unknown>,
  cookie?: string,
): Promise<T> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: unknown; errors?: { message: string }[] };
  if (body.errors?.length) throw new Error(`GraphQL errors: ${body.errors.map((e) => e.message).join('; ')}`);
  return body.data as T;
}

/** Calls signUp or logIn; returns the response's session cookie ("obw_session=…") and result type. */
async function authenticate(
  url: string,
  field: 'signUp' | 'logIn',
  username: string,
  password: string,
): Promise<{ cookie: string; type: string; message?: string }> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      query: `mutation($u: String!, $p: String!) { result: ${field}(username: $u, password: $p) { __typename ... on Error { message } } }`,
      variables: { u: username, p: password },
    }),
  });
  const body = (await response.json()) as { data: { result: { __typename: string; message?: string } } };
  const cookie = (response.headers.get('set-cookie') ?? '').split(';')[0]!;
  return { cookie, type: body.data.result.__typename, message: body.data.result.message };
}

/** Signs a new user up and returns its session cookie. */
export async function signUp(
  url: string,
  username: string,
  password = 'correct horse battery',
): Promise<string> {
  const result = await authenticate(url, 'signUp', username, password);
  if (result.type !== 'MutationSignUpSuccess') throw new Error(`sign-up failed: ${result.message}`);
  return result.cookie;
}

/** Logs an existing user in and returns the session cookie (empty when refused). */
export async function logIn(
  url: string,
  username: string,
  password = 'correct horse battery',
): Promise<string> {
  return (await authenticate(url, 'logIn', username, password)).cookie;
}

export function tempDir(prefix = 'obw-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** A real server (HTTP + WebSocket) on a free port, on a fresh SQLite file in a temp dir. */
/**
 * With TEST_DATABASE_URL (a PostgreSQL server, see scripts/postgres-cluster.mjs) every data dir
 * gets a database of its own on it, so the same tests run on PostgreSQL.
 */
const databases = new Map<string, string>();
export async function databaseFor(dataDir: string): Promise<Record<string, string>> {
  const admin = process.env.TEST_DATABASE_URL;
  if (!admin) return {};
  let url = databases.get(dataDir);
  if (!url) {
    const name = `obw_${path
      .basename(dataDir)
      .replace(/[^a-z0-9]/gi, '_')
      .toLowerCase()}`;
    const { default: pg } = await import('pg');
    const client = new pg.Client(admin);
    await client.connect();
    await client.query(`CREATE DATABASE ${name}`);
    await client.end();
    url = admin.replace(/\/[^/]*$/, `/${name}`);
    databases.set(dataDir, url);
  }
  return { DATABASE_URL: url };
}

/** The database of a data dir's server, opened beside it (SQLite file or its PostgreSQL database). */
export async function openTestDatabase(dataDir: string): Promise<DataSource> {
  return openDatabase(loadConfig({ DATA_DIR: dataDir, ...(await databaseFor(dataDir)) }, ROOT));
}

export async function startServer(
  env: Record<string, string> = {},
  dataDir = tempDir(),
): Promise<TestServer> {
  const config = loadConfig({ DATA_DIR: dataDir, PORT: '0', ...(await databaseFor(dataDir)), ...env }, ROOT);
  const app = await buildApp(config);
  const url = await app.start(0);
  const cookie = env.NO_TEST_USER ? '' : await signUp(url, 'admin').catch(() => logIn(url, 'admin'));
  return {
    app,
    url,
    config,
    dataDir,
    cookie,
    gql: (query, variables) => gqlAt(url, query, variables, cookie),
    fetch: (path, init = {}) =>
      fetch(`${url}${path}`, { ...init, headers: { ...(init.headers as Record<string, string>), cookie } }),
    stop: () => app.stop(),
  };
}

export async function waitFor<T>(
  probe: () => Promise<T | null | undefined | false>,
  { timeoutMs = 60_000, intervalMs = 250, what = 'condition' } = {},
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(intervalMs);
  }
}
