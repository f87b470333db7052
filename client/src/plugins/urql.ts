import { cacheExchange, Client, fetchExchange, subscriptionExchange } from '@urql/vue';
import { createClient as createWsClient } from 'graphql-ws';

/**
 * One urql client for the app. Queries and mutations go over HTTP; subscriptions over graphql-ws
 * on the same /graphql path (the API serves both there, and Vite proxies both in development).
 */
export function createUrqlClient(): Client {
  const wsUrl = `${window.location.protocol === 'https:' ? 'wss' : 'ws'}://${window.location.host}/graphql`;
  // lazy: the socket opens only when a page subscribes, and reconnects by itself when the server
  // restarts; pages also poll, so a missing socket never leaves them stale.
  const ws = createWsClient({ url: wsUrl, lazy: true, retryAttempts: Infinity });
  return new Client({
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
}
