import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * Types of the client's operations (schema/operations/*.graphql) against the committed schema, written to
 * client/api/generated/ and committed; test/client/codegen-drift.test.ts fails when they are stale.
 */
const config: CodegenConfig = {
  schema: 'schema/schema.graphql',
  documents: ['schema/operations/*.graphql'],
  ignoreNoDocuments: false,
  generates: {
    'client/api/generated/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false, gqlTagName: 'graphql' },
      config: {
        // Operations travel as their text (TypedDocumentString), so the client bundles no GraphQL parser.
        documentMode: 'string',
        enumType: 'string-literal',
        useTypeImports: true,
        strictScalars: true,
        scalars: {
          Date: 'string',
          DateTime: 'string',
          GeoJSON: "import('geojson').GeoJSON",
          JSONObject: 'Record<string, unknown>',
        },
      },
    },
  },
  hooks: { afterOneFileWrite: ['prettier --write'] },
};

export default config;
