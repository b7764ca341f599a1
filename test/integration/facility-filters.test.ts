import { readdirSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { describe, expect, test } from 'vitest';
import { useTestServer } from '../support/test-server';

const FIXTURES = new URL('../fixtures/facility-filters/', import.meta.url);
const cases = readdirSync(new URL('in/', FIXTURES)).filter((f) => f.endsWith('.json'));

const fixture = useTestServer();

const QUERY = `query($filter: FacilityFilter, $first: Int) {
  facilities(filter: $filter, first: $first) {
    totalCount
    edges { node { name type osmId isSample location distanceMeters vacantBeds feeMinMonthly services } }
  }
}`;

interface Node {
  name: string;
  type: string;
  osmId: string | null;
  isSample: boolean;
  location: { coordinates: [number, number] };
  distanceMeters: number | null;
}

/** The part of an answer a golden file pins: rounded so that both databases' float output compares equal. */
function summarize(data: { facilities: { totalCount: number; edges: { node: Node }[] } }) {
  return {
    totalCount: data.facilities.totalCount,
    facilities: data.facilities.edges.map(({ node }) => ({
      ...node,
      location: node.location.coordinates.map((c) => Math.round(c * 1e6) / 1e6),
      distanceMeters: node.distanceMeters === null ? null : Math.round(node.distanceMeters * 10) / 10,
    })),
  };
}

describe('each filter returns the expected facilities (golden files; REGEN=1 rewrites them)', () => {
  test.each(cases)('%s', async (file) => {
    const input = JSON.parse(await readFile(new URL(`in/${file}`, FIXTURES), 'utf8'));
    const result = await fixture.server.query<{
      facilities: { totalCount: number; edges: { node: Node }[] };
    }>(QUERY, input);
    expect(result.errors).toBeUndefined();
    const actual = summarize(result.data!);
    const outFile = new URL(`out/${file}`, FIXTURES);
    if (process.env.REGEN === '1') await writeFile(outFile, `${JSON.stringify(actual, null, 2)}\n`);
    expect(actual).toEqual(JSON.parse(await readFile(outFile, 'utf8')));
    expect(actual.facilities.length).toBeGreaterThan(0);
  });
});

test('pages follow each other without gaps or repeats', async () => {
  const PAGE = `query($after: String) { facilities(first: 20, after: $after) {
    totalCount edges { cursor node { id } } pageInfo { hasNextPage endCursor } } }`;
  const seen: string[] = [];
  let after: string | null = null;
  let total = 0;
  for (let page = 0; page < 20; page++) {
    type Page = {
      facilities: {
        totalCount: number;
        edges: { node: { id: string } }[];
        pageInfo: { hasNextPage: boolean; endCursor: string };
      };
    };
    const result: { data?: Page | null } = await fixture.server.query<Page>(PAGE, { after });
    const connection = result.data!.facilities;
    total = connection.totalCount;
    seen.push(...connection.edges.map((e) => e.node.id));
    if (!connection.pageInfo.hasNextPage) break;
    after = connection.pageInfo.endCursor;
  }
  expect(seen).toHaveLength(total);
  expect(new Set(seen).size).toBe(total);
});
