import { writeFile } from 'node:fs/promises';
import { createSchema, printSchemaFile } from '../schema';

/** Writes schema/schema.graphql from the resolvers; a test fails when the committed file drifts. */
const target = new URL('../../schema/schema.graphql', import.meta.url);
await writeFile(target, printSchemaFile(await createSchema()));
console.log(`Wrote ${target.pathname}`);
