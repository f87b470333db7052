import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print } from 'graphql';
import { inject, onScopeDispose, ref, toValue, watch, type MaybeRefOrGetter, type Ref } from 'vue';
import { WS_CONNECTION } from '@/plugins/urql';

/**
 * - connecting: the first subscribe is on its way
 * - live: subscribed on an open socket (events arrive as they happen)
 * - retrying: the socket failed; a new attempt is scheduled
 * - degraded: several attempts in a row failed; callers fall back to polling (retries go on)
 * - ended: the server completed the stream normally
 * - failed: the server rejected the subscription itself (e.g. unknown run); no retry helps
 * - idle: not active
 */
export type LiveState = 'connecting' | 'live' | 'retrying' | 'degraded' | 'ended' | 'failed' | 'idle';

export interface LiveSubscriptionOptions<Data, Variables extends Record<string, unknown>> {
  document: TypedDocumentNode<Data, Variables>;
  /** Called at every (re)subscribe, so a resume offset can go into the variables. */
  variables: () => Variables;
  onData: (data: Data) => void;
  /** Subscribed only while true; turning it off unsubscribes. */
  active?: MaybeRefOrGetter<boolean>;
  /**
   * Whether the stream may end now. A completion before the consumer has what it waits for
   * (a run's terminal status) is treated as a dropped connection and retried.
   */
  isFinished?: () => boolean;
  /** Consecutive failures before `degraded` (callers then poll). */
  failuresBeforeDegraded?: number;
  /**
   * Reconnect when nothing at all arrives for this long. Only for streams with server
   * heartbeats: it catches a socket that died without a close frame (sleep, proxy timeouts).
   */
  idleTimeoutMs?: number;
  /** Called when a connection is re-established after failures (to refetch what was missed). */
  onRecovered?: () => void;
}

const BACKOFF_MS = [1000, 2000, 4000, 8000, 15_000];

/**
 * A GraphQL subscription that survives a lost WebSocket. The graphql-ws client does not retry
 * by itself (plugins/urql.ts explains why); every retry here calls `variables()` again, after a
 * backoff with jitter, so a resumable stream resumes where it stopped. Unsubscribes when the
 * calling scope (the component) is disposed.
 */
export function useLiveSubscription<Data, Variables extends Record<string, unknown>>(
  options: LiveSubscriptionOptions<Data, Variables>,
): { state: Ref<LiveState>; error: Ref<string | null>; restart: () => void } {
  const injected = inject(WS_CONNECTION);
  if (!injected) throw new Error('useLiveSubscription needs the graphql-ws client (see main.ts)');
  const connection = injected;
  // The client is read at every (re)subscribe: it is replaced when the session changes.
  const { open: socketOpen } = connection;
  const state = ref<LiveState>('idle');
  const error = ref<string | null>(null);
  const query = print(options.document);
  const failuresBeforeDegraded = options.failuresBeforeDegraded ?? 2;
  let failures = 0;
  let unsubscribe: (() => void) | null = null;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let idleTimer: ReturnType<typeof setTimeout> | undefined;
  let stopOpenWatch: (() => void) | undefined;
  // Callbacks of an attempt that was replaced are ignored: graphql-ws may still deliver them.
  let attempt = 0;

  function stop(): void {
    attempt += 1;
    clearTimeout(retryTimer);
    clearTimeout(idleTimer);
    stopOpenWatch?.();
    stopOpenWatch = undefined;
    const current = unsubscribe;
    unsubscribe = null;
    current?.();
  }

  function armIdleTimer(self: number): void {
    if (!options.idleTimeoutMs) return;
    clearTimeout(idleTimer);
    idleTimer = setTimeout(() => {
      if (self === attempt) fail();
    }, options.idleTimeoutMs);
  }

  function fail(): void {
    stop();
    failures += 1;
    state.value = failures >= failuresBeforeDegraded ? 'degraded' : 'retrying';
    const base = BACKOFF_MS[Math.min(failures - 1, BACKOFF_MS.length - 1)]!;
    retryTimer = setTimeout(start, base + Math.random() * base * 0.3);
  }

  /** Called on the first event, or once the socket is up: a quiet stream can be live too. */
  function markLive(recovering: boolean): void {
    if (state.value === 'live') return;
    state.value = 'live';
    failures = 0;
    if (recovering) options.onRecovered?.();
  }

  function start(): void {
    stop();
    const self = attempt;
    const recovering = failures > 0;
    if (state.value !== 'degraded' && state.value !== 'retrying') state.value = 'connecting';
    armIdleTimer(self);
    unsubscribe = connection.client.subscribe<Data>(
      { query, variables: options.variables() },
      {
        next(result) {
          if (self !== attempt) return;
          if (result.errors?.length) {
            // The server said no (e.g. the run does not exist): retrying cannot change that.
            error.value = result.errors.map((e) => e.message).join('; ');
            stop();
            state.value = 'failed';
            return;
          }
          if (!result.data) return;
          markLive(recovering);
          failures = 0;
          error.value = null;
          armIdleTimer(self);
          options.onData(result.data);
        },
        error(reason) {
          if (self !== attempt) return;
          if (Array.isArray(reason)) {
            error.value = (reason as { message: string }[]).map((e) => e.message).join('; ');
            stop();
            state.value = 'failed';
            return;
          }
          fail();
        },
        complete() {
          if (self !== attempt) return;
          if (options.isFinished && !options.isFinished()) {
            fail();
            return;
          }
          stop();
          state.value = 'ended';
        },
      },
    );
    if (socketOpen.value) markLive(recovering);
    else {
      stopOpenWatch = watch(socketOpen, (open) => {
        if (open && self === attempt) markLive(recovering);
      });
    }
  }

  watch(
    () => toValue(options.active ?? true),
    (active) => {
      if (active) {
        if (state.value === 'live' || state.value === 'connecting') return;
        failures = 0;
        start();
      } else {
        stop();
        if (state.value !== 'ended' && state.value !== 'failed') state.value = 'idle';
      }
    },
    { immediate: true },
  );

  onScopeDispose(stop);

  return {
    state,
    error,
    restart: () => {
      failures = 0;
      start();
    },
  };
}
