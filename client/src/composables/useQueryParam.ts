import { computed, type WritableComputedRef } from 'vue';
import { useRoute, useRouter } from 'vue-router';

/**
 * A string URL query parameter as a writable ref, so filters and selections are deep links that
 * can be shared. Writing replaces the history entry (typing a search should not flood Back).
 */
export function useQueryParam(name: string): WritableComputedRef<string | null> {
  const route = useRoute();
  const router = useRouter();
  return computed({
    get: () => {
      const value = route.query[name];
      const first = Array.isArray(value) ? value[0] : value;
      return first ?? null;
    },
    set: (value) => {
      const query = { ...route.query };
      if (value === null || value === '') delete query[name];
      else query[name] = value;
      void router.replace({ query });
    },
  });
}
