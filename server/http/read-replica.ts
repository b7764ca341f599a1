import type { ApolloServerPlugin } from '@apollo/server';
import type { RequestContext } from '../context';
import type { Database } from '../db/database';
import { createLoaders } from '../loaders';

/**
 * Answers queries from the read replica: once the operation is known to be a query (nothing it runs writes),
 * its entity manager and batch loaders are swapped for ones on the replica. Mutations stay on the primary.
 */
export function readFromReplica(db: Database): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, contextValue }) {
          if (operation?.operation !== 'query') return;
          contextValue.em = db.forkRead();
          contextValue.loaders = createLoaders(contextValue.em);
        },
      };
    },
  };
}
