import urql from '@urql/vue';
import { createApp } from 'vue';
import App from './App.vue';
import { pinia } from './plugins/pinia';
import { createApiClients, WS_CONNECTION } from './plugins/urql';
import { createAppVuetify } from './plugins/vuetify';
import { router } from './router';
import { readStoredTheme } from './stores/preferences';
import { useSessionStore } from './stores/session';
import './styles.css';

const session = useSessionStore(pinia);
// Any operation refused for want of a session (it expired, or was ended elsewhere) sends the
// user to the login page, which brings them back here afterwards.
const clients = createApiClients(() => {
  if (!session.expire()) return;
  const here = router.currentRoute.value;
  if (here.meta.public) return;
  void router.push({ name: 'login', query: { next: here.fullPath } });
});
session.attach(clients);

createApp(App)
  .use(pinia)
  // The stored theme is applied before the first paint so a dark-mode user never sees a flash.
  .use(createAppVuetify(readStoredTheme()))
  .use(urql, clients.urql)
  .provide(WS_CONNECTION, clients.ws)
  .use(router)
  .mount('#app');
