import { readFileSync } from 'node:fs';
import { ReferenceKind } from '@mikro-orm/core';
import { buildSchema, isObjectType, Kind, parse, type OperationDefinitionNode } from 'graphql';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { Facility } from '../../server/facilities/facility.entity';
import { FacilityRepository } from '../../server/facilities/facility.repository';
import { openTestDatabase, type TestDatabase } from '../support/database';

/** Columns kept for the server's own use: the search index, archiving and row bookkeeping. */
const INTERNAL = ['searchText', 'searchGrams', 'archivedAt', 'createdAt'];
/** The import key: read by the server, not shown by the API. */
const NOT_PUBLIC = ['sourceKey'];
/** Edit bookkeeping the details panel has no use for. */
const NOT_SHOWN = ['version', 'updatedAt'];

const camel = (column: string) => column.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());

describe('one description of a facility: the entity, and what reads it', () => {
  let database: TestDatabase;
  let columns: string[];

  beforeAll(async () => {
    database = await openTestDatabase({ seeded: true });
    const meta = database.db.orm.getMetadata().get(Facility);
    columns = meta.props
      .filter((prop) => prop.kind === ReferenceKind.SCALAR || prop.kind === ReferenceKind.MANY_TO_ONE)
      .map((prop) => camel(prop.fieldNames[0]))
      .filter((name) => !INTERNAL.includes(name));
  });

  afterAll(async () => {
    await database?.dispose();
  });

  test('the repository reads every column the entity declares', async () => {
    expect(columns).toEqual(expect.arrayContaining(['sourceKey', 'regionCode', 'vacantBeds', 'location']));
    const [record] = await new FacilityRepository(database.db.fork()).find({}, 1, 0);
    expect(Object.keys(record)).toEqual(expect.arrayContaining(columns));
  });

  test('the GraphQL Facility type has a field for every public column', () => {
    const schema = buildSchema(readFileSync('schema/schema.graphql', 'utf8'));
    const type = schema.getType('Facility');
    if (!isObjectType(type)) throw new Error('schema/schema.graphql has no Facility type');
    const publicColumns = columns.filter((name) => !NOT_PUBLIC.includes(name));
    expect(Object.keys(type.getFields())).toEqual(expect.arrayContaining(publicColumns));
  });

  test('the details panel asks for every public column (FacilityDetails.graphql)', () => {
    const document = parse(readFileSync('schema/operations/FacilityDetails.graphql', 'utf8'));
    const operation = document.definitions.find(
      (definition): definition is OperationDefinitionNode => definition.kind === Kind.OPERATION_DEFINITION,
    );
    const facility = operation?.selectionSet.selections.find(
      (selection) => selection.kind === Kind.FIELD && selection.name.value === 'facility',
    );
    const selected =
      facility?.kind === Kind.FIELD
        ? (facility.selectionSet?.selections ?? []).flatMap((s) =>
            s.kind === Kind.FIELD ? [s.name.value] : [],
          )
        : [];
    const shown = columns.filter((name) => !NOT_PUBLIC.includes(name) && !NOT_SHOWN.includes(name));
    expect(selected).toEqual(expect.arrayContaining(shown));
  });
});
