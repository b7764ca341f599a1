import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, visit, type DocumentNode } from 'graphql';
import type { RequestContext } from '../context';

/** A UTF-16 surrogate outside a pair: not a Unicode character, so UTF-8 cannot carry it unchanged. */
const LONE_SURROGATE = /\p{Cs}/u;

const isStorable = (text: string) => !text.includes('\0') && !LONE_SURROGATE.test(text);

function unstorable(where: string): GraphQLError {
  return new GraphQLError(`${where} contains a NUL character or a lone surrogate, which cannot be stored`, {
    extensions: { code: 'BAD_USER_INPUT', argument: where, http: { status: 400 } },
  });
}

/** Parsed documents whose literals were checked already (Apollo reuses them for the same query text). */
const storableDocuments = new WeakSet<DocumentNode>();

/**
 * Throws BAD_USER_INPUT when a string of the operation (a literal in the query or any text inside its
 * variables) holds a NUL character or a lone surrogate, text PostgreSQL refuses or UTF-8 would alter.
 */
export function assertStorableText(document: DocumentNode, variables: Record<string, unknown>): void {
  if (!storableDocuments.has(document)) {
    visit(document, {
      StringValue(node) {
        if (!isStorable(node.value)) throw unstorable('A string in the query');
      },
    });
    storableDocuments.add(document);
  }
  const pending: [string, unknown][] = Object.entries(variables).map(([name, value]) => [`$${name}`, value]);
  while (pending.length) {
    const [path, value] = pending.pop()!;
    if (typeof value === 'string') {
      if (!isStorable(value)) throw unstorable(path);
    } else if (Array.isArray(value)) {
      value.forEach((item, index) => pending.push([`${path}[${index}]`, item]));
    } else if (value !== null && typeof value === 'object') {
      for (const [key, item] of Object.entries(value)) pending.push([`${path}.${key}`, item]);
    }
  }
}

/** Refuses operations whose text cannot be stored unchanged, before any resolver runs. */
export const storableTextPlugin: ApolloServerPlugin<RequestContext> = {
  async requestDidStart() {
    return {
      async didResolveOperation({ document, request }) {
        assertStorableText(document, request.variables ?? {});
      },
    };
  },
};
