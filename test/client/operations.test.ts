import { readdirSync, readFileSync } from 'node:fs';
import { buildSchema, parse, validate } from 'graphql';
import { describe, expect, it } from 'vitest';

const schema = buildSchema(readFileSync('schema/schema.graphql', 'utf8'));
const operations = readdirSync('schema/operations').filter((file) => file.endsWith('.graphql'));

describe('the client’s GraphQL operations (the public map’s and the planner’s)', () => {
  it('exist', () => {
    expect(operations).toEqual(
      expect.arrayContaining(['FacilityList.graphql', 'FacilityDetails.graphql', 'Scorecard.graphql']),
    );
  });

  it.each(operations)('%s is valid against schema/schema.graphql', (file) => {
    const document = parse(readFileSync(`schema/operations/${file}`, 'utf8'));
    expect(validate(schema, document).map((error) => error.message)).toEqual([]);
  });
});
