import { defineStore } from 'pinia';
import { ref } from 'vue';
import {
  LogInDocument,
  LogOutDocument,
  SessionDocument,
  SignUpDocument,
  type LogInMutation,
  type SessionUserFragment,
  type SignUpMutation,
} from '@/graphql/graphql';
import type { ApiClients } from '@/plugins/urql';
import { describeError } from '@/utils/errors';

let clients: ApiClients | null = null;

function api(): ApiClients {
  if (!clients) throw new Error('The session store needs the API clients (see main.ts)');
  return clients;
}

/** What a log-in or sign-up attempt came to, for the form to show. */
export type AuthOutcome =
  { ok: true } | { ok: false; field?: string; message: string; retryAfterSeconds?: number };

/**
 * Who is logged in. The session itself is an HttpOnly cookie the server sets and the browser
 * sends; this store only knows the user it belongs to, asked once at start-up (`ensureLoaded`,
 * from the route guard) and replaced on log-in, log-out and expiry.
 */
export const useSessionStore = defineStore('session', () => {
  const me = ref<SessionUserFragment | null>(null);
  const loaded = ref(false);
  /** Set when a session ended under the user (not by Log out): the login page says so. */
  const expired = ref(false);
  let loading: Promise<void> | null = null;
  // While our own logOut is on its way, the server closing the socket is expected, not expiry.
  let loggingOut = false;

  function attach(apiClients: ApiClients): void {
    clients = apiClients;
  }

  async function load(): Promise<void> {
    const result = await api()
      .urql.value.query(SessionDocument, {}, { requestPolicy: 'network-only' })
      .toPromise();
    if (result.error || !result.data) throw new Error(describeError(result.error) || 'No answer');
    me.value = result.data.me ?? null;
    loaded.value = true;
  }

  /** Resolves once the user is known; a failed attempt (server down) is retried next time. */
  function ensureLoaded(): Promise<void> {
    if (loaded.value) return Promise.resolve();
    loading ??= load()
      .catch(() => undefined)
      .finally(() => (loading = null));
    return loading;
  }

  function signedIn(user: SessionUserFragment): void {
    me.value = user;
    loaded.value = true;
    expired.value = false;
    // A fresh cache and a new socket, opened with the new cookie.
    api().reset();
  }

  async function logIn(username: string, password: string): Promise<AuthOutcome> {
    const result = await api().urql.value.mutation(LogInDocument, { username, password }).toPromise();
    return settle(result.data?.logIn, result.error ? describeError(result.error) : null);
  }

  async function signUp(username: string, password: string): Promise<AuthOutcome> {
    const result = await api().urql.value.mutation(SignUpDocument, { username, password }).toPromise();
    return settle(result.data?.signUp, result.error ? describeError(result.error) : null);
  }

  function settle(
    outcome: LogInMutation['logIn'] | SignUpMutation['signUp'] | undefined,
    failure: string | null,
  ): AuthOutcome {
    if (!outcome) return { ok: false, message: failure || 'The server did not answer.' };
    switch (outcome.__typename) {
      case 'MutationLogInSuccess':
      case 'MutationSignUpSuccess':
        signedIn(outcome.data);
        return { ok: true };
      case 'ValidationError':
        return { ok: false, field: outcome.field, message: outcome.message };
      case 'RateLimitedError':
        return { ok: false, message: outcome.message, retryAfterSeconds: outcome.retryAfterSeconds };
      default:
        return { ok: false, message: outcome.message };
    }
  }

  /**
   * Ends the session on the server. The caller leaves the page, then calls resetClients: reset
   * first and the page would refetch, unauthenticated, on its way out.
   */
  async function logOut(): Promise<void> {
    loggingOut = true;
    try {
      await api().urql.value.mutation(LogOutDocument, {}).toPromise();
    } finally {
      loggingOut = false;
      me.value = null;
      expired.value = false;
    }
  }

  function resetClients(): void {
    api().reset();
  }

  /**
   * The server refused an operation for want of a session. Returns true when that is news (the
   * user thought they were logged in), so the caller sends them to the login page once.
   */
  function expire(): boolean {
    if (loggingOut || !me.value) return false;
    me.value = null;
    expired.value = true;
    return true;
  }

  return {
    me,
    loaded,
    expired,
    attach,
    ensureLoaded,
    logIn,
    signUp,
    logOut,
    resetClients,
    expire,
  };
});
