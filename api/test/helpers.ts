import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { buildApp, type App } from '../src/app.js';
import { loadConfig, type AppConfig } from '../src/config.js';

export const ROOT = path.resolve(import.meta.dirname, '..', '..');

export interface TestServer {
  app: App;
  url: string;
  config: AppConfig;
  dataDir: string;
  gql<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>): Promise<T>;
  stop(): Promise<void>;
}

export function tempDir(prefix = 'obw-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** A real server (HTTP + WebSocket) on a free port, on a fresh SQLite file in a temp dir. */
export async function startServer(
  env: Record<string, string> = {},
  dataDir = tempDir(),
): Promise<TestServer> {
  const config = loadConfig({ DATA_DIR: dataDir, PORT: '0', ...env }, ROOT);
  const app = await buildApp(config);
  const url = await app.start(0);
  return {
    app,
    url,
    config,
    dataDir,
    async gql(query, variables) {
      const response = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await response.json()) as { data?: unknown; errors?: { message: string }[] };
      if (body.errors?.length)
        throw new Error(`GraphQL errors: ${body.errors.map((e) => e.message).join('; ')}`);
      return body.data as never;
    },
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
