import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { rotateMasterKey } from '../scripts/rotateMasterKey.js';
import { databaseFor, openTestDatabase, ROOT, tempDir, waitFor } from './helpers.js';
import { spawnServer, type ServerProcess } from './serverProcess.js';
import { subscribeRunEvents, wsClient } from './wsClient.js';

const FAKE_BENCH = path.join(import.meta.dirname, 'fixtures', 'fake-bench.mjs');
const RUN = `query($id: ID!) { run(id: $id) { id status error command config logTail(lines: 100) stderr: logTail(stream: STDERR, lines: 100)
  summary { notes } artifacts { name url } } }`;

function filesUnder(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.join(e.parentPath, e.name));
}

async function runWithKey(server: ServerProcess): Promise<{ id: string; events: string }> {
  const { startRun } = await server.gql<{ startRun: { data: { id: string } } }>(
    `mutation { startRun(input: { benchmark: "offline_demo", model: "echo/model", modelArgs: [{ key: "print_env", value: "1" }, { key: "lines", value: "3" }] }) { ... on MutationStartRunSuccess { data { id } } } }`,
  );
  const id = startRun.data.id;
  let events = '';
  const client = wsClient(server.url, server.cookie);
  await subscribeRunEvents(client, id, { stdout: 0, stderr: 0 }, (e) => (events += JSON.stringify(e))).done;
  await client.dispose();
  await waitFor(
    async () => (await server.gql<{ run: { status: string } }>(RUN, { id })).run.status === 'COMPLETED',
    { what: 'the run' },
  );
  return { id, events };
}

describe('provider keys never leak', () => {
  const secret = `sk-test-${randomBytes(18).toString('hex')}`;
  const digest = createHash('sha256').update(secret).digest('hex');
  const dataDir = tempDir('obw-secrets-');
  const env = {
    DATA_DIR: dataDir,
    OPENBENCH_BIN: FAKE_BENCH,
    OPENBENCH_PYTHON: path.join(ROOT, '.venv', 'bin', 'python'),
    // A secret of the server itself must not reach runs either.
    DATABASE_PASSWORD_FOR_TEST: 'server-only-secret-value',
  };

  it('injects only the owner’s key for the run’s provider, and the value appears nowhere', async () => {
    const server = await spawnServer(env);
    try {
      const set = await server.gql<{
        setProviderKey: { data: { provider: string; set: boolean; last4: string; variable: string } };
      }>(
        `mutation($v: String!) { setProviderKey(provider: "echo", value: $v) { ... on MutationSetProviderKeySuccess { data { provider set last4 variable } } } }`,
        { v: secret },
      );
      expect(set.setProviderKey.data).toEqual({
        provider: 'echo',
        set: true,
        last4: secret.slice(-4),
        variable: 'ECHO_API_KEY',
      });
      await server.gql(
        `mutation { setProviderKey(provider: "other", value: "other-secret-123456") { __typename } }`,
      );

      const { id, events } = await runWithKey(server);
      const { run } = await server.gql<{ run: Record<string, unknown> }>(RUN, { id });
      const logs = fs.readFileSync(path.join(dataDir, 'runs', id, 'stdout.log'), 'utf8');
      // The child got the key (it printed its hash), and only that provider's key.
      expect(logs).toContain(`SHA ECHO_API_KEY=${digest}`);
      expect(logs).toContain('ENV ECHO_API_KEY=[REDACTED]');
      expect(logs).not.toMatch(/OTHER_API_KEY|DATABASE_PASSWORD_FOR_TEST|server-only-secret-value/);
      expect(
        JSON.parse(fs.readFileSync(path.join(dataDir, 'runs', id, 'env_keys_used.json'), 'utf8')),
      ).toEqual(['ECHO_API_KEY']);

      const keys = await server.gql<{ providerKeys: unknown }>(
        `{ providerKeys { provider set last4 updatedAt variable } }`,
      );
      const responses = JSON.stringify(run) + JSON.stringify(keys) + events;
      expect(responses).not.toContain(secret);
      expect(events).toContain('[REDACTED]');

      for (const file of filesUnder(dataDir)) {
        expect({ file, leaked: fs.readFileSync(file).includes(secret) }).toEqual({ file, leaked: false });
      }
      for (const artifact of run.artifacts as { url: string }[]) {
        expect(
          (
            await fetch(`${server.url}${artifact.url}`, { headers: { cookie: server.cookie } }).then((r) =>
              r.text(),
            )
          ).includes(secret),
        ).toBe(false);
      }
    } finally {
      server.child.kill('SIGTERM');
      await server.exited;
    }
    expect(server.output()).not.toContain(secret);
  });

  it('keeps every key readable across a master-key rotation, none left under the old key', async () => {
    const before = fs.readFileSync(path.join(dataDir, 'master.key'), 'utf8');
    const result = await rotateMasterKey({ DATA_DIR: dataDir, ...(await databaseFor(dataDir)) });
    expect(result.changed).toBe(2);
    expect(result.newId).not.toBe(result.oldId);
    expect(fs.readFileSync(path.join(dataDir, 'master.key'), 'utf8')).not.toBe(before);
    expect(fs.statSync(path.join(dataDir, 'master.key')).mode & 0o777).toBe(0o600);
    expect(fs.readdirSync(dataDir).filter((f) => f.includes('.old-'))).toEqual([]);

    const server = await spawnServer(env);
    try {
      const { id } = await runWithKey(server);
      expect(fs.readFileSync(path.join(dataDir, 'runs', id, 'stdout.log'), 'utf8')).toContain(
        `SHA ECHO_API_KEY=${digest}`,
      );
      const db = await openTestDatabase(dataDir);
      try {
        const ids = (await db.query('SELECT DISTINCT "keyId" FROM provider_keys')) as { keyId: string }[];
        expect(ids).toEqual([{ keyId: result.newId }]);
      } finally {
        await db.destroy();
      }
    } finally {
      server.child.kill('SIGTERM');
      await server.exited;
    }
  });
});
