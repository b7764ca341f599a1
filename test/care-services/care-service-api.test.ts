// type-graphql's decorators need the metadata polyfill before any server module loads.
import 'reflect-metadata';
import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { TokenService } from '../../server/auth/token.service';
import { importCareServiceFile } from '../../server/care-services/care-service.cli';
import { SqlRunner } from '../../server/db/sql';
import { TEST_JWT_SECRET } from '../support/secret';
import { useTestServer } from '../support/test-server';

const fixture = useTestServer();
const auth: Record<string, Record<string, string>> = { PUBLIC: {} };
let lead: string;
let other: string;

async function as(role: string, query: string, variables: Record<string, unknown> = {}) {
  return fixture.server.query<Record<string, unknown>>(query, variables, auth[role]);
}

/** A visit to recipient `who` of community A (…001) or B (…002). */
function visit(key: string, provider: string, community: 'A' | 'B', who: string, level = 'MILD') {
  return {
    recordKey: key,
    providerFacilityId: provider,
    serviceType: 'MEAL_ASSISTANCE',
    startedAt: '2026-10-01T03:00:00Z',
    durationMinutes: 30,
    costCny: 15,
    fundingSource: 'GOVERNMENT',
    recipientRegionCode: community === 'A' ? '330102001001' : '330102001002',
    recipientNeedLevel: level,
    recipientPseudonym: `pseudo-${community}-${who}`,
  };
}

// Community A: 12 visits to 7 people (5 assessed 失能, 2 自理) by the consortium lead; B: 3 visits to 2 people.
const visits = [
  ...Array.from({ length: 12 }, (_, k) =>
    visit(`a-${k}`, 'LEAD', 'A', String(k % 7), k % 7 < 5 ? 'MODERATE' : 'SELF_CARE'),
  ),
  ...Array.from({ length: 3 }, (_, k) => visit(`b-${k}`, 'OTHER', 'B', String(k % 2))),
];
const withIds = () =>
  visits.map((record) => ({
    ...record,
    providerFacilityId: record.providerFacilityId === 'LEAD' ? lead : other,
  }));

const RECORD = `mutation($records: [CareServiceInput!]!) { recordCareServices(records: $records) { inserted updated unchanged } }`;
const SUMMARY = `query($groupBy: CareServiceGrouping!) {
  careServiceSummary(regionCode: "330102", groupBy: $groupBy) {
    key name services recipients recipientsInNeed peopleInNeed servicesPerPersonInNeed reachedPercent costCny suppressed
  }
}`;
/** Rates and money: not counts of people or visits. */
const NOT_COUNTS = new Set(['servicesPerPersonInNeed', 'reachedPercent', 'costCny']);

/** Every count anywhere in a response, with where it is. */
function countsIn(value: unknown, where = ''): [string, number][] {
  if (typeof value === 'number') return [[where, value]];
  if (Array.isArray(value)) return value.flatMap((item, index) => countsIn(item, `${where}[${index}]`));
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, item]) =>
      NOT_COUNTS.has(key) ? [] : countsIn(item, `${where}.${key}`),
    );
  }
  return [];
}

beforeAll(async () => {
  const sql = new SqlRunner(fixture.database.db.fork());
  const consortium = await sql.one<{ lead: string }>(
    `select lead_facility_id::text as "lead" from consortium where region_code like '330102%' order by id limit 1`,
  );
  lead = consortium!.lead;
  other = (await sql.one<{ id: string }>(
    `select id::text as "id" from facility where id <> $1 and type = 'COMMUNITY_CARE_STATION'
     and id not in (select facility_id from consortium_member) and id not in (select lead_facility_id from consortium)
     order by id limit 1`,
    [Number(lead)],
  ))!.id;
  await sql.run(
    `insert into region (code, name, level, parent_code, source) values
       ('330102001', '测试街道', 'STREET', '330102', 'test fixture'),
       ('330102001001', '甲社区', 'COMMUNITY', '330102001', 'test fixture'),
       ('330102001002', '乙社区', 'COMMUNITY', '330102001', 'test fixture')
     on conflict (code) do update set name = excluded.name`,
  );
  await sql.run(
    `insert into need_assessment (region_code, assessed_on, disabled_mild, disabled_moderate, disabled_severe,
       dementia, living_alone, is_sample, source) values
       ('330102001001', '2026-06-30', 20, 12, 8, 6, 30, true, 'test fixture'),
       ('330102001002', '2026-06-30', 1, 1, 1, 2, 3, true, 'test fixture')`,
  );
  const tokens = new TokenService(fixture.database.db.fork(), TEST_JWT_SECRET);
  for (const role of ['PLANNER', 'ADMIN', 'OPERATOR']) {
    const { token } = await tokens.issue({
      kind: 'JWT',
      role: role as never,
      subject: `test ${role}`,
      facilityIds: role === 'OPERATOR' ? [lead] : [],
    });
    auth[role] = { authorization: `Bearer ${token}` };
  }
});

describe('services delivered', () => {
  test('PUBLIC and PLANNER may not send records; an OPERATOR only for its own facilities', async () => {
    for (const role of ['PUBLIC', 'PLANNER']) {
      expect((await as(role, RECORD, { records: withIds() })).errors?.[0].extensions?.code, role).toBe(
        'FORBIDDEN',
      );
    }
    expect((await as('OPERATOR', RECORD, { records: withIds() })).errors?.[0].extensions?.code).toBe(
      'FORBIDDEN',
    );
    const own = withIds()
      .filter((record) => record.providerFacilityId === lead)
      .slice(0, 2);
    expect((await as('OPERATOR', RECORD, { records: own })).data!.recordCareServices).toEqual({
      inserted: 2,
      updated: 0,
      unchanged: 0,
    });
  });

  test('a batch is stored all or nothing and sending it again changes nothing', async () => {
    const result = await as('ADMIN', RECORD, { records: withIds() });
    expect(result.errors).toBeUndefined();
    expect(result.data!.recordCareServices).toEqual({ inserted: 13, updated: 0, unchanged: 2 });
    expect((await as('ADMIN', RECORD, { records: withIds() })).data!.recordCareServices).toEqual({
      inserted: 0,
      updated: 0,
      unchanged: 15,
    });
  });

  test('an ID-card number as pseudonym, an unknown community or a bad service type is BAD_USER_INPUT and writes nothing', async () => {
    for (const bad of [
      { recipientPseudonym: '33010219500101123X' },
      { recipientPseudonym: '13800138000' },
      { recipientRegionCode: '330102001999' },
      { serviceType: 'MASSAGE' },
      { durationMinutes: -5 },
    ]) {
      const records = [visit('new-1', lead, 'A', '9'), { ...visit('new-2', lead, 'A', '9'), ...bad }];
      const result = await as('ADMIN', RECORD, { records });
      expect(result.errors?.[0].extensions?.code, JSON.stringify(bad)).toBe('BAD_USER_INPUT');
    }
    const summary = await as('ADMIN', SUMMARY, { groupBy: 'PROVIDER' });
    const rows = summary.data!.careServiceSummary as { key: string; services: number }[];
    expect(rows.find((row) => row.key === lead)!.services).toBe(12);
  });

  test('a CSV of records imports through the same rules', async () => {
    const file = path.join(tmpdir(), `care-services-${process.pid}.csv`);
    await writeFile(
      file,
      'record_key,provider_facility_id,service_type,started_at,duration_minutes,cost_cny,funding_source,recipient_region_code,recipient_need_level,recipient_pseudonym\n' +
        `a-0,${lead},MEAL_ASSISTANCE,2026-10-01T03:00:00Z,30,15,GOVERNMENT,330102001001,MODERATE,pseudo-A-0\n` +
        `csv-1,${lead},BATHING,2026-10-02T03:00:00Z,60,40,LTC_INSURANCE,330102001001,SEVERE,pseudo-A-0\n`,
    );
    expect(await importCareServiceFile(fixture.database.db, file)).toMatchObject({
      inserted: 1,
      unchanged: 1,
    });
  });

  test('ADMIN sees every count; per community: services per person in need, share reached and cost', async () => {
    const result = await as('ADMIN', SUMMARY, { groupBy: 'COMMUNITY' });
    expect(result.errors).toBeUndefined();
    const [a, b] = result.data!.careServiceSummary as Record<string, unknown>[];
    expect(a).toMatchObject({
      key: '330102001001',
      services: 13,
      recipients: 7,
      recipientsInNeed: 5,
      peopleInNeed: 40,
    });
    expect(a.servicesPerPersonInNeed).toBeCloseTo(13 / 40, 9);
    expect(a.reachedPercent).toBeCloseTo(12.5, 9);
    expect(a.costCny).toBeCloseTo(12 * 15 + 40, 9);
    expect(b).toMatchObject({
      key: '330102001002',
      services: 3,
      recipients: 2,
      peopleInNeed: 3,
      suppressed: false,
    });
  });

  test('no response to PUBLIC, OPERATOR or PLANNER carries a count from 1 to 4', async () => {
    let rows = 0;
    for (const role of ['PUBLIC', 'OPERATOR', 'PLANNER']) {
      for (const groupBy of ['COMMUNITY', 'PROVIDER', 'CONSORTIUM']) {
        const result = await as(role, SUMMARY, { groupBy });
        expect(result.errors, `${role} ${groupBy}`).toBeUndefined();
        const summary = result.data!.careServiceSummary as Record<string, unknown>[];
        rows += summary.length;
        const small = countsIn(result.data).filter(([, value]) => value >= 1 && value <= 4);
        expect(small, `${role} ${groupBy}`).toEqual([]);
      }
      const community = (await as(role, SUMMARY, { groupBy: 'COMMUNITY' })).data!
        .careServiceSummary as Record<string, unknown>[];
      expect(community[1]).toMatchObject({
        key: '330102001002',
        services: null,
        recipients: null,
        peopleInNeed: null,
        reachedPercent: null,
        suppressed: true,
      });
      expect(community[0]).toMatchObject({ services: 13, recipients: 7, suppressed: false });
    }
    expect(rows).toBeGreaterThanOrEqual(3 * 4);
  });
});
