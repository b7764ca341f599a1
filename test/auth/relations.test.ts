import { beforeAll, describe, expect, test } from 'vitest';
import { TokenService } from '../../server/auth/token.service';
import { TEST_JWT_SECRET } from '../support/secret';
import { SqlRunner } from '../../server/db/sql';
import { RELATION_LIMITS } from '../../server/kernel/relation-limits';
import { useTestServer } from '../support/test-server';

const fixture = useTestServer();
const auth: Record<string, Record<string, string>> = { PUBLIC: {} };
let sql: SqlRunner;
let home: string;
let hospital: string;
let station: string;

beforeAll(async () => {
  sql = new SqlRunner(fixture.database.db.fork());
  const pick = async (type: string) =>
    (await sql.one<{ id: string }>(
      `select id::text as id from facility where type = $1 order by id limit 1`,
      [type],
    ))!.id;
  [home, hospital, station] = [
    await pick('NURSING_HOME'),
    await pick('HOSPITAL'),
    await pick('COMMUNITY_CARE_STATION'),
  ];
  const tokens = new TokenService(fixture.database.db.fork(), TEST_JWT_SECRET);
  for (const role of ['OPERATOR', 'PLANNER', 'ADMIN'] as const) {
    const { token } = await tokens.issue({
      kind: 'JWT',
      role,
      subject: `${role} relations`,
      facilityIds: [home],
    });
    auth[role] = { authorization: `Bearer ${token}` };
  }
});

const relationsSnapshot = () =>
  sql.all(
    `select (select json_agg(p order by p.id) from medical_partnership p) as partnerships,
       (select json_agg(c order by c.id) from consortium c) as consortia,
       (select json_agg(m order by m.consortium_id, m.facility_id) from consortium_member m) as members`,
  );

const CREATE_PARTNERSHIP = `mutation($input: PartnershipCreateInput!) { createPartnership(input: $input) {
  id signedOn services primaryLevel careFacility { id } medicalFacility { id type } } }`;

describe('pairings and consortia: ADMIN writes, everyone else gets FORBIDDEN and changes nothing', () => {
  test('createPartnership, endPartnership', async () => {
    const input = {
      careFacilityId: home,
      medicalFacilityId: hospital,
      signedOn: '2026-01-05',
      services: ['ROUNDS'],
      source: '协议 2026-001',
    };
    const before = await relationsSnapshot();
    for (const caller of ['PUBLIC', 'OPERATOR', 'PLANNER']) {
      const result = await fixture.server.query(CREATE_PARTNERSHIP, { input }, auth[caller]);
      expect(result.errors?.[0].extensions?.code, caller).toBe('FORBIDDEN');
    }
    expect(await relationsSnapshot()).toEqual(before);
    const created = await fixture.server.query<{
      createPartnership: { id: string; medicalFacility: { id: string } };
    }>(CREATE_PARTNERSHIP, { input }, auth.ADMIN);
    expect(created.errors).toBeUndefined();
    expect(created.data!.createPartnership.medicalFacility.id).toBe(hospital);
    const id = created.data!.createPartnership.id;

    const END = `mutation($id: ID!) { endPartnership(id: $id, endsOn: "2026-06-30") { endsOn } }`;
    expect((await fixture.server.query(END, { id }, auth.OPERATOR)).errors?.[0].extensions?.code).toBe(
      'FORBIDDEN',
    );
    const ended = await fixture.server.query<{ endPartnership: { endsOn: string } }>(END, { id }, auth.ADMIN);
    expect(ended.data!.endPartnership.endsOn).toBe('2026-06-30');
    const audit = await sql.all<{ action: string }>(
      `select action from audit_log where entity = 'partnership' and entity_id = $1 order by id`,
      [id],
    );
    expect(audit.map((a) => a.action)).toEqual(['CREATE', 'END']);
  });

  test('a pairing must join a care institution with a medical one, with sane dates', async () => {
    const before = await relationsSnapshot();
    const cases: [Record<string, unknown>, RegExp][] = [
      [{ careFacilityId: station, medicalFacilityId: hospital }, /careFacilityId must be one of/],
      [{ careFacilityId: home, medicalFacilityId: home }, /cannot pair with itself/],
      [{ careFacilityId: home, medicalFacilityId: hospital, endsOn: '2020-01-01' }, /before signedOn/],
    ];
    for (const [fields, message] of cases) {
      const input = { signedOn: '2026-02-01', services: [], source: 'test', ...fields };
      const result = await fixture.server.query(CREATE_PARTNERSHIP, { input }, auth.ADMIN);
      expect(result.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      expect(result.errors?.[0].message).toMatch(message);
    }
    expect(await relationsSnapshot()).toEqual(before);
  });

  test('createConsortium, updateConsortium, endConsortium', async () => {
    const CREATE = `mutation($input: ConsortiumCreateInput!) { createConsortium(input: $input) {
      id level lead { id } members { role facility { id } } endedOn } }`;
    const input = {
      name: '测试街道康养联合体',
      level: 'STREET',
      regionCode: '330102',
      leadFacilityId: home,
      members: [{ facilityId: hospital, role: 'MEDICAL' }],
      source: 'test',
    };
    const before = await relationsSnapshot();
    for (const caller of ['PUBLIC', 'OPERATOR', 'PLANNER']) {
      expect((await fixture.server.query(CREATE, { input }, auth[caller])).errors?.[0].extensions?.code).toBe(
        'FORBIDDEN',
      );
    }
    const bad = await fixture.server.query(
      CREATE,
      { input: { ...input, members: [{ facilityId: hospital, role: 'BOSS' }] } },
      auth.ADMIN,
    );
    expect(bad.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(await relationsSnapshot()).toEqual(before);

    const created = await fixture.server.query<{ createConsortium: { id: string; members: unknown[] } }>(
      CREATE,
      { input },
      auth.ADMIN,
    );
    expect(created.data!.createConsortium.members).toEqual([{ role: 'MEDICAL', facility: { id: hospital } }]);
    const id = created.data!.createConsortium.id;
    const updated = await fixture.server.query<{ updateConsortium: { members: { role: string }[] } }>(
      `mutation($id: ID!, $m: [ConsortiumMemberInput!]) { updateConsortium(id: $id, input: { members: $m }) { members { role } } }`,
      {
        id,
        m: [
          { facilityId: hospital, role: 'MEDICAL' },
          { facilityId: station, role: 'CARE' },
        ],
      },
      auth.ADMIN,
    );
    expect(updated.data!.updateConsortium.members.map((m) => m.role).sort()).toEqual(['CARE', 'MEDICAL']);
    const ended = await fixture.server.query<{ endConsortium: { endedOn: string } }>(
      `mutation($id: ID!) { endConsortium(id: $id, endedOn: "2026-11-01") { endedOn } }`,
      { id },
      auth.ADMIN,
    );
    expect(ended.data!.endConsortium.endedOn).toBe('2026-11-01');
  });
});

describe('lists without first are priced at a declared maximum, and writes keep to it', () => {
  test('a consortium of more members than the query cost assumes is refused, and nothing changes', async () => {
    const CREATE = `mutation($input: ConsortiumCreateInput!) { createConsortium(input: $input) { id } }`;
    const ids = (
      await sql.all<{ id: string }>(
        `select id::text as id from facility where id <> $1 order by id limit $2`,
        [Number(home), RELATION_LIMITS.membersPerConsortium + 1],
      )
    ).map((row) => row.id);
    expect(ids).toHaveLength(RELATION_LIMITS.membersPerConsortium + 1);
    const before = await relationsSnapshot();
    const input = {
      name: '过大的康养联合体',
      level: 'DISTRICT',
      regionCode: '330102',
      leadFacilityId: home,
      members: ids.map((facilityId) => ({ facilityId, role: 'CARE' })),
      source: 'test',
    };
    const refused = await fixture.server.query(CREATE, { input }, auth.ADMIN);
    expect(refused.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'members' });
    expect(await relationsSnapshot()).toEqual(before);
  });

  test('a facility in as many consortia as the cost assumes cannot join one more', async () => {
    const CREATE = `mutation($input: ConsortiumCreateInput!) { createConsortium(input: $input) { id } }`;
    const [member] = (
      await sql.all<{ id: string }>(
        `select id::text as id from facility where id not in ($1, $2) and type = 'COMMUNITY_CARE_STATION' order by id desc limit 1`,
        [Number(home), Number(hospital)],
      )
    ).map((row) => row.id);
    const input = (n: number) => ({
      name: `联合体 ${n}`,
      level: 'STREET',
      regionCode: '330102',
      leadFacilityId: member,
      members: [],
      source: 'test',
    });
    const { n: already } = (await sql.one<{ n: number }>(
      `select count(*)::int as n from consortium c where c.lead_facility_id = $1
         or exists (select 1 from consortium_member m where m.consortium_id = c.id and m.facility_id = $1)`,
      [Number(member)],
    ))!;
    for (let n = already; n < RELATION_LIMITS.consortiaPerFacility; n++) {
      const created = await fixture.server.query(CREATE, { input: input(n) }, auth.ADMIN);
      expect(created.errors).toBeUndefined();
    }
    const refused = await fixture.server.query(CREATE, { input: input(99) }, auth.ADMIN);
    expect(refused.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      argument: 'leadFacilityId',
    });
    expect(refused.errors?.[0].message).toMatch(/consortia already/);
  });
});
