import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';

export interface EventLine {
  stream: 'STDOUT' | 'STDERR';
  line: number;
  text: string;
}
export interface RunEventData {
  kind: 'STATUS' | 'PROGRESS' | 'LOG' | 'HEARTBEAT';
  run: { id: string; status: string } | null;
  progress: { completed: number | null; total: number | null } | null;
  /** Expanded from the compact batches the subscription sends. */
  lines: EventLine[];
}
interface WireEvent extends Omit<RunEventData, 'lines'> {
  batches: { stream: EventLine['stream']; firstLine: number; text: string }[];
}

export const RUN_EVENTS = `subscription($runId: ID!, $from: LogOffsetInput) {
  runEvents(runId: $runId, fromOffset: $from) {
    kind run { id status } progress { completed total } batches { stream firstLine text }
  }
}`;

/** A graphql-ws client that sends the session cookie with its upgrade request. */
export function wsClient(httpUrl: string, cookie: string): Client {
  class CookieWebSocket extends WebSocket {
    constructor(address: string, protocols?: string | string[]) {
      super(address, protocols, { headers: { cookie } });
    }
  }
  return createClient({
    url: `${httpUrl.replace(/^http/, 'ws')}/graphql`,
    webSocketImpl: CookieWebSocket,
    retryAttempts: 0,
    lazy: true,
  });
}

/**
 * Subscribes to runEvents and hands every event to `onEvent`; resolves when the server ends
 * the stream (after the terminal status), rejects on an error.
 */
export function subscribeRunEvents(
  client: Client,
  runId: string,
  from: { stdout: number; stderr: number },
  onEvent: (event: RunEventData) => void,
): { done: Promise<void>; unsubscribe: () => void } {
  let unsubscribe = () => {};
  const done = new Promise<void>((resolve, reject) => {
    unsubscribe = client.subscribe<{ runEvents: WireEvent }>(
      { query: RUN_EVENTS, variables: { runId, from } },
      {
        next: (message) => {
          if (message.errors) reject(new Error(message.errors.map((e) => e.message).join('; ')));
          else if (message.data) {
            const { batches, ...event } = message.data.runEvents;
            const lines = batches.flatMap((b) =>
              b.text.split('\n').map((text, i) => ({ stream: b.stream, line: b.firstLine + i, text })),
            );
            onEvent({ ...event, lines });
          }
        },
        error: (error) => reject(error instanceof Error ? error : new Error(JSON.stringify(error))),
        complete: () => resolve(),
      },
    );
  });
  return { done, unsubscribe };
}
