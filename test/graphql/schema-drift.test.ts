import { readFile } from 'node:fs/promises';
import { expect, test } from 'vitest';
import { createSchema, printSchemaFile } from '../../server/schema';

test('schema/schema.graphql is what the code generates (run `npm run schema` after API changes)', async () => {
  const committed = await readFile(new URL('../../schema/schema.graphql', import.meta.url), 'utf8');
  expect(printSchemaFile(await createSchema())).toBe(committed);
});

test('object types resolve plain fields without type-graphql wrappers, so none may carry a role or middleware', async () => {
  const { getMetadataStorage } = await import('type-graphql');
  const schema = await createSchema();
  const storage = getMetadataStorage();
  const objectTypes = new Set(storage.objectTypes.map((type) => type.target));
  // simpleResolvers (set on every @ObjectType) skips @Authorized and @UseMiddleware on plain fields.
  const guarded = storage.fields
    .filter((field) => objectTypes.has(field.target))
    .filter((field) => field.roles !== undefined || (field.middlewares?.length ?? 0) > 0)
    .map((field) => `${field.target.name}.${field.name}`);
  expect(guarded).toEqual([]);
  expect(storage.objectTypes.filter((type) => !type.simpleResolvers).map((type) => type.name)).toEqual([]);
  // A field with its own resolver keeps it: Facility.partners is resolved by a @FieldResolver.
  const facility = schema.getType('Facility') as import('graphql').GraphQLObjectType;
  expect(facility.getFields().name.resolve).toBeUndefined();
  expect(facility.getFields().partners.resolve).toBeTypeOf('function');
});
