import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { ROOT, startServer, waitFor, type TestServer } from './helpers.js';

const INSPECT = path.join(ROOT, '.venv', 'bin', 'inspect');

/** inspect's own reading of a log header (`inspect log dump --header-only`). */
function inspectHeader(file: string): {
  results?: { scores: { name: string; metrics: Record<string, { value: number }> }[] };
  status: string;
} {
  return JSON.parse(
    execFileSync(INSPECT, ['log', 'dump', '--header-only', file], {
      encoding: 'utf8',
      maxBuffer: 64 << 20,
    }).replace(/\bNaN\b/g, 'null'),
  );
}

const SAMPLES = `query($id: ID!, $first: Int, $after: String, $filter: SampleFilterInput, $sort: SampleSort) {
  run(id: $id) { sampleCount samples(first: $first, after: $after, filter: $filter, sort: $sort) {
    totalCount hasNextPage endCursor nodes { id epoch correct scoreValue input target answer metadata totalTokens totalTime }
  } }
}`;

type Node = {
  id: string;
  epoch: number;
  correct: boolean | null;
  scoreValue: string;
  input: string;
  target: string;
  answer: string;
  metadata: Record<string, string>;
};
type Page = {
  run: {
    sampleCount: number;
    samples: { totalCount: number; hasNextPage: boolean; endCursor: string; nodes: Node[] };
  };
};

describe('results of a real offline run', () => {
  let server: TestServer;
  let runId: string;

  beforeAll(async () => {
    server = await startServer();
    const started = await server.gql<{ startRun: { data: { id: string } } }>(
      `mutation { startRun(input: { benchmark: "offline_demo", model: "offline/demo", epochs: 2 }) { ... on MutationStartRunSuccess { data { id } } } }`,
    );
    runId = started.startRun.data.id;
    await waitFor(
      async () =>
        (
          await server.gql<{ run: { status: string } }>(`query($id: ID!) { run(id: $id) { status } }`, {
            id: runId,
          })
        ).run.status === 'COMPLETED',
      { timeoutMs: 120_000, what: 'the run' },
    );
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('agrees with inspect’s own reader on every metric of the summary', async () => {
    const log = path.join(server.dataDir, 'runs', runId, 'openbench.log.json');
    const theirs = inspectHeader(log);
    const ours = JSON.parse(
      fs.readFileSync(path.join(server.dataDir, 'runs', runId, 'summary.json'), 'utf8'),
    );
    const score = theirs.results!.scores[0]!;
    expect(ours.primary_metric.value).toBe(score.metrics.accuracy!.value);
    expect(ours.primary_metric.stderr).toBe(score.metrics.stderr!.value);
    for (const metric of ours.metrics) expect(metric.value).toBe(score.metrics[metric.name]!.value);
    const breakdown = ours.breakdowns.find((b: { name: string }) => b.name === 'category');
    expect(breakdown.items.map((i: { key: string }) => i.key).sort()).toEqual([
      'arithmetic',
      'geography',
      'spelling',
    ]);
    for (const item of breakdown.items) expect(item.value).toBe(score.metrics[item.key]!.value);
    expect(ours.primary_metric.value).toBeCloseTo(24 / 36, 10);
  });

  it('indexes every sample and epoch and pages through them', async () => {
    const seen: Node[] = [];
    let after: string | null = null;
    for (;;) {
      const page: Page = await server.gql<Page>(SAMPLES, { id: runId, first: 25, after });
      seen.push(...page.run.samples.nodes);
      expect(page.run.samples.totalCount).toBe(72);
      if (!page.run.samples.hasNextPage) break;
      after = page.run.samples.endCursor;
    }
    expect(seen).toHaveLength(72);
    expect(new Set(seen.map((s) => `${s.id}/${s.epoch}`)).size).toBe(72);
    expect(seen.filter((s) => s.correct).length).toBe(48);
    const { run } = await server.gql<Page>(SAMPLES, { id: runId, first: 1 });
    expect(run.sampleCount).toBe(72);
    expect(run.samples.nodes[0]).toMatchObject({
      id: 'arith-01',
      epoch: 1,
      correct: true,
      scoreValue: 'C',
      target: '12',
      answer: '12',
    });
  });

  it('filters by correctness, score value, metadata and text, and sorts', async () => {
    const count = async (filter: Record<string, unknown>) =>
      (await server.gql<Page>(SAMPLES, { id: runId, first: 1, filter })).run.samples.totalCount;
    expect(await count({ correct: false })).toBe(24);
    expect(await count({ scoreValue: 'I' })).toBe(24);
    expect(await count({ metadata: [{ key: 'category', value: 'geography' }] })).toBe(24);
    expect(await count({ metadata: [{ key: 'category', value: 'geography' }], correct: true })).toBe(12);
    expect(await count({ text: 'capital france' })).toBe(2);
    expect(await count({ text: '100%_' })).toBe(0);
    const byId = await server.gql<Page>(SAMPLES, { id: runId, first: 3, sort: 'ID' });
    expect(byId.run.samples.nodes.map((n) => `${n.id}/${n.epoch}`)).toEqual([
      'arith-01/1',
      'arith-01/2',
      'arith-02/1',
    ]);
    const bad = await server.fetch(`/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: SAMPLES,
        variables: { id: runId, filter: { metadata: [{ key: "x') OR 1=1 --", value: '1' }] } },
      }),
    });
    expect(((await bad.json()) as { errors: { message: string }[] }).errors[0]!.message).toMatch(
      /is not a metadata key/,
    );
  });

  it('returns one whole sample read from the log', async () => {
    const { sample } = await server.gql<{
      sample: {
        input: string;
        target: string;
        completion: string;
        messages: { role: string; text: string }[];
        scores: { scorer: string; value: string; explanation: string }[];
        sample: { id: string };
      };
    }>(
      `query($runId: ID!) { sample(runId: $runId, id: "geo-01", epoch: 2) { input target completion messages { role text } scores { scorer value explanation } sample { id } } }`,
      { runId },
    );
    expect(sample.sample.id).toBe('geo-01');
    expect(sample.input).toMatch(/capital/);
    expect(sample.messages.map((m) => m.role)).toEqual(['user', 'assistant']);
    expect(sample.messages[1]!.text).toBe(sample.completion);
    expect(sample.scores[0]).toMatchObject({ scorer: 'match' });
    expect(
      await server.gql(`query($runId: ID!) { sample(runId: $runId, id: "nope") { input } }`, { runId }),
    ).toEqual({ sample: null });
  });
});
