import type { ApolloServerPlugin } from '@apollo/server';
import {
  GraphQLError,
  Kind,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type SelectionSetNode,
  type ValueNode,
} from 'graphql';
import type { RequestContext } from '../context';

/** Bounds on what one request may ask for, so that no query can tie up the server. */
export const QUERY_LIMITS = { maxDepth: 12, maxAliases: 30, maxCost: 50_000 } as const;

function badQuery(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT' } });
}

function intArgument(node: FieldNode, name: string, variables: Record<string, unknown>): number | null {
  const arg = node.arguments?.find((a) => a.name.value === name);
  if (!arg) return null;
  const value: ValueNode = arg.value;
  if (value.kind === Kind.INT) return Number(value.value);
  if (value.kind === Kind.VARIABLE) {
    const v = variables[value.name.value];
    return typeof v === 'number' ? v : null;
  }
  return null;
}

/**
 * Throws BAD_USER_INPUT for a query that is too deep, uses too many aliases, or would cost too much: each field
 * costs 1, times the page sizes (`first`) asked for around it; fields repeated through fragments count each time.
 */
export function checkQueryLimits(document: DocumentNode, variables: Record<string, unknown>): void {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  let aliases = 0;
  const measure = (
    selectionSet: SelectionSetNode,
    depth: number,
    multiplier: number,
    seen: Set<string>,
  ): number => {
    if (depth > QUERY_LIMITS.maxDepth) throw badQuery(`Query is deeper than ${QUERY_LIMITS.maxDepth} levels`);
    let cost = 0;
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        if (selection.alias) aliases++;
        if (aliases > QUERY_LIMITS.maxAliases)
          throw badQuery(`Query uses more than ${QUERY_LIMITS.maxAliases} aliases`);
        const first = intArgument(selection, 'first', variables);
        const listSize = Math.max(first ?? 1, 1);
        cost += multiplier;
        if (selection.selectionSet)
          cost += measure(selection.selectionSet, depth + 1, multiplier * listSize, seen);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        cost += measure(selection.selectionSet, depth, multiplier, seen);
      } else {
        const name = selection.name.value;
        const fragment = fragments.get(name);
        if (!fragment || seen.has(name)) continue;
        cost += measure(fragment.selectionSet, depth, multiplier, new Set([...seen, name]));
      }
      if (cost > QUERY_LIMITS.maxCost)
        throw badQuery(`Query would cost more than ${QUERY_LIMITS.maxCost}; ask for less`);
    }
    return cost;
  };
  for (const definition of document.definitions) {
    if (definition.kind === Kind.OPERATION_DEFINITION) measure(definition.selectionSet, 1, 1, new Set());
  }
}

/** Apollo plugin applying checkQueryLimits once the operation is known, before anything runs. */
export const queryLimitsPlugin: ApolloServerPlugin<RequestContext> = {
  async requestDidStart() {
    return {
      async didResolveOperation({ document, request }) {
        checkQueryLimits(document, request.variables ?? {});
      },
    };
  },
};
