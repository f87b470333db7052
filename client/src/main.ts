import urql from '@urql/vue';
import { createApp } from 'vue';
import App from './App.vue';
import { pinia } from './plugins/pinia';
import { createClients, WS_CONNECTION } from './plugins/urql';
import { createAppVuetify } from './plugins/vuetify';
import { router } from './router';
import { readStoredTheme } from './stores/preferences';
import './styles.css';

const clients = createClients();

createApp(App)
  .use(pinia)
  // The stored theme is applied before the first paint so a dark-mode user never sees a flash.
  .use(createAppVuetify(readStoredTheme()))
  .use(urql, clients.urql)
  .provide(WS_CONNECTION, clients.ws)
  .use(router)
  .mount('#app');
