import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { RunRow } from '../db/entities/Run.js';
import { createAppPubSub } from '../pubsub.js';
import { RunDirectory } from './artifacts.js';
import { runEventStream, type StreamEvent } from './eventStream.js';
import { RunLogWriter, type LogLine } from './logStore.js';
import type { RunRepository } from './repository.js';

const ID = '11111111-2222-4333-8444-555555555555';

function row(status: RunRow['status']): RunRow {
  return { id: ID, status } as RunRow;
}

describe('runEventStream', () => {
  it('delivers every line once to a subscriber slower than the writer, re-reading what it dropped', async () => {
    const runsDir = fs.mkdtempSync(path.join(os.tmpdir(), 'obw-events-'));
    const dir = new RunDirectory(runsDir, ID);
    await dir.create();
    const pubsub = createAppPubSub();
    let current = row('RUNNING');
    const repo = { get: async () => current } as unknown as RunRepository;
    const writer = new RunLogWriter(
      { stdout: dir.file('stdout.log'), stderr: dir.file('stderr.log') },
      1 << 30,
      (lines) => pubsub.publish('runEvent', ID, { kind: 'log', runId: ID, lines }),
    );
    // Some output exists before the subscriber arrives.
    await writer.write('stdout', Array.from({ length: 100 }, (_, i) => `line ${i}\n`).join(''));

    const received: LogLine[] = [];
    const events: StreamEvent['kind'][] = [];
    const consume = (async () => {
      for await (const event of runEventStream(
        { pubsub, runRepository: repo, directory: () => dir },
        ID,
        { stdout: 0, stderr: 0 },
        { maxQueuedLines: 500 },
      )) {
        events.push(event.kind);
        if (event.kind === 'log') received.push(...event.lines);
        await sleep(2); // a slow reader
      }
    })();

    for (let i = 100; i < 20_000; i += 50) {
      await writer.write('stdout', Array.from({ length: 50 }, (_, j) => `line ${i + j}\n`).join(''));
      if (i % 1000 === 0) await writer.write('stderr', `err ${i / 1000}\n`);
    }
    await writer.end();
    current = row('COMPLETED');
    pubsub.publish('runEvent', ID, { kind: 'status', run: current });
    await consume;

    const out = received.filter((l) => l.stream === 'stdout');
    expect(out.map((l) => l.line)).toEqual(Array.from({ length: 20_000 }, (_, i) => i));
    expect(out.map((l) => l.text)).toEqual(Array.from({ length: 20_000 }, (_, i) => `line ${i}`));
    expect(received.filter((l) => l.stream === 'stderr').map((l) => l.text)).toEqual(
      Array.from({ length: 19 }, (_, i) => `err ${i + 1}`),
    );
    expect(events[0]).toBe('status');
    expect(events.at(-1)).toBe('status');
  });

  it('sends heartbeats while nothing happens', async () => {
    const runsDir = fs.mkdtempSync(path.join(os.tmpdir(), 'obw-events-'));
    const dir = new RunDirectory(runsDir, ID);
    await dir.create();
    const pubsub = createAppPubSub();
    const repo = { get: async () => row('RUNNING') } as unknown as RunRepository;
    const kinds: string[] = [];
    for await (const event of runEventStream(
      { pubsub, runRepository: repo, directory: () => dir },
      ID,
      { stdout: 0, stderr: 0 },
      { heartbeatMs: 20 },
    )) {
      kinds.push(event.kind);
      if (kinds.length === 3) break;
    }
    expect(kinds).toEqual(['status', 'heartbeat', 'heartbeat']);
  });
});
