import type { Page } from 'playwright-core';

/**
 * Calling the GraphQL API straight from a test, as the browser's user: requests go through the
 * page's own request context, so they carry (and set) the same session cookie as the page.
 * For tests whose subject is a page other than the one that would create the thing they need.
 */
export interface ApiTarget {
  page: Page;
  server: { url: string };
}

export async function graphql<T>(
  target: ApiTarget,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<T> {
  const response = await target.page.request.post(`${target.server.url}/graphql`, {
    data: { query, variables },
    headers: { 'x-graphql-csrf': '1' },
  });
  const body = (await response.json()) as { data?: T; errors?: { message: string }[] };
  if (!body.data || body.errors?.length) {
    throw new Error(`GraphQL request failed (${response.status()}): ${JSON.stringify(body.errors ?? body)}`);
  }
  return body.data;
}

export interface Credentials {
  username: string;
  password: string;
}

/** The account the tests use; on a fresh server the first account is an admin. */
export const E2E_USER: Credentials = { username: 'e2e-admin', password: 'e2e-password-123' };

/** Creates the account and logs the page in (the session cookie lands in the browser context). */
export async function signUp(target: ApiTarget, user: Credentials = E2E_USER): Promise<void> {
  const data = await graphql<{ signUp: { __typename: string; message?: string } }>(
    target,
    `
      mutation SignUp($username: String!, $password: String!) {
        signUp(username: $username, password: $password) {
          __typename
          ... on Error {
            message
          }
        }
      }
    `,
    { ...user },
  );
  if (data.signUp.__typename !== 'MutationSignUpSuccess') {
    throw new Error(`signUp failed: ${data.signUp.__typename} ${data.signUp.message ?? ''}`);
  }
}

export interface StartRunInput {
  benchmark: string;
  model: string;
  limit?: number;
  epochs?: number;
  maxConnections?: number;
  modelArgs?: { key: string; value: string }[];
}

const START_RUN = `
  mutation StartRun($input: StartRunInput!) {
    startRun(input: $input) {
      __typename
      ... on MutationStartRunSuccess { data { id } }
      ... on Error { message }
    }
  }`;

export async function startRun(target: ApiTarget, input: StartRunInput): Promise<string> {
  const data = await graphql<{
    startRun: { __typename: string; data?: { id: string }; message?: string };
  }>(target, START_RUN, { input });
  if (!data.startRun.data)
    throw new Error(`startRun failed: ${data.startRun.message ?? data.startRun.__typename}`);
  return data.startRun.data.id;
}

const TERMINAL = ['COMPLETED', 'FAILED', 'CANCELED', 'INTERRUPTED'];

/** Polls the run until it is over; returns its final status. */
export async function waitForRun(target: ApiTarget, id: string, timeoutMs = 90_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const data = await graphql<{ run: { status: string } | null }>(
      target,
      'query Run($id: ID!) { run(id: $id) { status } }',
      { id },
    );
    const status = data.run?.status;
    if (status && TERMINAL.includes(status)) return status;
    if (Date.now() > deadline)
      throw new Error(`Run ${id} still ${status ?? 'missing'} after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
}

/** A run of the shipped offline eval that takes ~10 s: 8 samples, one at a time, 1 s each. */
export const SLOW_OFFLINE_RUN: StartRunInput = {
  benchmark: 'offline_demo',
  model: 'offline/demo',
  limit: 8,
  maxConnections: 1,
  modelArgs: [{ key: 'delay', value: '1' }],
};

/** Status chips that mean the run is over. */
export const FINAL_STATUS = [
  '[data-testid="status-COMPLETED"]',
  '[data-testid="status-FAILED"]',
  '[data-testid="status-CANCELED"]',
  '[data-testid="status-INTERRUPTED"]',
].join(', ');

const CANCEL_RUN = `
  mutation CancelRun($id: ID!) {
    cancelRun(id: $id) {
      __typename
      ... on Error { message }
    }
  }`;

/** Cancels a run (a queued one leaves the queue); a run already over is left as it is. */
export async function cancelRun(target: ApiTarget, id: string): Promise<void> {
  const data = await graphql<{ cancelRun: { __typename: string; message?: string } }>(target, CANCEL_RUN, {
    id,
  });
  const kind = data.cancelRun.__typename;
  if (kind !== 'MutationCancelRunSuccess' && kind !== 'RunStateError')
    throw new Error(`cancelRun failed: ${kind} ${data.cancelRun.message ?? ''}`);
}

/** Polls the run until it has the status; returns its fields then. */
export async function waitForStatus(
  target: ApiTarget,
  id: string,
  status: string,
  timeoutMs = 60_000,
): Promise<{ status: string; worker: string | null; queuePosition: number | null }> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const data = await graphql<{
      run: { status: string; worker: string | null; queuePosition: number | null } | null;
    }>(target, 'query Run($id: ID!) { run(id: $id) { status worker queuePosition } }', { id });
    if (data.run?.status === status) return data.run;
    if (Date.now() > deadline)
      throw new Error(
        `Run ${id} still ${data.run?.status ?? 'missing'}, not ${status}, after ${timeoutMs} ms`,
      );
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
