import {
  cacheExchange,
  Client,
  fetchExchange,
  mapExchange,
  subscriptionExchange,
  type CombinedError,
} from '@urql/vue';
import { createClient as createWsClient, type Client as WsClient } from 'graphql-ws';
import { readonly, ref, shallowRef, type InjectionKey, type Ref, type ShallowRef } from 'vue';

/** The graphql-ws client and whether its socket is up, for useLiveSubscription. */
export interface WsConnection {
  /** The current client: read it at each subscribe, it is replaced when the session changes. */
  readonly client: WsClient;
  /** True between the server's connection ack and the socket closing. */
  open: Readonly<Ref<boolean>>;
}
export const WS_CONNECTION: InjectionKey<WsConnection> = Symbol('graphql-ws connection');

/** The API refuses a socket without a session (4403) and closes it on logout (4401). */
const SOCKET_UNAUTHENTICATED = new Set([4401, 4403]);

/** True when a request failed because there is no (longer a) session. */
export function isUnauthenticated(error: CombinedError | undefined | null): boolean {
  if (!error) return false;
  if (error.graphQLErrors.some((e) => e.extensions?.code === 'UNAUTHENTICATED')) return true;
  return (error.response as Response | undefined)?.status === 401;
}

export interface ApiClients {
  /** The urql client, as a ref: @urql/vue re-runs every useQuery when it is replaced. */
  urql: ShallowRef<Client>;
  ws: WsConnection;
  /**
   * Drops both clients and creates new ones: a new cache (nothing of the previous user is
   * shown to the next) and a new WebSocket, which the browser opens with the new cookie.
   */
  reset: () => void;
}

/**
 * The clients of the app. Queries and mutations go over HTTP; subscriptions over graphql-ws on
 * the same /graphql path (the API serves both there, and Vite proxies both in development). The
 * session cookie goes with both (same origin). `onUnauthenticated` is told when any operation is
 * refused for want of a session, e.g. one that expired.
 */
export function createApiClients(onUnauthenticated: () => void): ApiClients {
  const wsUrl = `${window.location.protocol === 'https:' ? 'wss' : 'ws'}://${window.location.host}/graphql`;
  // A quiet subscription (runsChanged) says nothing when healthy; the socket's own state is what
  // tells a quiet live list from a dead one.
  const open = ref(false);

  function newWs(): WsClient {
    // lazy: the socket opens only when a page subscribes and closes when the last one ends.
    // retryAttempts 0: on a lost socket graphql-ws would resubscribe with the *original*
    // variables, replaying a run's whole log from line 0; useLiveSubscription retries instead,
    // with the offsets it has reached, and tells the page when to fall back to polling.
    const client = createWsClient({ url: wsUrl, lazy: true, retryAttempts: 0 });
    // Events of a replaced client (its socket closing on logout) are not about the session now.
    client.on('connected', () => {
      if (current.ws === client) open.value = true;
    });
    client.on('closed', (event) => {
      if (current.ws !== client) return;
      open.value = false;
      const code = (event as { code?: number } | undefined)?.code;
      if (code !== undefined && SOCKET_UNAUTHENTICATED.has(code)) onUnauthenticated();
    });
    return client;
  }

  function newUrql(ws: () => WsClient): Client {
    return new Client({
      url: '/graphql',
      // Every page polls or refetches what it shows; the document cache only spares duplicate
      // requests between components mounted at the same time.
      requestPolicy: 'cache-and-network',
      // The API's CSRF guard (Yoga's useCSRFPrevention) refuses GET queries without this header:
      // a header is something a cross-site form or <img> cannot add.
      fetchOptions: { credentials: 'same-origin', headers: { 'x-graphql-csrf': '1' } },
      exchanges: [
        mapExchange({
          onError(error) {
            if (isUnauthenticated(error)) onUnauthenticated();
          },
        }),
        cacheExchange,
        fetchExchange,
        subscriptionExchange({
          forwardSubscription(request) {
            const input = { ...request, query: request.query ?? '' };
            return {
              subscribe(sink) {
                const unsubscribe = ws().subscribe(input, sink);
                return { unsubscribe };
              },
            };
          },
        }),
      ],
    });
  }

  const current: { ws: WsClient | null } = { ws: null };
  current.ws = newWs();
  const urql = shallowRef(newUrql(() => current.ws!));

  return {
    urql,
    ws: {
      get client() {
        return current.ws!;
      },
      open: readonly(open),
    },
    reset() {
      const old = current.ws;
      current.ws = newWs();
      open.value = false;
      void old?.dispose();
      urql.value = newUrql(() => current.ws!);
    },
  };
}
