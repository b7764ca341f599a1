import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { TokenService } from '../../server/auth/token.service';
import { TEST_JWT_SECRET } from '../support/secret';
import { SqlRunner } from '../../server/db/sql';
import { openTestDatabase, type TestDatabase } from '../support/database';
import { startTestServer, type TestServer } from '../support/graphql';

let database: TestDatabase;
let server: TestServer;
let sql: SqlRunner;
let admin: Record<string, string>;

beforeAll(async () => {
  database = await openTestDatabase({ seeded: true });
  server = await startTestServer(database.db, { CAREMAP_RATE_LIMIT_PER_MINUTE: '100000' });
  sql = new SqlRunner(database.db.fork());
  const { token } = await new TokenService(database.db.fork(), TEST_JWT_SECRET).issue({
    kind: 'API_KEY',
    role: 'ADMIN',
    subject: '12349 platform',
  });
  admin = { authorization: `Bearer ${token}` };
});
afterAll(async () => {
  await server?.close();
  await database?.dispose();
});

const IMPORT = `mutation($content: String!, $format: ImportFormat!, $crs: CoordinateSystem, $dryRun: Boolean) {
  importFacilities(file: { name: "test", content: $content }, format: $format, crs: $crs, dryRun: $dryRun) {
    dryRun written total invalid created updated unchanged rows { row sourceKey status problems { field message code } }
  }
}`;

const CSV = `source_key,name,type,lng,lat,address,total_beds,vacant_beds,fee_min_monthly,fee_max_monthly,services
ext:001,湖滨街道康养驿站,COMMUNITY_CARE_STATION,120.1650,30.2570,"杭州市上城区东坡路1号",20,3,1500,2500,DAY_CARE;MEAL
ext:002,小营老年食堂,老年食堂/助餐点,120.1760,30.2600,杭州市上城区,,,,,MEAL
ext:003,清波护理院,NURSING_HOSPITAL,120.1690,30.2430,,120,10,4000,9000,NURSING;MEDICAL
`;

/** Everything an import could touch, to prove that a refused one touched nothing. */
async function snapshot() {
  return sql.all(
    `select source_key, name, version, vacant_beds, ST_AsText(location) as loc from facility order by source_key collate "C"`,
  );
}

type Report = {
  importFacilities: {
    written: boolean;
    total: number;
    invalid: number;
    created: number;
    updated: number;
    unchanged: number;
    rows: { row: number; status: string; problems: { field: string; message: string; code: string }[] }[];
  };
};

describe('importFacilities', () => {
  test('a dry run reports every row and writes nothing', async () => {
    const before = await snapshot();
    const result = await server.query<Report>(IMPORT, { content: CSV, format: 'CSV', dryRun: true }, admin);
    expect(result.errors).toBeUndefined();
    expect(result.data!.importFacilities).toMatchObject({ written: false, total: 3, invalid: 0 });
    expect(result.data!.importFacilities.rows.map((r) => r.status)).toEqual(['VALID', 'VALID', 'VALID']);
    expect(await snapshot()).toEqual(before);
  });

  test('a real run writes all rows with an audit record each; importing the same file again changes nothing', async () => {
    const first = await server.query<Report>(IMPORT, { content: CSV, format: 'CSV', dryRun: false }, admin);
    expect(first.data!.importFacilities).toMatchObject({
      written: true,
      created: 3,
      updated: 0,
      unchanged: 0,
    });
    const audit = await sql.one<{ n: number }>(
      `select count(*)::int as n from audit_log where action = 'IMPORT_CREATE' and actor = '12349 platform'`,
    );
    expect(audit!.n).toBe(3);
    const after = await snapshot();
    const again = await server.query<Report>(IMPORT, { content: CSV, format: 'CSV', dryRun: false }, admin);
    expect(again.data!.importFacilities).toMatchObject({
      written: true,
      created: 0,
      updated: 0,
      unchanged: 3,
    });
    expect(await snapshot()).toEqual(after);
    const found = await server.query<{
      facilities: { edges: { node: { name: string; regionCode: string } }[] };
    }>('{ facilities(filter: { text: "湖滨街道康养驿站" }) { edges { node { name regionCode } } } }');
    expect(found.data!.facilities.edges[0].node).toEqual({ name: '湖滨街道康养驿站', regionCode: '330102' });
  });

  test('malformed CSV rows: the report names each bad field, nothing is written', async () => {
    const before = await snapshot();
    const bad = `${CSV.trim()}\next:004,,COMMUNITY_CARE_STATION,abc,30.25,,,,,,\next:005,坏数据,CASINO,120.17,30.25,,10,20,,,\n`;
    const result = await server.query<Report>(IMPORT, { content: bad, format: 'CSV', dryRun: false }, admin);
    const report = result.data!.importFacilities;
    expect(report).toMatchObject({ written: false, total: 5, invalid: 2 });
    expect(report.rows[3]).toMatchObject({ row: 5, status: 'INVALID' });
    expect(report.rows[3].problems.map((p) => p.field).sort()).toEqual(['lng', 'name']);
    expect(report.rows[4].problems.map((p) => p.field).sort()).toEqual(['type', 'vacant_beds']);
    expect(await snapshot()).toEqual(before);
  });

  test('GeoJSON with invalid geometry: reported, nothing written; GCJ-02 input lands in WGS84', async () => {
    const before = await snapshot();
    const geojson = (coordinates: unknown) =>
      JSON.stringify({
        type: 'FeatureCollection',
        features: [
          {
            type: 'Feature',
            geometry: { type: 'Point', coordinates: [120.1699, 30.2551] },
            properties: { sourceKey: 'gj:1', name: '高德坐标驿站', type: 'COMMUNITY_CARE_STATION' },
          },
          {
            type: 'Feature',
            geometry: { type: 'Point', coordinates },
            properties: { sourceKey: 'gj:2', name: '坏几何', type: 'MEAL_POINT' },
          },
        ],
      });
    const bad = await server.query<Report>(
      IMPORT,
      { content: geojson([Number.NaN]), format: 'GEOJSON', dryRun: false },
      admin,
    );
    expect(bad.data!.importFacilities).toMatchObject({ written: false, invalid: 1 });
    expect(bad.data!.importFacilities.rows[1].problems[0].field).toBe('geometry');
    expect(await snapshot()).toEqual(before);

    const good = await server.query<Report>(
      IMPORT,
      { content: geojson([120.18, 30.26]), format: 'GEOJSON', crs: 'GCJ02', dryRun: false },
      admin,
    );
    expect(good.data!.importFacilities).toMatchObject({ written: true, created: 2 });
    const row = await sql.one<{ lng: number; lat: number }>(
      `select ST_X(location) as lng, ST_Y(location) as lat from facility where source_key = 'gj:1'`,
    );
    expect(row!.lng).toBeLessThan(120.1699 - 0.003);
    expect(row!.lat).toBeGreaterThan(30.2551 + 0.001);
  });

  test('wrong coordinate system, unknown format, non-admin: clear errors, nothing written', async () => {
    const before = await snapshot();
    const crs = await server.query(
      IMPORT,
      { content: CSV, format: 'CSV', crs: 'WGS-84', dryRun: false },
      admin,
    );
    expect(crs.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
    expect(crs.errors?.[0].message).toMatch(/WGS-84/);
    const format = await server.query(IMPORT, { content: CSV, format: 'XLSX', dryRun: false }, admin);
    expect(format.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const notJson = await server.query(IMPORT, { content: 'a,b', format: 'GEOJSON', dryRun: false }, admin);
    expect(notJson.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const publicCall = await server.query(IMPORT, { content: CSV, format: 'CSV', dryRun: false });
    expect(publicCall.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(await snapshot()).toEqual(before);
  });

  const HEADER =
    'source_key,name,type,lng,lat,total_beds,vacant_beds,services,operator_type,hospital_grade,verified_on';
  const row = (cells: Partial<Record<string, string>>) =>
    [
      cells.source_key ?? 'ext:enum',
      cells.name ?? '枚举测试站',
      cells.type ?? 'COMMUNITY_CARE_STATION',
      '120.1650',
      '30.2570',
      cells.total_beds ?? '',
      cells.vacant_beds ?? '',
      cells.services ?? '',
      cells.operator_type ?? '',
      cells.hospital_grade ?? '',
      cells.verified_on ?? '',
    ].join(',');
  const run = (content: string, dryRun: boolean) =>
    server.query<Report>(IMPORT, { content, format: 'CSV', dryRun }, admin);

  test.each([
    ['services', 'constructor'],
    ['operator_type', 'toString'],
    ['hospital_grade', '__proto__'],
    ['verified_on', '2023-02-30'],
    ['verified_on', '0000-01-01'],
  ])(
    'import validation by `value in Enum`: %s=%s is INVALID in the dry run and the real run, never written, never INTERNAL_SERVER_ERROR',
    async (field, value) => {
      const before = await snapshot();
      const content = `${HEADER}\n${row({ source_key: `ext:enum-${field}`, [field]: value })}\n`;
      for (const dryRun of [true, false]) {
        const result = await run(content, dryRun);
        expect(result.errors).toBeUndefined();
        expect(result.data!.importFacilities).toMatchObject({ written: false, invalid: 1 });
        expect(result.data!.importFacilities.rows[0].problems.map((p) => p.field)).toEqual([field]);
      }
      expect(await snapshot()).toEqual(before);
      const listed = await server.query(
        '{ facilities(first: 500) { edges { node { id services operatorType } } } }',
      );
      expect(listed.errors).toBeUndefined();
    },
  );

  test('CSV rows with more cells than the header are a row error, not accepted with the extras dropped', async () => {
    const before = await snapshot();
    const result = await run(`${HEADER}\n${row({ source_key: 'ext:wide' })},surplus\n`, false);
    expect(result.data!.importFacilities).toMatchObject({ written: false, invalid: 1 });
    expect(result.data!.importFacilities.rows[0].problems[0]).toMatchObject({ field: 'row' });
    expect(await snapshot()).toEqual(before);
  });

  test('total_beds below the live vacancy fails the dry run and the real run as a row error, not a check constraint (INTERNAL)', async () => {
    const created = await run(
      `${HEADER}\n${row({ source_key: 'ext:beds', total_beds: '20', vacant_beds: '8' })}\n`,
      false,
    );
    expect(created.data!.importFacilities).toMatchObject({ written: true, created: 1 });
    const before = await snapshot();
    const lower = `${HEADER}\n${row({ source_key: 'ext:beds', total_beds: '5' })}\n`;
    for (const dryRun of [true, false]) {
      const result = await run(lower, dryRun);
      expect(result.errors).toBeUndefined();
      expect(result.data!.importFacilities).toMatchObject({ written: false, invalid: 1 });
      expect(result.data!.importFacilities.rows[0].problems).toEqual([
        { field: 'total_beds', message: expect.stringMatching(/live vacancy of 8/), code: 'BAD_USER_INPUT' },
      ]);
    }
    expect(await snapshot()).toEqual(before);
  });

  test('a blank total_beds on a facility with vacancy 8 is a row error, and updateVacancy by its operator keeps working', async () => {
    await run(`${HEADER}\n${row({ source_key: 'ext:blank', total_beds: '20', vacant_beds: '8' })}\n`, false);
    const before = await snapshot();
    const blank = await run(`${HEADER}\n${row({ source_key: 'ext:blank', total_beds: '' })}\n`, false);
    expect(blank.data!.importFacilities).toMatchObject({ written: false, invalid: 1 });
    expect(blank.data!.importFacilities.rows[0].problems.map((p) => p.field)).toEqual(['total_beds']);
    expect(await snapshot()).toEqual(before);

    const stored = (await sql.one<{ id: string; version: number }>(
      `select id::text as id, version from facility where source_key = 'ext:blank'`,
    ))!;
    const { token } = await new TokenService(database.db.fork(), TEST_JWT_SECRET).issue({
      kind: 'API_KEY',
      role: 'OPERATOR',
      subject: 'ext:blank staff',
      facilityIds: [stored.id],
    });
    const vacancy = await server.query<{ updateVacancy: { vacantBeds: number } }>(
      `mutation($id: ID!, $v: Int!) { updateVacancy(facilityId: $id, vacantBeds: 6, expectedVersion: $v) { vacantBeds } }`,
      { id: stored.id, v: stored.version },
      { authorization: `Bearer ${token}` },
    );
    expect(vacancy.errors).toBeUndefined();
    expect(vacancy.data!.updateVacancy.vacantBeds).toBe(6);
  });

  test('an import silently overwrote an acknowledged updateFacility: a stale expected_version is a CONFLICT row; without it the import wins and the audit log shows both writes', async () => {
    await run(`${HEADER}\n${row({ source_key: 'ext:edit', total_beds: '20' })}\n`, false);
    const stored = (await sql.one<{ id: string; version: number }>(
      `select id::text as id, version from facility where source_key = 'ext:edit'`,
    ))!;
    const edit = await server.query<{ updateFacility: { version: number; name: string } }>(
      `mutation($id: ID!, $v: Int!) { updateFacility(id: $id, input: { name: "人工改名驿站" }, expectedVersion: $v) { version name } }`,
      { id: stored.id, v: stored.version },
      admin,
    );
    expect(edit.errors).toBeUndefined();
    const acknowledged = edit.data!.updateFacility.version;

    const before = await snapshot();
    const stale = `source_key,name,type,lng,lat,total_beds,expected_version
ext:edit,文件里的名字,COMMUNITY_CARE_STATION,120.1650,30.2570,20,${stored.version}
`;
    for (const dryRun of [true, false]) {
      const result = await run(stale, dryRun);
      expect(result.data!.importFacilities).toMatchObject({ written: false, invalid: 1 });
      expect(result.data!.importFacilities.rows[0].problems).toEqual([
        {
          field: 'expected_version',
          message: expect.stringContaining(`it is now at ${acknowledged}`),
          code: 'CONFLICT',
        },
      ]);
    }
    expect(await snapshot()).toEqual(before);

    const current = await run(stale.replace(`,${stored.version}\n`, `,${acknowledged}\n`), false);
    expect(current.data!.importFacilities).toMatchObject({ written: true, updated: 1 });

    const again = await server.query<{ updateFacility: { version: number } }>(
      `mutation($id: ID!, $v: Int!) { updateFacility(id: $id, input: { name: "又一次人工改名" }, expectedVersion: $v) { version } }`,
      { id: stored.id, v: acknowledged + 1 },
      admin,
    );
    expect(again.errors).toBeUndefined();
    const blind = await run(
      `${HEADER}\n${row({ source_key: 'ext:edit', name: '文件里的新名字', total_beds: '20' })}\n`,
      false,
    );
    expect(blind.data!.importFacilities).toMatchObject({ written: true, updated: 1 });
    const log = await server.query<{
      auditLog: {
        edges: { node: { action: string; oldValues: { name?: string }; newValues: { name?: string } } }[];
      };
    }>(
      `query($id: ID!) { auditLog(entity: "facility", entityId: $id, first: 2) { edges { node { action oldValues newValues } } } }`,
      { id: stored.id },
      admin,
    );
    expect(log.data!.auditLog.edges.map((e) => e.node.action)).toEqual(['IMPORT_UPDATE', 'UPDATE']);
    expect(log.data!.auditLog.edges[0].node.oldValues.name).toBe('又一次人工改名');
    expect(log.data!.auditLog.edges[0].node.newValues.name).toBe('文件里的新名字');
    expect(log.data!.auditLog.edges[1].node.newValues.name).toBe('又一次人工改名');
  });
});
