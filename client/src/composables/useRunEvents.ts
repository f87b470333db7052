import { onScopeDispose, ref, shallowRef, toValue, watch, type MaybeRefOrGetter } from 'vue';
import {
  RunEventsDocument,
  type LogStream,
  type RunEventsSubscription,
  type RunLiveFragment,
} from '@/graphql/graphql';
import { LogLineBuffer } from '@/utils/logBuffer';
import { mergeProgress, type LiveProgress } from '@/utils/progress';
import { isTerminal } from '@/utils/runStatus';
import { useLiveSubscription } from './useLiveSubscription';

/** Lines kept per stream in the browser; older ones are dropped (and the full log offered). */
export const MAX_LOG_LINES = 200_000;
/** How often buffered lines are handed to the view: often enough to feel live, rarely enough to be cheap. */
const FLUSH_MS = 100;
/** The server sends a heartbeat every 15 s; three missed ones mean the socket is dead. */
const IDLE_TIMEOUT_MS = 45_000;

export type RunLogs = Record<LogStream, LogLineBuffer>;

/**
 * The live side of one run: status, progress and output from the runEvents subscription.
 *
 * Output lines are numbered per stream by the server; the buffers remember the next number of
 * each, and a reconnect asks for exactly those offsets, so nothing is missed or shown twice.
 * For a finished run the same subscription replays the stored output and completes.
 * `logVersion` changes on a flush timer, not per line, so a flood of output renders in steps.
 */
export function useRunEvents(runId: MaybeRefOrGetter<string>, options: { maxLines?: number } = {}) {
  const maxLines = options.maxLines ?? MAX_LOG_LINES;
  const logs: RunLogs = { STDOUT: new LogLineBuffer(maxLines), STDERR: new LogLineBuffer(maxLines) };
  const logVersion = ref(0);
  const run = shallowRef<RunLiveFragment | null>(null);
  const progress = shallowRef<LiveProgress | null>(null);
  /** Set once a STATUS event said the run is over (the stream then ends by itself). */
  const finished = ref(false);

  let flushTimer: ReturnType<typeof setTimeout> | undefined;
  function scheduleFlush(): void {
    if (flushTimer !== undefined) return;
    flushTimer = setTimeout(() => {
      flushTimer = undefined;
      logVersion.value += 1;
    }, FLUSH_MS);
  }

  /** A STATUS event, or a polled copy of the run while the socket is down. */
  function applySnapshot(snapshot: RunLiveFragment): void {
    run.value = snapshot;
    progress.value = mergeProgress(progress.value, snapshot.progress);
    if (isTerminal(snapshot.status)) finished.value = true;
  }

  function onEvent(data: RunEventsSubscription): void {
    const event = data.runEvents;
    if (event.kind === 'STATUS' && event.run) {
      applySnapshot(event.run);
    } else if (event.kind === 'PROGRESS' && event.progress) {
      progress.value = mergeProgress(progress.value, event.progress);
    } else if (event.kind === 'LOG') {
      for (const batch of event.batches) {
        logs[batch.stream].append(batch.firstLine, splitBatch(batch.text, batch.lineCount));
      }
      scheduleFlush();
    }
  }

  const subscription = useLiveSubscription({
    document: RunEventsDocument,
    variables: () => ({
      runId: toValue(runId),
      fromOffset: { stdout: logs.STDOUT.nextLine, stderr: logs.STDERR.nextLine },
    }),
    onData: onEvent,
    isFinished: () => finished.value,
    idleTimeoutMs: IDLE_TIMEOUT_MS,
  });

  // Another run on the same page instance (Re-run navigates to /runs/<new id>): start over.
  watch(
    () => toValue(runId),
    () => {
      logs.STDOUT.clear();
      logs.STDERR.clear();
      run.value = null;
      progress.value = null;
      finished.value = false;
      logVersion.value += 1;
      subscription.restart();
    },
  );

  onScopeDispose(() => clearTimeout(flushTimer));

  return {
    run,
    progress,
    logs,
    logVersion,
    finished,
    state: subscription.state,
    error: subscription.error,
    applySnapshot,
  };
}

/** A batch's text is its lines joined with \n; lineCount disambiguates a lone empty line. */
function splitBatch(text: string, lineCount: number): string[] {
  if (lineCount === 1) return [text];
  const lines = text.split('\n');
  return lines.length === lineCount ? lines : lines.slice(0, lineCount);
}
