import type { CombinedError } from '@urql/vue';

/** A sentence for a failed request: network problems and GraphQL errors read differently. */
export function describeError(error: CombinedError | undefined | null): string {
  if (!error) return '';
  if (error.networkError) return `Could not reach the OpenBench Web server (${error.networkError.message}).`;
  const first = error.graphQLErrors[0];
  return first ? first.message : error.message;
}
