import { cacheExchange, Client, fetchExchange, subscriptionExchange } from '@urql/vue';
import { createClient as createWsClient, type Client as WsClient } from 'graphql-ws';
import { readonly, ref, type InjectionKey, type Ref } from 'vue';

/** The graphql-ws client and whether its socket is up, for useLiveSubscription. */
export interface WsConnection {
  client: WsClient;
  /** True between the server's connection ack and the socket closing. */
  open: Readonly<Ref<boolean>>;
}
export const WS_CONNECTION: InjectionKey<WsConnection> = Symbol('graphql-ws connection');

/**
 * The clients of the app. Queries and mutations go over HTTP; subscriptions over graphql-ws on
 * the same /graphql path (the API serves both there, and Vite proxies both in development).
 */
export function createClients(): { urql: Client; ws: WsConnection } {
  const wsUrl = `${window.location.protocol === 'https:' ? 'wss' : 'ws'}://${window.location.host}/graphql`;
  // lazy: the socket opens only when a page subscribes and closes when the last one ends.
  // retryAttempts 0: on a lost socket graphql-ws would resubscribe with the *original*
  // variables, replaying a run's whole log from line 0; useLiveSubscription retries instead,
  // with the offsets it has reached, and tells the page when to fall back to polling.
  const ws = createWsClient({ url: wsUrl, lazy: true, retryAttempts: 0 });
  // A subscription that only speaks on change (runsChanged) is silent when healthy; the socket's
  // own state is what tells a quiet live list from a dead one.
  const open = ref(false);
  ws.on('connected', () => (open.value = true));
  ws.on('closed', () => (open.value = false));
  const urql = new Client({
    url: '/graphql',
    // Every page polls or refetches what it shows; the document cache only spares duplicate
    // requests between components mounted at the same time.
    requestPolicy: 'cache-and-network',
    exchanges: [
      cacheExchange,
      fetchExchange,
      subscriptionExchange({
        forwardSubscription(request) {
          const input = { ...request, query: request.query ?? '' };
          return {
            subscribe(sink) {
              const unsubscribe = ws.subscribe(input, sink);
              return { unsubscribe };
            },
          };
        },
      }),
    ],
  });
  return { urql, ws: { client: ws, open: readonly(open) } };
}
