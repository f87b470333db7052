import { defineStore } from 'pinia';
import { ref, watch } from 'vue';

type ThemeName = 'light' | 'dark';

const THEME_KEY = 'obw.theme';
const MODELS_KEY = 'obw.recentModels';

function readStoredTheme(): ThemeName {
  const stored = localStorage.getItem(THEME_KEY);
  if (stored === 'light' || stored === 'dark') return stored;
  return window.matchMedia?.('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

function readRecentModels(): string[] {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(MODELS_KEY) ?? '[]');
    return Array.isArray(parsed) ? parsed.filter((m): m is string => typeof m === 'string').slice(0, 8) : [];
  } catch {
    return [];
  }
}

/**
 * Choices that outlive a page and a visit: the theme, and the models this browser started runs
 * with (offered first in the New Run form). Kept in localStorage; nothing here is secret.
 */
export const usePreferencesStore = defineStore('preferences', () => {
  const theme = ref<ThemeName>(readStoredTheme());
  const recentModels = ref<string[]>(readRecentModels());

  watch(theme, (value) => localStorage.setItem(THEME_KEY, value));
  watch(recentModels, (value) => localStorage.setItem(MODELS_KEY, JSON.stringify(value)), { deep: true });

  function toggleTheme(): void {
    theme.value = theme.value === 'dark' ? 'light' : 'dark';
  }

  function rememberModel(model: string): void {
    recentModels.value = [model, ...recentModels.value.filter((m) => m !== model)].slice(0, 8);
  }

  return { theme, recentModels, toggleTheme, rememberModel };
});

export { readStoredTheme };
