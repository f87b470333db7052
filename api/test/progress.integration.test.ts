import { startServer, type TestServer } from './helpers.js';
import { subscribeRunEvents, wsClient, type RunEventData } from './wsClient.js';

describe('progress of the real offline eval', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('streams progress events with samples done before the completion event', async () => {
    // One connection and a 1 s answer: about 8 s, so bench prints a progress line mid-run.
    const { startRun } = await server.gql<{ startRun: { data: { id: string } } }>(
      `mutation { startRun(input: { benchmark: "offline_demo", model: "offline/demo", limit: 8, maxConnections: 1,
        modelArgs: [{ key: "delay", value: "1" }] }) { ... on MutationStartRunSuccess { data { id } } } }`,
    );
    const events: RunEventData[] = [];
    const client = wsClient(server.url, server.cookie);
    await subscribeRunEvents(client, startRun.data.id, { stdout: 0, stderr: 0 }, (e) => events.push(e)).done;
    await client.dispose();

    const end = events.findIndex((e) => e.kind === 'STATUS' && e.run?.status === 'COMPLETED');
    expect(end).toBe(events.length - 1);
    const midRun = events
      .slice(0, end)
      .filter((e) => e.kind === 'PROGRESS' && e.progress!.completed! > 0 && e.progress!.completed! < 8);
    expect(midRun.length).toBeGreaterThan(0);
    expect(midRun[0]!.progress!.total).toBe(8);
  });
});
