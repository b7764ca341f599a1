import { afterEach, expect, test } from 'vitest';
import { SqlRunner } from '../../server/db/sql';
import { useTestServer } from '../support/test-server';

const fixture = useTestServer();

/**
 * Records the SQL text of every statement the server sends for the directory while `run` is in flight:
 * the rate limiter's counter (one upsert per request on PostgreSQL, where several nodes share it) is not
 * the directory's work and is left out.
 */
async function statementsOf(run: () => Promise<unknown>): Promise<string[]> {
  const seen: string[] = [];
  fixture.database.db.orm.config.set('onQuery', (sql: string) => {
    if (!/^\s*insert into rate_limit_hit\b/.test(sql)) seen.push(sql);
    return sql;
  });
  try {
    await run();
  } finally {
    fixture.database.db.orm.config.set('onQuery', (sql: string) => sql);
  }
  return seen;
}

afterEach(() => fixture.database.db.orm.config.set('onQuery', (sql: string) => sql));

interface PageNode {
  id: string;
  partnerships: { id: string }[];
  partners: { id: string }[];
  consortia: { id: string; members: { facilityId: string }[] }[];
}

const PAGE = `{ facilities(first: 50) { edges { node { id name
  partnerships { id careFacilityId medicalFacilityId signedOn }
  partners { id name }
  consortia { id name members { facilityId role } } } } } }`;

test('a page of 50 facilities with partners and consortia costs 103 SQL statements: now at most 5', async () => {
  let nodes: PageNode[] = [];
  const statements = await statementsOf(async () => {
    const result = await fixture.server.query<{ facilities: { edges: { node: PageNode }[] } }>(PAGE);
    expect(result.errors).toBeUndefined();
    nodes = result.data!.facilities.edges.map((edge) => edge.node);
  });
  expect(nodes).toHaveLength(50);
  expect(statements.length).toBeLessThanOrEqual(5);

  // The batched lists are those one query per facility finds.
  const sql = new SqlRunner(fixture.database.db.fork());
  let related = 0;
  for (const node of nodes) {
    const pairings = await sql.all<{ id: string; partner: string }>(
      `select id::text as id, (case when care_facility_id = $1 then medical_facility_id else care_facility_id end)::text as partner
       from medical_partnership where care_facility_id = $1 or medical_facility_id = $1 order by signed_on, id`,
      [Number(node.id)],
    );
    expect(node.partnerships.map((p) => p.id)).toEqual(pairings.map((p) => p.id));
    expect(node.partners.map((p) => p.id).sort()).toEqual(
      [...new Set(pairings.map((p) => p.partner))].sort(),
    );
    const consortia = await sql.all<{ id: string }>(
      `select c.id::text as id from consortium c where c.lead_facility_id = $1
         or exists (select 1 from consortium_member m where m.consortium_id = c.id and m.facility_id = $1)
       order by c.id`,
      [Number(node.id)],
    );
    expect(node.consortia.map((c) => c.id)).toEqual(consortia.map((c) => c.id));
    related += pairings.length + consortia.length;
  }
  expect(related).toBeGreaterThan(0);
});

test('nested partners cost one statement per level, not one per facility', async () => {
  // Two levels under a page of 50 is what the query cost lets through (30 partners at most per facility).
  const nested = `{ facilities(first: 50) { edges { node { id partners { id partners { id } } } } } }`;
  const statements = await statementsOf(async () => {
    const result = await fixture.server.query(nested);
    expect(result.errors).toBeUndefined();
  });
  expect(statements.length).toBeLessThanOrEqual(3);
});

test('facilities always runs a count(*) even when totalCount is not asked: now only when it is', async () => {
  const filter = { bbox: { west: 119, south: 29, east: 121, north: 31 } };
  const query = (fields: string) =>
    `query($filter: FacilityFilter) { facilities(filter: $filter, first: 10) { ${fields} } }`;
  type Page = {
    facilities: {
      totalCount?: number;
      edges: { node: { id: string } }[];
      pageInfo: { hasNextPage: boolean };
    };
  };
  let without: Page | undefined;
  const withoutTotal = await statementsOf(async () => {
    without = (
      await fixture.server.query<Page>(query('edges { node { id } } pageInfo { hasNextPage }'), { filter })
    ).data!;
  });
  expect(withoutTotal.some((sql) => /count\s*\(/i.test(sql))).toBe(false);
  expect(withoutTotal).toHaveLength(1);

  let withTotal: Page | undefined;
  const counted = await statementsOf(async () => {
    withTotal = (
      await fixture.server.query<Page>(
        query('...on FacilityConnection { totalCount } edges { node { id } } pageInfo { hasNextPage }'),
        { filter },
      )
    ).data!;
  });
  expect(counted.some((sql) => /count\s*\(/i.test(sql))).toBe(true);
  expect(counted).toHaveLength(1);
  expect(withTotal!.facilities.totalCount).toBeGreaterThan(10);
  expect(without!.facilities.edges).toEqual(withTotal!.facilities.edges);
  expect(without!.facilities.pageInfo.hasNextPage).toBe(true);
  expect(withTotal!.facilities.pageInfo.hasNextPage).toBe(true);
});

test('the last page says it is the last with and without totalCount', async () => {
  const all = await fixture.server.query<{ facilities: { totalCount: number } }>(
    `{ facilities(first: 0) { totalCount } }`,
  );
  const total = all.data!.facilities.totalCount;
  for (const fields of ['pageInfo { hasNextPage }', 'totalCount pageInfo { hasNextPage }']) {
    const exact = await fixture.server.query<{ facilities: { pageInfo: { hasNextPage: boolean } } }>(
      `{ facilities(first: ${total}) { ${fields} } }`,
    );
    expect(exact.data!.facilities.pageInfo.hasNextPage).toBe(false);
    const short = await fixture.server.query<{ facilities: { pageInfo: { hasNextPage: boolean } } }>(
      `{ facilities(first: ${total - 1}) { ${fields} } }`,
    );
    expect(short.data!.facilities.pageInfo.hasNextPage).toBe(true);
  }
  const beyond = await fixture.server.query<{ facilities: { totalCount: number; edges: unknown[] } }>(
    `query($after: String) { facilities(first: 5, after: $after) { totalCount edges { cursor } } }`,
    { after: Buffer.from(`o:${total + 3}`).toString('base64url') },
  );
  expect(beyond.data!.facilities).toEqual({ totalCount: total, edges: [] });
});

test('a bbox page, one facility by id and a name search are one statement each', async () => {
  const requests: [string, Record<string, unknown>][] = [
    [
      `query($b: BBoxInput!) { facilities(filter: { bbox: $b }, first: 50) { edges { node { id name location } } } }`,
      { b: { west: 120.14, south: 30.24, east: 120.17, north: 30.28 } },
    ],
    [`query($id: ID!) { facility(id: $id) { id name location } }`, { id: '1' }],
    [
      `query($q: String!) { facilities(filter: { text: $q }, first: 50) { edges { node { id name } } } }`,
      { q: '医院' },
    ],
  ];
  for (const [query, variables] of requests) {
    const statements = await statementsOf(async () => {
      const result = await fixture.server.query(query, variables);
      expect(result.errors).toBeUndefined();
    });
    expect(statements, query).toHaveLength(1);
  }
});

/** The `regions` a query answers, and the statements the server sent for it. */
async function regionsAndStatements<Row>(query: string): Promise<{ rows: Row[]; statements: string[] }> {
  let rows: Row[] = [];
  const statements = await statementsOf(async () => {
    const result = await fixture.server.query<{ regions: Row[] }>(query);
    expect(result.errors).toBeUndefined();
    rows = result.data!.regions;
  });
  return { rows, statements };
}

test('regions with their stats and successors cost one statement per field, not one per region', async () => {
  const QUERY = `{ regions(level: DISTRICT) { code stats { facilityCount totalBeds nursingBeds vacantBeds }
    successors { successorCode effectiveOn } } }`;
  type Row = { code: string; stats: Record<string, number>; successors: { successorCode: string }[] };
  const { rows, statements } = await regionsAndStatements<Row>(QUERY);
  expect(rows.length).toBeGreaterThan(10);
  expect(statements.length).toBeLessThanOrEqual(4);
  // The batched answers are those each region's own statement finds.
  const sql = new SqlRunner(fixture.database.db.fork());
  for (const row of rows.filter((_, i) => i % 7 === 0)) {
    const own = await sql.one<Record<string, number>>(
      `select count(f.id)::int as "facilityCount", coalesce(sum(f.total_beds), 0)::int as "totalBeds",
         coalesce(sum(f.nursing_beds), 0)::int as "nursingBeds", coalesce(sum(f.vacant_beds), 0)::int as "vacantBeds"
       from region r join facility f on ST_Covers(r.boundary, f.location) and f.archived_at is null
       where r.code = $1`,
      [row.code],
    );
    expect(row.stats, row.code).toEqual(own);
  }
  expect(rows.some((row) => row.stats.facilityCount > 0)).toBe(true);
});

test('the children of a list of regions cost two statements, not two per region, and page as before', async () => {
  const QUERY = `query($after: String) { regions(level: DISTRICT) { code
    children(first: 3, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { code parentCode } } } } }`;
  type Page = {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    edges: { node: { code: string; parentCode: string } }[];
  };
  type Row = { code: string; children: Page };
  const { rows, statements } = await regionsAndStatements<Row>(QUERY);
  expect(rows.length).toBeGreaterThan(10);
  expect(statements.length).toBeLessThanOrEqual(3);
  const withStreets = rows.filter((row) => row.children.totalCount > 3);
  expect(withStreets.length).toBeGreaterThan(0);
  for (const row of rows) {
    const all = await fixture.server.query<{ regions: { code: string }[] }>(
      `query($p: String!) { regions(parentCode: $p) { code } }`,
      { p: row.code },
    );
    const codes = all.data!.regions.map((region) => region.code);
    expect(row.children.totalCount, row.code).toBe(codes.length);
    expect(row.children.edges.map((edge) => edge.node.code)).toEqual(codes.slice(0, 3));
    expect(row.children.edges.every((edge) => edge.node.parentCode === row.code)).toBe(true);
    expect(row.children.pageInfo.hasNextPage).toBe(codes.length > 3);
  }
  // The next page of every district at once, from the cursor of the first (cursors count places, not codes).
  const next = await fixture.server.query<{ regions: Row[] }>(QUERY, {
    after: withStreets[0].children.pageInfo.endCursor,
  });
  for (const row of next.data!.regions) {
    const first = rows.find((r) => r.code === row.code)!;
    const codes = row.children.edges.map((edge) => edge.node.code);
    expect(codes.every((code) => !first.children.edges.some((edge) => edge.node.code === code))).toBe(true);
    expect(codes.length).toBe(Math.min(3, Math.max(0, first.children.totalCount - 3)));
  }
});
