import { getNamedType, isLeafType, type GraphQLObjectType } from 'graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import { createSchema } from '../../server/schema';
import { useTestServer } from '../support/test-server';

// A page reads only the columns its query selects (server/facilities/facility-columns.ts). Each field asked
// alone must answer as it does beside every other field, on a page, by id and with a fragment.
const fixture = useTestServer();

let fields: string[] = [];
beforeAll(async () => {
  const facility = (await createSchema()).getType('Facility') as GraphQLObjectType;
  fields = Object.values(facility.getFields())
    .filter((field) => field.args.length === 0 && isLeafType(getNamedType(field.type)))
    .map((field) => field.name);
});

type Node = Record<string, unknown>;

async function page(selection: string, variables: Record<string, unknown> = {}): Promise<Node[]> {
  const result = await fixture.server.query<{ facilities: { edges: { node: Node }[] } }>(
    `query($near: NearInput) { facilities(first: 500, filter: { near: $near }) { edges { node { ${selection} } } } }`,
    variables,
  );
  expect(result.errors).toBeUndefined();
  return result.data!.facilities.edges.map((edge) => edge.node);
}

describe('a query reads the columns it selects', () => {
  it('every field alone answers as it does beside all the others, on a page and by id', async () => {
    expect(fields.length).toBeGreaterThan(30);
    const near = { point: { lng: 120.1631, lat: 30.2873 }, radiusMeters: 3_000 };
    const all = await page(fields.join(' '), { near });
    expect(all.length).toBeGreaterThan(10);
    // Values of every kind are present, so that a field read as null everywhere would be noticed.
    for (const field of ['nameEn', 'addressEn', 'location', 'updatedAt', 'services', 'distanceMeters'])
      expect(all.some((node) => node[field] != null)).toBe(true);
    for (const field of fields) {
      const alone = await page(field, { near });
      expect(
        alone.map((node) => node[field]),
        field,
      ).toEqual(all.map((node) => node[field]));
    }
    const byId = async (selection: string) => {
      const result = await fixture.server.query<{ facility: Node }>(
        `query($id: ID!) { facility(id: $id) { ...F } } fragment F on Facility { ${selection} }`,
        { id: all[0].id },
      );
      expect(result.errors).toBeUndefined();
      return result.data!.facility;
    };
    const whole = await byId(fields.join(' '));
    expect(whole.name).toBe(all[0].name);
    for (const field of fields) expect((await byId(field))[field], field).toEqual(whole[field]);
  });

  it('relations resolve from a page that selects no column but the id', async () => {
    const [withName, idOnly] = await Promise.all([
      page('id name partnerships { id } consortia { id } fees { careLevel }'),
      page('partnerships { id } consortia { id } fees { careLevel }'),
    ]);
    expect(idOnly.map(({ partnerships, consortia, fees }) => ({ partnerships, consortia, fees }))).toEqual(
      withName.map(({ partnerships, consortia, fees }) => ({ partnerships, consortia, fees })),
    );
    expect(idOnly.some((node) => (node.partnerships as unknown[]).length > 0)).toBe(true);
  });
});
