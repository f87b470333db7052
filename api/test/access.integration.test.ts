import WebSocket from 'ws';
import { gqlAt, signUp, startServer, waitFor, type TestServer } from './helpers.js';
import { subscribeRunEvents, wsClient } from './wsClient.js';

const ANY = '00000000-0000-4000-8000-000000000000';

async function raw(
  url: string,
  body: unknown,
  cookie = '',
): Promise<{
  data?: Record<string, unknown>;
  errors?: { message: string; extensions?: { code?: string } }[];
}> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
    body: JSON.stringify(body),
  });
  return (await response.json()) as never;
}

describe('users cannot reach each other’s runs', () => {
  let server: TestServer;
  let alice: string;
  let bob: string;
  let aliceRun: string;
  let bobRun: string;

  const as = <T>(cookie: string, query: string, variables?: Record<string, unknown>) =>
    gqlAt<T>(server.url, query, variables, cookie);
  const start = async (cookie: string) =>
    (
      await as<{ startRun: { data: { id: string } } }>(
        cookie,
        `mutation { startRun(input: { benchmark: "offline_demo", model: "offline/demo", limit: 3 }) { ... on MutationStartRunSuccess { data { id } } } }`,
      )
    ).startRun.data.id;
  const finished = (cookie: string, id: string) =>
    waitFor(
      async () =>
        (await as<{ run: { status: string } }>(cookie, `query($id: ID!) { run(id: $id) { status } }`, { id }))
          .run.status === 'COMPLETED',
      {
        what: 'the run',
        timeoutMs: 120_000,
      },
    );

  beforeAll(async () => {
    server = await startServer(); // its first user is the admin
    alice = await signUp(server.url, 'alice');
    bob = await signUp(server.url, 'bob');
    aliceRun = await start(alice);
    bobRun = await start(bob);
    await finished(alice, aliceRun);
    await finished(bob, bobRun);
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('hides A’s run from every query and mutation of B', async () => {
    const id = aliceRun;
    expect(await as(bob, `query($id: ID!) { run(id: $id) { id } }`, { id })).toEqual({ run: null });
    const runs = await as<{ runs: { totalCount: number; nodes: { id: string }[] } }>(
      bob,
      `{ runs(first: 50) { totalCount nodes { id } } }`,
    );
    expect(runs.runs.nodes.map((r) => r.id)).toEqual([bobRun]);
    expect(await as(bob, `query($id: ID!) { sample(runId: $id, id: "arith-01") { input } }`, { id })).toEqual(
      { sample: null },
    );
    const cancel = await as<{ cancelRun: { __typename: string } }>(
      bob,
      `mutation($id: ID!) { cancelRun(id: $id) { __typename } }`,
      { id },
    );
    expect(cancel.cancelRun.__typename).toBe('NotFoundError');
    const rerun = await as<{ rerun: { __typename: string } }>(
      bob,
      `mutation($id: ID!) { rerun(id: $id) { __typename } }`,
      { id },
    );
    expect(rerun.rerun.__typename).toBe('NotFoundError');
    const comparison = await as<{ comparison: { __typename: string } }>(
      bob,
      `query($ids: [ID!]!) { comparison(runIds: $ids) { __typename } }`,
      {
        ids: [bobRun, id],
      },
    );
    expect(comparison.comparison.__typename).toBe('NotFoundError');
    const board = await as<{ leaderboard: { entries: { run: { id: string } }[] }[] }>(
      bob,
      `{ leaderboard(benchmark: "offline_demo") { entries { run { id } } } }`,
    );
    expect(board.leaderboard.flatMap((g) => g.entries.map((e) => e.run.id))).toEqual([bobRun]);
    const exported = await as<{ exportRuns: string }>(bob, `{ exportRuns(format: CSV) }`);
    expect(exported.exportRuns).not.toContain(id);
    // Her own view and the admin's still have it.
    expect(await as(alice, `query($id: ID!) { run(id: $id) { id } }`, { id })).toEqual({ run: { id } });
    expect(await server.gql(`query($id: ID!) { run(id: $id) { id } }`, { id })).toEqual({ run: { id } });
  });

  it('hides A’s run from B’s downloads', async () => {
    const get = (path: string, cookie: string) =>
      fetch(`${server.url}${path}`, { headers: { cookie } }).then((r) => r.status);
    expect(await get(`/api/runs/${aliceRun}/artifacts/summary.json`, alice)).toBe(200);
    expect(await get(`/api/runs/${aliceRun}/artifacts/summary.json`, bob)).toBe(404);
    expect(await get(`/api/runs/${aliceRun}/samples.csv`, bob)).toBe(404);
    expect(await get(`/api/compare.csv?ids=${bobRun},${aliceRun}`, bob)).toBe(404);
    const runsCsv = await fetch(`${server.url}/api/export/runs.csv`, { headers: { cookie: bob } }).then((r) =>
      r.text(),
    );
    expect(runsCsv).not.toContain(aliceRun);
    expect(await get(`/api/runs/${aliceRun}/artifacts/summary.json`, '')).toBe(404);
    expect(await get(`/api/export/runs.csv`, '')).toBe(401);
  });

  it('hides A’s run from B’s subscriptions', async () => {
    const client = wsClient(server.url, bob);
    await expect(
      subscribeRunEvents(client, aliceRun, { stdout: 0, stderr: 0 }, () => undefined).done,
    ).rejects.toThrow(/not found/);
    // runsChanged: B hears about his own runs only.
    const heard: string[] = [];
    const off = client.subscribe<{ runsChanged: { id: string } }>(
      { query: `subscription { runsChanged { id } }` },
      {
        next: (m) => m.data && heard.push(m.data.runsChanged.id),
        error: () => undefined,
        complete: () => undefined,
      },
    );
    await new Promise((r) => setTimeout(r, 200));
    const another = await start(alice);
    const own = await start(bob);
    await waitFor(async () => heard.includes(own), { what: 'B’s own event' });
    expect(heard).not.toContain(another);
    off();
    await client.dispose();
  });

  it('refuses anonymous operations and WebSockets, and foreign origins', async () => {
    const anonymous = await raw(server.url, { query: `{ runs { totalCount } }` });
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(
      (await raw(server.url, { query: `{ benchmarks { __typename } }` })).errors?.[0]?.extensions?.code,
    ).toBe('UNAUTHENTICATED');
    expect((await raw(server.url, { query: `{ me { id } }` })).data).toEqual({ me: null });
    const status = (headers: Record<string, string>) =>
      new Promise<string>((resolve) => {
        const socket = new WebSocket(`${server.url.replace('http', 'ws')}/graphql`, 'graphql-transport-ws', {
          headers,
        });
        socket.on('unexpected-response', (_req, res) => resolve(`http ${res.statusCode}`));
        socket.on('open', () => socket.send(JSON.stringify({ type: 'connection_init' })));
        socket.on('message', (data) => resolve(JSON.parse(String(data)).type));
        socket.on('close', (code) => resolve(`closed ${code}`));
      });
    expect(await status({})).toBe('closed 4403');
    expect(await status({ cookie: bob })).toBe('connection_ack');
    expect(await status({ cookie: bob, origin: 'http://evil.example' })).toBe('http 401');
  });

  it('closes the subscriptions of a session that logs out', async () => {
    const carol = await signUp(server.url, 'carol');
    const closed = new Promise<number>((resolve) => {
      const socket = new WebSocket(`${server.url.replace('http', 'ws')}/graphql`, 'graphql-transport-ws', {
        headers: { cookie: carol },
      });
      socket.on('open', () => socket.send(JSON.stringify({ type: 'connection_init' })));
      socket.on('message', (data) => {
        if (JSON.parse(String(data)).type === 'connection_ack') {
          socket.send(
            JSON.stringify({
              id: '1',
              type: 'subscribe',
              payload: { query: 'subscription { runsChanged { id } }' },
            }),
          );
          void as(carol, `mutation { logOut }`);
        }
      });
      socket.on('close', (code) => resolve(code));
    });
    expect(await closed).toBe(4401);
    expect((await raw(server.url, { query: `{ me { id } }` }, carol)).data).toEqual({ me: null });
  });

  it('rate-limits logins per user name, also as aliases in one request', async () => {
    await signUp(server.url, 'dave');
    const aliases = Array.from(
      { length: 8 },
      (_, i) => `a${i}: logIn(username: "dave", password: "wrong-password") { __typename }`,
    ).join(' ');
    const result = await raw(server.url, { query: `mutation { ${aliases} }` });
    const types = Object.values(result.data!).map((v) => (v as { __typename: string }).__typename);
    expect(types.slice(0, 5)).toEqual(Array(5).fill('AuthError'));
    expect(types.slice(5)).toEqual(Array(3).fill('RateLimitedError'));
    // The right password is refused too while the limit holds.
    const right = await raw(server.url, {
      query: `mutation { logIn(username: "dave", password: "correct horse battery") { __typename } }`,
    });
    expect(right.data).toEqual({ logIn: { __typename: 'RateLimitedError' } });
  });

  it('expires idle sessions and gives a new session id at every login', async () => {
    const first = await signUp(server.url, 'erin');
    const login = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: first },
      body: JSON.stringify({
        query: `mutation { logIn(username: "erin", password: "correct horse battery") { __typename } }`,
      }),
    });
    const second = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
    expect(login.headers.get('set-cookie')).toMatch(/HttpOnly; SameSite=Lax/);
    expect(second).not.toBe(first);
    // The session the login replaced is gone.
    expect((await raw(server.url, { query: `{ me { id } }` }, first)).data).toEqual({ me: null });
    expect((await raw(server.url, { query: `{ me { username } }` }, second)).data).toEqual({
      me: { username: 'erin' },
    });
    const longAgo = new Date(Date.now() - 73 * 3_600_000).toISOString();
    const erin = await server.app.dataSource.query(`SELECT id FROM users WHERE username = 'erin'`);
    await server.app.dataSource
      .createQueryBuilder()
      .update('sessions')
      .set({ lastSeenAt: longAgo })
      .where('"userId" = :id', { id: (erin as { id: string }[])[0]!.id })
      .execute();
    expect((await raw(server.url, { query: `{ me { id } }` }, second)).data).toEqual({ me: null });
  });

  it('blocks simple cross-site requests (CSRF) and unknown ids', async () => {
    const get = await fetch(`${server.url}/graphql?query=${encodeURIComponent('{ me { id } }')}`, {
      headers: { cookie: bob },
    });
    expect(get.status).toBe(403);
    expect(await as(bob, `query($id: ID!) { run(id: $id) { id } }`, { id: ANY })).toEqual({ run: null });
  });
});

describe('closed sign-up and production hardening', () => {
  it('refuses sign-up when closed, and introspection in production', async () => {
    const server = await startServer({ SIGNUP: 'closed', NODE_ENV: 'production', NO_TEST_USER: '1' });
    try {
      const signup = await raw(server.url, {
        query: `mutation { signUp(username: "zed", password: "long enough pw") { __typename ... on Error { message } } }`,
      });
      expect(signup.data).toEqual({
        signUp: { __typename: 'AuthError', message: expect.stringMatching(/closed/) },
      });
      expect(
        (await raw(server.url, { query: `{ __schema { types { name } } }` })).errors?.length,
      ).toBeGreaterThan(0);
      const deep = `{ me { ${'id '.repeat(1)} } ${Array.from({ length: 30 }, (_, i) => `a${i}: me { id }`).join(' ')} }`;
      expect((await raw(server.url, { query: deep })).errors?.[0]?.message).toMatch(/alias/i);
    } finally {
      await server.stop();
    }
  });
});
