import type { Plugin } from 'graphql-yoga';
import { GraphQLError, Kind, type DocumentNode, type SelectionSetNode } from 'graphql';
import type { Viewer } from './viewer.js';

/** Root fields anyone may use; everything else needs a logged-in viewer. */
const PUBLIC_FIELDS = new Set([
  'signUp',
  'logIn',
  'logOut',
  'me',
  'authSettings',
  '__typename',
  '__schema',
  '__type',
]);

function rootFields(document: DocumentNode, operationName: string | null | undefined): string[] {
  const fragments = new Map(
    document.definitions
      .filter((d) => d.kind === Kind.FRAGMENT_DEFINITION)
      .map((d) => [d.name.value, d.selectionSet]),
  );
  const operation = document.definitions.find(
    (d) => d.kind === Kind.OPERATION_DEFINITION && (!operationName || d.name?.value === operationName),
  );
  const names: string[] = [];
  const walk = (set: SelectionSetNode, seen: Set<string>) => {
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) names.push(selection.name.value);
      else if (selection.kind === Kind.INLINE_FRAGMENT) walk(selection.selectionSet, seen);
      else if (!seen.has(selection.name.value) && fragments.has(selection.name.value)) {
        walk(fragments.get(selection.name.value)!, new Set([...seen, selection.name.value]));
      }
    }
  };
  if (operation?.kind === Kind.OPERATION_DEFINITION) walk(operation.selectionSet, new Set());
  return names;
}

const unauthenticated = () =>
  new GraphQLError('Log in first', { extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } } });

/**
 * One gate for queries, mutations and subscriptions, over HTTP and WebSocket alike: an
 * operation that touches anything but the public auth fields needs a session. Ownership of
 * individual runs is checked where runs are read.
 */
export function useAuthGate(): Plugin<{ viewer: Viewer | null }> {
  return {
    onExecute({ args, setResultAndStopExecution }) {
      if (args.contextValue.viewer) return;
      if (rootFields(args.document, args.operationName).some((f) => !PUBLIC_FIELDS.has(f))) {
        setResultAndStopExecution({ errors: [unauthenticated()] });
      }
    },
    onSubscribe({ args, setResultAndStopExecution }) {
      if (args.contextValue.viewer) return;
      if (rootFields(args.document, args.operationName).some((f) => !PUBLIC_FIELDS.has(f))) {
        setResultAndStopExecution({ errors: [unauthenticated()] });
      }
    },
  };
}
