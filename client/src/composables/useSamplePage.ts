import { useClientHandle } from '@urql/vue';
import { ref, shallowRef, toValue, watch, type MaybeRefOrGetter } from 'vue';
import {
  RunSamplesDocument,
  SamplesCursorDocument,
  type SampleFilterInput,
  type SampleRowFragment,
  type SampleSort,
} from '@/graphql/graphql';
import { describeError } from '@/utils/errors';

export interface SamplePageRequest {
  runId: string;
  filter: SampleFilterInput;
  sort: SampleSort;
  /** 1-based. */
  page: number;
  perPage: number;
}

/** The API's page-size cap: longer skips take several cursor hops. */
const MAX_FIRST = 500;

/**
 * One page of a run's samples for a page-numbered table over the API's cursor paging. The
 * cursor where each page starts is remembered per filter/sort/page size; a page never visited
 * (a deep link to page 7) is reached by asking only for the cursor after the rows before it.
 * Answers to superseded requests are dropped so fast clicking never shows a stale page.
 */
export function useSamplePage(request: MaybeRefOrGetter<SamplePageRequest>) {
  const { client } = useClientHandle();
  const items = shallowRef<SampleRowFragment[]>([]);
  const totalCount = ref<number | null>(null);
  const loading = ref(false);
  const error = ref<string | null>(null);
  /** The page actually shown (a deep link past the end lands on the last page). */
  const shownPage = ref(1);

  let cursorKey = '';
  let cursors = new Map<number, string | null>(); // 0-based page → `after` for it
  let generation = 0;

  function variables(r: SamplePageRequest) {
    return { runId: r.runId, filter: r.filter, sort: r.sort };
  }

  async function cursorFor(r: SamplePageRequest, page: number): Promise<string | null | undefined> {
    const known = cursors.get(page);
    if (known !== undefined) return known;
    let from = page;
    while (from > 0 && !cursors.has(from)) from--;
    let after = cursors.get(from) ?? null;
    let skip = (page - from) * r.perPage;
    while (skip > 0) {
      const first = Math.min(MAX_FIRST, skip);
      const result = await client
        .query(SamplesCursorDocument, { ...variables(r), first, after }, { requestPolicy: 'cache-first' })
        .toPromise();
      if (result.error) throw new Error(describeError(result.error));
      const end = result.data?.run?.samples.endCursor ?? null;
      if (end === null) return undefined; // fewer rows than that: the page does not exist
      after = end;
      skip -= first;
    }
    cursors.set(page, after);
    return after;
  }

  async function load(r: SamplePageRequest): Promise<void> {
    const self = ++generation;
    const key = JSON.stringify([r.runId, r.filter, r.sort, r.perPage]);
    if (key !== cursorKey) {
      cursorKey = key;
      cursors = new Map([[0, null]]);
    }
    loading.value = true;
    error.value = null;
    try {
      let page = r.page - 1;
      let after = await cursorFor(r, page);
      if (after === undefined) {
        // Past the end: show the first page; the table's footer then offers the real range.
        page = 0;
        after = null;
      }
      const result = await client
        .query(
          RunSamplesDocument,
          { ...variables(r), first: r.perPage, after },
          // A finished run's samples never change: a page seen before is served from the cache.
          { requestPolicy: 'cache-first' },
        )
        .toPromise();
      if (self !== generation) return;
      if (result.error) throw new Error(describeError(result.error));
      const connection = result.data?.run?.samples;
      items.value = connection?.nodes ?? [];
      totalCount.value = connection?.totalCount ?? 0;
      shownPage.value = page + 1;
      if (connection?.endCursor) cursors.set(page + 1, connection.endCursor);
    } catch (e) {
      if (self !== generation) return;
      error.value = e instanceof Error ? e.message : String(e);
    } finally {
      if (self === generation) loading.value = false;
    }
  }

  watch(
    () => JSON.stringify(toValue(request)),
    () => void load(toValue(request)),
    { immediate: true },
  );

  return { items, totalCount, loading, error, shownPage, reload: () => load(toValue(request)) };
}
