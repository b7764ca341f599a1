import { execute, Kind, parse, type ExecutionResult, type OperationDefinitionNode } from 'graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import { PUBLIC_PRINCIPAL } from '../../server/auth/role';
import { loadConfig } from '../../server/config';
import type { RequestContext } from '../../server/context';
import {
  compiledExecutor,
  compileOperation,
  MAX_COMPILED_SELECTIONS,
} from '../../server/graphql/compiled-execution';
import { createLoaders } from '../../server/loaders';
import { createSchema } from '../../server/schema';
import { useTestServer } from '../support/test-server';

// The HTTP API runs operations compiled by graphql-jit. Each query here is answered by the compiled operation
// and by graphql-js, on the same data: the answers (data, and errors with their paths and codes) must be equal.
const fixture = useTestServer();
let schema: Awaited<ReturnType<typeof createSchema>>;
beforeAll(async () => {
  schema = await createSchema();
});

function context(): RequestContext {
  const em = fixture.database.db.fork();
  return {
    em,
    config: loadConfig({ NODE_ENV: 'test' }),
    principal: PUBLIC_PRINCIPAL,
    network: fixture.server.app.network,
    loaders: createLoaders(em),
  };
}

const operationOf = (document: ReturnType<typeof parse>) =>
  document.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!;

/** Errors as a client compares them: message, path and code. */
const comparable = (result: ExecutionResult) => ({
  data: JSON.parse(JSON.stringify(result.data ?? null)) as unknown,
  errors: (result.errors ?? []).map((e) => ({ message: e.message, path: e.path, code: e.extensions?.code })),
});

async function bothWays(query: string, variables: Record<string, unknown> = {}) {
  const document = parse(query);
  const compiled = compileOperation(schema, document, operationOf(document));
  expect(compiled, 'compiled').not.toBeNull();
  // Through the executor the HTTP API uses (variables checked by graphql-js, then the compiled operation).
  const jit = await compiledExecutor(schema)({
    document,
    operation: operationOf(document),
    operationName: operationOf(document).name?.value ?? null,
    request: { variables },
    context: context(),
  } as never);
  const js = await execute({ schema, document, variableValues: variables, contextValue: context() });
  return { jit: comparable(jit as ExecutionResult), js: comparable(js) };
}

describe('compiled operations answer as graphql-js does', () => {
  const cases: [string, string, Record<string, unknown>?][] = [
    [
      'a directory page with relations, fragments and aliases',
      `query($b: BBoxInput!) { facilities(filter: { bbox: $b }, first: 20) { totalCount pageInfo { hasNextPage endCursor }
         edges { cursor node { ...F near: distanceMeters partnerships { id signedOn greenChannel careFacility { id name } }
         consortia { id name level members { role facility { id } } } fees { careLevel totalMonthly } } } } }
       fragment F on Facility { id name nameEn type services location updatedAt verifiedOn vacantBeds hospitalGrade }`,
      { b: { west: 120.1, south: 30.2, east: 120.25, north: 30.35 } },
    ],
    [
      '@include and @skip by variables, in a fragment spread too',
      `query($a: Boolean!, $b: Boolean!) { facilities(first: 5) { edges { node { id name @include(if: $a)
         ...G @skip(if: $b) } } } } fragment G on Facility { address phone @include(if: $a) }`,
      { a: false, b: false },
    ],
    [
      'an error in one field leaves the rest, with its path and code',
      `{ a: facility(id: "999999") { id } b: facility(id: "1") { id name } c: facility(id: "0x16") { id } }`,
    ],
    [
      'variables coerced: enums, lists, nested inputs, defaults of optional fields',
      `query($t: [FacilityType!], $n: NearInput) { facilities(filter: { types: $t, near: $n }, first: 10) {
         edges { node { id type distanceMeters } } } }`,
      { t: ['NURSING_HOME', 'HOSPITAL'], n: { point: { lng: 120.1631, lat: 30.2873 }, radiusMeters: 5000 } },
    ],
    [
      'a bad variable is refused the same way',
      `query($t: [FacilityType!]) { facilities(filter: { types: $t }) { totalCount } }`,
      { t: ['NOT_A_TYPE'] },
    ],
    [
      'string literals that read as code are only text',
      `{ facilities(filter: { text: "\\"); globalThis.pwned = 1; (\\"\`\${globalThis.pwned = 2}\`" }) { totalCount }
         facility(id: "1\\"); globalThis.pwned = 3; //") { id } }`,
    ],
  ];
  for (const [name, query, variables] of cases) {
    it(name, async () => {
      const { jit, js } = await bothWays(query, variables);
      expect(jit).toEqual(js);
      expect((globalThis as { pwned?: unknown }).pwned).toBeUndefined();
    });
  }
  it('the cases answer something worth comparing', async () => {
    const page = await bothWays(cases[0][1], cases[0][2]);
    expect((page.js.data as { facilities: { totalCount: number } }).facilities.totalCount).toBeGreaterThan(5);
    const codes = (await bothWays(cases[2][1])).js.errors.map((e) => e.code);
    expect(codes.sort()).toEqual(['BAD_USER_INPUT', 'NOT_FOUND']);
  });
});

describe('what is not compiled runs on graphql-js', () => {
  it('a variable whose input has a required field with a default (graphql-jit would refuse it left out)', async () => {
    const document = parse(
      `mutation($input: PartnershipCreateInput!) { createPartnership(input: $input) { id } }`,
    );
    expect(compileOperation(schema, document, operationOf(document))).toBeNull();
  });

  it(`a document of more than ${MAX_COMPILED_SELECTIONS} selections, still answered over HTTP`, async () => {
    const fields = Array.from({ length: MAX_COMPILED_SELECTIONS }, (_, i) => `f${i}: id`).join(' ');
    const query = `{ facilities(first: 1) { edges { node { ${fields} } } } }`;
    const document = parse(query);
    expect(compileOperation(schema, document, operationOf(document))).toBeNull();
    const result = await fixture.server.query<{ facilities: { edges: { node: Record<string, string> }[] } }>(
      query.replace(/f(\d+): id/g, (_, i: string) => (Number(i) < 25 ? `f${i}: id` : 'id')),
    );
    expect(result.errors).toBeUndefined();
    expect(result.data!.facilities.edges[0].node.f0).toMatch(/^\d+$/);
  });
});
