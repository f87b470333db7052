import { useClientHandle, type CombinedError } from '@urql/vue';
import { computed, onScopeDispose, ref, shallowRef } from 'vue';
import { DashboardRunsDocument, RunsChangedDocument, type RunsTableRunFragment } from '@/graphql/graphql';
import { statusRank } from '@/utils/runStatus';
import { useLiveSubscription } from './useLiveSubscription';
import { usePolling } from './usePolling';

interface Entry {
  run: RunsTableRunFragment;
  /** Null for a run that arrived by subscription: it is the newest, never the page boundary. */
  cursor: string | null;
}

const MAX_POLLED = 200; // the API's page-size cap
/**
 * runsChanged carries status changes only; the running rows' percentages and the queued rows'
 * places (which move when a run ahead starts, without an event for the queued run) refresh
 * this often.
 */
const PROGRESS_REFRESH_MS = 5000;
/** A status change moves every queued run up: the list is fetched again this soon after one. */
const QUEUE_SHIFT_REFRESH_MS = 300;

/**
 * The dashboard's runs list: the first page, older pages fetched with a cursor, and live changes
 * pushed by the runsChanged subscription (a new run appears at the top, a row changes status in
 * place). When the socket cannot be had, the list is polled instead, as many rows as are shown
 * (up to the API's cap), so rows pushed down by new runs never fall into a gap between pages.
 */
export function useRunsFeed(pageSize = 20, pollMs = 2000) {
  const { client } = useClientHandle();
  const entries = shallowRef(new Map<string, Entry>());
  const totalCount = ref<number | null>(null);
  const error = ref<CombinedError | null>(null);
  const loaded = ref(false);
  const loadingMore = ref(false);
  const refreshing = ref(false);
  /** Counts the runs seen appearing or changing status, however they were learnt (push or poll). */
  const statusChanges = ref(0);

  /**
   * Adds or updates rows; a snapshot older than what is shown (by status) never wins. Returns
   * how many rows appeared or changed status.
   */
  function merge(updates: { cursor: string | null; node: RunsTableRunFragment }[]): number {
    const next = new Map(entries.value);
    let changed = 0;
    for (const { cursor, node } of updates) {
      const known = next.get(node.id);
      if (known && statusRank(known.run.status) > statusRank(node.status)) continue;
      if (known?.run.status !== node.status) changed += 1;
      next.set(node.id, { run: node, cursor: cursor ?? known?.cursor ?? null });
    }
    entries.value = next;
    statusChanges.value += changed;
    return changed;
  }

  // Same order as the API: newest first, ties broken by id descending.
  const sorted = computed(() =>
    [...entries.value.values()].sort(
      (a, b) => b.run.createdAt.localeCompare(a.run.createdAt) || b.run.id.localeCompare(a.run.id),
    ),
  );
  const runs = computed(() => sorted.value.map((entry) => entry.run));
  const hasMore = computed(() => totalCount.value !== null && entries.value.size < totalCount.value);
  const anyRunning = computed(() => runs.value.some((run) => run.status === 'RUNNING'));
  const anyQueued = computed(() => runs.value.some((run) => run.status === 'QUEUED'));

  async function refresh(): Promise<void> {
    refreshing.value = true;
    const first = Math.min(MAX_POLLED, Math.max(pageSize, entries.value.size));
    const result = await client
      .query(DashboardRunsDocument, { first }, { requestPolicy: 'network-only' })
      .toPromise();
    refreshing.value = false;
    if (result.error || !result.data) {
      error.value = result.error ?? null;
      return;
    }
    error.value = null;
    totalCount.value = result.data.runs.totalCount;
    merge(result.data.runs.edges);
    loaded.value = true;
  }

  async function loadMore(): Promise<void> {
    const oldest = sorted.value.findLast((entry) => entry.cursor !== null);
    if (!oldest || loadingMore.value) return;
    loadingMore.value = true;
    const result = await client
      .query(
        DashboardRunsDocument,
        { first: pageSize, after: oldest.cursor },
        { requestPolicy: 'network-only' },
      )
      .toPromise();
    loadingMore.value = false;
    if (result.error || !result.data) {
      error.value = result.error ?? null;
      return;
    }
    totalCount.value = result.data.runs.totalCount;
    merge(result.data.runs.edges);
  }

  const live = useLiveSubscription({
    document: RunsChangedDocument,
    variables: () => ({}),
    onData: ({ runsChanged }) => {
      if (!entries.value.has(runsChanged.id) && totalCount.value !== null) totalCount.value += 1;
      const changed = merge([{ cursor: null, node: runsChanged }]);
      // The pushed run is current, but the queued rows' places it moved are not: fetch them.
      if (changed > 0 && anyQueued.value) scheduleQueueShiftRefresh();
    },
    // Changes made while the socket was down were not pushed: fetch the list once.
    onRecovered: () => void refresh(),
  });
  const socketDown = computed(() => live.state.value === 'degraded' || live.state.value === 'failed');

  let queueShiftTimer: ReturnType<typeof setTimeout> | undefined;
  function scheduleQueueShiftRefresh(): void {
    clearTimeout(queueShiftTimer);
    queueShiftTimer = setTimeout(() => void refresh(), QUEUE_SHIFT_REFRESH_MS);
  }
  onScopeDispose(() => clearTimeout(queueShiftTimer));

  void refresh();
  usePolling(refresh, pollMs, socketDown);
  usePolling(refresh, PROGRESS_REFRESH_MS, () => !socketDown.value && (anyRunning.value || anyQueued.value));

  return {
    runs,
    totalCount,
    hasMore,
    error,
    loaded,
    loadingMore,
    refreshing,
    liveState: live.state,
    statusChanges,
    refresh,
    loadMore,
  };
}
