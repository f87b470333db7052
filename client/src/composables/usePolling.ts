import { onScopeDispose, toValue, watch, type MaybeRefOrGetter } from 'vue';

/**
 * Calls `tick` every `intervalMs` while `active` is true and the tab is visible (a hidden tab
 * polling a busy server helps nobody), and once right away when the tab becomes visible again.
 * A tick still in flight is never overlapped by the next one.
 */
export function usePolling(
  tick: () => Promise<unknown> | void,
  intervalMs: number,
  active: MaybeRefOrGetter<boolean> = true,
): void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let running = false;

  const schedule = (): void => {
    clearTimeout(timer);
    timer = undefined;
    if (!toValue(active) || document.visibilityState === 'hidden') return;
    timer = setTimeout(() => void run(), intervalMs);
  };

  const run = async (): Promise<void> => {
    if (running) return;
    running = true;
    try {
      await tick();
    } catch {
      // The query's own error state shows the problem; polling keeps trying so the page heals.
    } finally {
      running = false;
      schedule();
    }
  };

  const onVisibility = (): void => {
    if (document.visibilityState === 'visible' && toValue(active)) void run();
    else schedule();
  };

  watch(() => toValue(active), schedule, { immediate: true });
  document.addEventListener('visibilitychange', onVisibility);
  onScopeDispose(() => {
    clearTimeout(timer);
    document.removeEventListener('visibilitychange', onVisibility);
  });
}
