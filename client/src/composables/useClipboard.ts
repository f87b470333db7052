import { onScopeDispose, ref, type Ref } from 'vue';

/**
 * Copies text and flags success for a moment. Falls back to a hidden textarea because
 * navigator.clipboard exists only in secure contexts (plain http on a LAN address is not one).
 */
export function useClipboard(resetMs = 1500): {
  copied: Ref<boolean>;
  copy: (text: string) => Promise<boolean>;
} {
  const copied = ref(false);
  let timer: ReturnType<typeof setTimeout> | undefined;

  async function copy(text: string): Promise<boolean> {
    let ok = false;
    try {
      if (navigator.clipboard && window.isSecureContext) {
        await navigator.clipboard.writeText(text);
        ok = true;
      }
    } catch {
      ok = false;
    }
    if (!ok) ok = copyWithTextarea(text);
    copied.value = ok;
    clearTimeout(timer);
    timer = setTimeout(() => (copied.value = false), resetMs);
    return ok;
  }

  onScopeDispose(() => clearTimeout(timer));
  return { copied, copy };
}

function copyWithTextarea(text: string): boolean {
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.style.position = 'fixed';
  area.style.opacity = '0';
  document.body.appendChild(area);
  area.select();
  try {
    // execCommand is deprecated but is the only copy path outside secure contexts.
    return document.execCommand('copy');
  } catch {
    return false;
  } finally {
    area.remove();
  }
}
