import { useClientHandle, type CombinedError } from '@urql/vue';
import { computed, ref, shallowRef } from 'vue';
import { DashboardRunsDocument, type RunsTableRunFragment } from '@/graphql/graphql';
import { usePolling } from './usePolling';

interface Entry {
  run: RunsTableRunFragment;
  cursor: string;
}

const MAX_POLLED = 200; // the API's page-size cap

/**
 * The dashboard's runs list: a live head (polled) plus older pages fetched with a cursor.
 *
 * Every row ever fetched is kept by id and updated by each response, and the poll asks for as
 * many rows as are shown (up to the API's cap). So new runs appear at the top, running rows change
 * status in place, and rows pushed down by new runs never fall into a gap between "the polled first
 * page" and "the pages loaded later".
 */
export function useRunsFeed(pageSize = 20, pollMs = 2000) {
  const { client } = useClientHandle();
  const entries = shallowRef(new Map<string, Entry>());
  const totalCount = ref<number | null>(null);
  const error = ref<CombinedError | null>(null);
  const loaded = ref(false);
  const loadingMore = ref(false);
  const refreshing = ref(false);

  function merge(edges: { cursor: string; node: RunsTableRunFragment }[]): void {
    const next = new Map(entries.value);
    for (const edge of edges) next.set(edge.node.id, { run: edge.node, cursor: edge.cursor });
    entries.value = next;
  }

  // Same order as the API: newest first, ties broken by id descending.
  const sorted = computed(() =>
    [...entries.value.values()].sort(
      (a, b) => b.run.createdAt.localeCompare(a.run.createdAt) || b.run.id.localeCompare(a.run.id),
    ),
  );
  const runs = computed(() => sorted.value.map((entry) => entry.run));
  const hasMore = computed(() => totalCount.value !== null && entries.value.size < totalCount.value);

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
    const oldest = sorted.value.at(-1);
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

  void refresh();
  usePolling(refresh, pollMs);

  return { runs, totalCount, hasMore, error, loaded, loadingMore, refreshing, refresh, loadMore };
}
