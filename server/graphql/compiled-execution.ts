import type { GatewayExecutor, GatewayInterface } from '@apollo/server-gateway-interface';
import {
  execute,
  getNamedType,
  isInputObjectType,
  isInputType,
  isNonNullType,
  Kind,
  printSchema,
  typeFromAST,
  type DocumentNode,
  type ExecutionResult,
  type GraphQLInputType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import { getVariableValues } from 'graphql/execution/values.js';
import { compileQuery, isCompiledQuery, type CompiledQuery } from 'graphql-jit';

/**
 * Documents with more selections than this run on graphql-js, never compiled, so that no request can buy a long
 * compile: on the demo schema a document of about 560 selections compiled in 8 ms, the client's own operations in
 * 0.2 to 2.6 ms (median 0.3), once each.
 */
export const MAX_COMPILED_SELECTIONS = 300;

/**
 * Whether a variable's type holds an input object with a required field that has a default: graphql-jit 0.8
 * refuses such a field when the variable leaves it out, where GraphQL (and graphql-js) applies the default.
 */
function needsDefaultsOfRequiredFields(type: GraphQLInputType, seen = new Set<GraphQLInputType>()): boolean {
  const named = getNamedType(type);
  if (!isInputObjectType(named) || seen.has(named)) return false;
  seen.add(named);
  return Object.values(named.getFields()).some(
    (field) =>
      (isNonNullType(field.type) && field.defaultValue !== undefined) ||
      needsDefaultsOfRequiredFields(field.type, seen),
  );
}

/** Whether graphql-jit runs an operation as graphql-js would (see needsDefaultsOfRequiredFields). */
function compilable(schema: GraphQLSchema, operation: OperationDefinitionNode): boolean {
  return (operation.variableDefinitions ?? []).every((definition) => {
    const type = typeFromAST(schema, definition.type);
    return type !== undefined && isInputType(type) && !needsDefaultsOfRequiredFields(type);
  });
}

function selectionCount(document: DocumentNode): number {
  let count = 0;
  const visit = (set: SelectionSetNode): void => {
    for (const selection of set.selections) {
      count += 1;
      if (selection.kind !== Kind.FRAGMENT_SPREAD && selection.selectionSet) visit(selection.selectionSet);
    }
  };
  for (const definition of document.definitions) {
    if ('selectionSet' in definition && definition.selectionSet) visit(definition.selectionSet);
  }
  return count;
}

/** An operation compiled by graphql-jit, or null where it runs on graphql-js. */
export function compileOperation(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
): CompiledQuery | null {
  if (selectionCount(document) > MAX_COMPILED_SELECTIONS || !compilable(schema, operation)) return null;
  const result = compileQuery(schema, document, operation.name?.value);
  return isCompiledQuery(result) ? result : null;
}

/**
 * Runs operations compiled by graphql-jit (documents of up to MAX_COMPILED_SELECTIONS selections whose variables
 * it coerces as GraphQL does), else with graphql-js.
 *
 * Why: graphql-js walks every field of every row through its generic executor, and on a page of 50 facilities that
 * walk was the largest part of a request's own CPU after the SQL. graphql-jit (used by Mercurius) compiles an
 * operation into a function that does the same work without the walk. Apollo Server runs an executor of one's own
 * only through its gateway interface; parsing, validation, the plugins (limits, metrics) and error formatting stay
 * Apollo's.
 */
export function compiledExecutor(schema: GraphQLSchema): GatewayExecutor {
  // Apollo hands the same parsed document for the same query text while its document store keeps it; the compiled
  // operations go with the document. By operation name ('' for the only one); null: runs on graphql-js.
  const compiledByDocument = new WeakMap<DocumentNode, Map<string, CompiledQuery | null>>();
  return async (requestContext) => {
    const { document, operationName, operation, request, context: contextValue } = requestContext;
    const variables = request.variables ?? {};
    let operations = compiledByDocument.get(document);
    if (!operations) {
      operations = new Map();
      compiledByDocument.set(document, operations);
    }
    let compiled = operations.get(operationName ?? '');
    if (compiled === undefined) {
      compiled = compileOperation(schema, document, operation);
      operations.set(operationName ?? '', compiled);
    }
    if (compiled) {
      // graphql-js checks the variables first, so that a bad one is refused in its words and marked as such
      // (Apollo answers BAD_USER_INPUT for its errors); the compiled operation coerces them again, as accepted.
      const checked = getVariableValues(schema, operation.variableDefinitions ?? [], variables, {
        maxErrors: 50,
      });
      if (checked.errors) return { errors: checked.errors };
      return (await compiled.query(undefined, contextValue, variables)) as ExecutionResult;
    }
    return execute({ schema, document, operationName, variableValues: variables, contextValue });
  };
}

/** Apollo Server's gateway interface around a fixed schema and the executor above. */
export function compiledExecutionGateway(schema: GraphQLSchema): GatewayInterface {
  return {
    load: async () => ({ schema, executor: compiledExecutor(schema) }),
    onSchemaLoadOrUpdate: (callback) => {
      callback({ apiSchema: schema, coreSupergraphSdl: printSchema(schema) });
      return () => undefined;
    },
    stop: async () => undefined,
  };
}
