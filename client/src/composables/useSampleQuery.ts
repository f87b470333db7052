import { computed, type ComputedRef } from 'vue';
import { useRoute, useRouter, type LocationQuery, type LocationQueryRaw } from 'vue-router';
import type { SampleFilterInput, SampleSort } from '@/graphql/graphql';

export interface MetadataMatch {
  key: string;
  value: string;
}

/** The samples explorer's whole state; it lives in the URL so a filtered list is a deep link. */
export interface SampleQueryState {
  correct: boolean | null;
  score: string;
  metadata: MetadataMatch[];
  text: string;
  errorsOnly: boolean;
  sort: SampleSort;
  /** 1-based. */
  page: number;
  perPage: number;
  /** The sample open in the detail dialog. */
  open: { id: string; epoch: number } | null;
}

export const SAMPLE_SORTS: { value: SampleSort; title: string }[] = [
  { value: 'POSITION', title: 'Dataset order' },
  { value: 'ID', title: 'Sample id' },
  { value: 'TIME_DESC', title: 'Slowest first' },
  { value: 'TOKENS_DESC', title: 'Most tokens first' },
];
export const PAGE_SIZES = [10, 25, 50, 100];
const DEFAULT_PER_PAGE = 25;

/** The filter part of the state as the API takes it (empty fields left out). */
export function toFilterInput(state: SampleQueryState): SampleFilterInput {
  const filter: SampleFilterInput = {};
  if (state.correct !== null) filter.correct = state.correct;
  if (state.score) filter.scoreValue = state.score;
  if (state.metadata.length > 0) filter.metadata = state.metadata;
  if (state.text) filter.text = state.text;
  if (state.errorsOnly) filter.hasError = true;
  return filter;
}

/** "category=math" → { key, value }; null when there is no "=" or no key. */
export function parseMetadataMatch(text: string): MetadataMatch | null {
  const at = text.indexOf('=');
  if (at <= 0) return null;
  const key = text.slice(0, at).trim();
  return key ? { key, value: text.slice(at + 1).trim() } : null;
}

function first(query: LocationQuery, name: string): string | null {
  const value = query[name];
  return (Array.isArray(value) ? value[0] : value) ?? null;
}

function all(query: LocationQuery, name: string): string[] {
  const value = query[name];
  if (value === undefined || value === null) return [];
  return (Array.isArray(value) ? value : [value]).filter((v): v is string => typeof v === 'string');
}

function positiveInt(text: string | null, fallback: number): number {
  const n = Number(text);
  return Number.isInteger(n) && n > 0 ? n : fallback;
}

function parse(query: LocationQuery): SampleQueryState {
  const correct = first(query, 'correct');
  const sort = first(query, 'sort');
  const perPage = positiveInt(first(query, 'per'), DEFAULT_PER_PAGE);
  const openId = first(query, 'sample');
  return {
    correct: correct === 'true' ? true : correct === 'false' ? false : null,
    score: first(query, 'score') ?? '',
    metadata: all(query, 'meta')
      .map(parseMetadataMatch)
      .filter((m): m is MetadataMatch => m !== null),
    text: first(query, 'q') ?? '',
    errorsOnly: first(query, 'errors') === '1',
    sort: SAMPLE_SORTS.some((s) => s.value === sort) ? (sort as SampleSort) : 'POSITION',
    page: positiveInt(first(query, 'page'), 1),
    perPage: PAGE_SIZES.includes(perPage) ? perPage : DEFAULT_PER_PAGE,
    open: openId ? { id: openId, epoch: positiveInt(first(query, 'epoch'), 1) } : null,
  };
}

const OWN_KEYS = ['correct', 'score', 'meta', 'q', 'errors', 'sort', 'page', 'per', 'sample', 'epoch'];

function serialize(state: SampleQueryState): LocationQueryRaw {
  const query: LocationQueryRaw = {};
  if (state.correct !== null) query.correct = String(state.correct);
  if (state.score) query.score = state.score;
  if (state.metadata.length > 0) query.meta = state.metadata.map((m) => `${m.key}=${m.value}`);
  if (state.text) query.q = state.text;
  if (state.errorsOnly) query.errors = '1';
  if (state.sort !== 'POSITION') query.sort = state.sort;
  if (state.page > 1) query.page = String(state.page);
  if (state.perPage !== DEFAULT_PER_PAGE) query.per = String(state.perPage);
  if (state.open) {
    query.sample = state.open.id;
    if (state.open.epoch !== 1) query.epoch = String(state.open.epoch);
  }
  return query;
}

/**
 * The samples explorer's state in the URL query. Changes made in the same tick are merged into
 * one history replacement (a filter change also resets the page; two separate replaces would
 * race and the second would undo the first).
 */
export function useSampleQuery(): {
  state: ComputedRef<SampleQueryState>;
  update: (patch: Partial<SampleQueryState>) => void;
} {
  const route = useRoute();
  const router = useRouter();
  const state = computed(() => parse(route.query));
  let pending: Partial<SampleQueryState> | null = null;

  function update(patch: Partial<SampleQueryState>): void {
    const filterChanged = (
      ['correct', 'score', 'metadata', 'text', 'errorsOnly', 'sort', 'perPage'] as const
    ).some((k) => k in patch);
    pending = { ...pending, ...(filterChanged && !('page' in patch) ? { page: 1 } : {}), ...patch };
    queueMicrotask(() => {
      if (!pending) return;
      const next = { ...parse(router.currentRoute.value.query), ...pending };
      pending = null;
      const others = Object.fromEntries(
        Object.entries(router.currentRoute.value.query).filter(([k]) => !OWN_KEYS.includes(k)),
      );
      void router.replace({ query: { ...others, ...serialize(next) } });
    });
  }

  return { state, update };
}
