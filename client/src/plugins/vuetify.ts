import '@mdi/font/css/materialdesignicons.css';
import 'vuetify/styles';
import { createVuetify } from 'vuetify';
import { aliases, mdi } from 'vuetify/iconsets/mdi';

/** Brand colours, exported for the charts, which draw on a canvas outside Vuetify's CSS. */
export const THEME_PRIMARY = { light: '#3949ab', dark: '#8c9eff' } as const;

/** The two themes; the user's choice is remembered by the preferences store. */
export function createAppVuetify(initialTheme: 'light' | 'dark') {
  return createVuetify({
    icons: { defaultSet: 'mdi', aliases, sets: { mdi } },
    theme: {
      defaultTheme: initialTheme,
      themes: {
        light: {
          dark: false,
          colors: {
            primary: THEME_PRIMARY.light,
            secondary: '#00897b',
            background: '#f5f6fa',
            surface: '#ffffff',
            'surface-variant': '#e8eaf2',
            'on-surface-variant': '#30323d',
            'app-bar': '#283593',
          },
        },
        dark: {
          dark: true,
          colors: {
            primary: THEME_PRIMARY.dark,
            // The light dark-theme primary needs dark text on it to stay readable.
            'on-primary': '#11142a',
            secondary: '#4db6ac',
            background: '#12131a',
            surface: '#1c1d26',
            'surface-variant': '#2a2c38',
            'on-surface-variant': '#e3e4ee',
            // A light primary under white text would be unreadable: the dark bar stays dark.
            'app-bar': '#1e2030',
          },
        },
      },
    },
    defaults: {
      VCard: { rounded: 'lg' },
      VTextField: { variant: 'outlined', density: 'comfortable' },
      VAutocomplete: { variant: 'outlined', density: 'comfortable' },
      VSelect: { variant: 'outlined', density: 'comfortable' },
      VChip: { size: 'small' },
    },
  });
}
