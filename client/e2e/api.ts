/**
 * Starting runs straight through the GraphQL API, for tests whose subject is a page other than
 * New Run (which has its own test): they need a run, not the form.
 */
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

export async function startRun(serverUrl: string, input: StartRunInput): Promise<string> {
  const response = await fetch(`${serverUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: START_RUN, variables: { input } }),
  });
  const body = (await response.json()) as {
    data?: { startRun: { __typename: string; data?: { id: string }; message?: string } };
    errors?: { message: string }[];
  };
  const result = body.data?.startRun;
  if (!result?.data) {
    throw new Error(`startRun failed: ${result?.message ?? JSON.stringify(body.errors ?? body)}`);
  }
  return result.data.id;
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
