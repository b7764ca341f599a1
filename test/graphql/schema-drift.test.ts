import { readFile } from 'node:fs/promises';
import { expect, test } from 'vitest';
import { createSchema, printSchemaFile } from '../../server/schema';

test('schema/schema.graphql is what the code generates (run `npm run schema` after API changes)', async () => {
  const committed = await readFile(new URL('../../schema/schema.graphql', import.meta.url), 'utf8');
  expect(printSchemaFile(await createSchema())).toBe(committed);
});
