import urql from '@urql/vue';
import { createApp } from 'vue';
import App from './App.vue';
import { pinia } from './plugins/pinia';
import { createUrqlClient } from './plugins/urql';
import { createAppVuetify } from './plugins/vuetify';
import { router } from './router';
import { readStoredTheme } from './stores/preferences';
import './styles.css';

createApp(App)
  .use(pinia)
  // The stored theme is applied before the first paint so a dark-mode user never sees a flash.
  .use(createAppVuetify(readStoredTheme()))
  .use(urql, createUrqlClient())
  .use(router)
  .mount('#app');
