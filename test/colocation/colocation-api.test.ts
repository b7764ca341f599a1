import { beforeAll, describe, expect, test } from 'vitest';
import { SqlRunner } from '../../server/db/sql';
import { useTestServer } from '../support/test-server';
import { insertYichengSample } from './yicheng-sample';

const fixture = useTestServer();
let ids: Map<string, string>;

beforeAll(async () => {
  ids = await insertYichengSample(new SqlRunner(fixture.database.db.fork()));
});

const COLOCATION = `query($meters: Float) {
  ruralColocation(regionCode: "370404", maxDistanceMeters: $meters) {
    maxDistanceMeters isSample notes tallies { kind clinics colocated colocatedPercent } features
  }
}`;

interface Report {
  maxDistanceMeters: number;
  isSample: boolean;
  tallies: { kind: string; clinics: number; colocated: number; colocatedPercent: number | null }[];
  features: {
    type: string;
    features: { id: string; geometry: { type: string }; properties: Record<string, unknown> }[];
  };
}

async function colocation(meters?: number): Promise<Report> {
  const result = await fixture.server.query<{ ruralColocation: Report }>(COLOCATION, { meters });
  expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
  return result.data!.ruralColocation;
}

describe('rural co-location in 峄城区 (sample facilities)', () => {
  test('within 200 m: one of two township health centres has its care home, two of three village clinics their 幸福院', async () => {
    const report = await colocation();
    expect(report.maxDistanceMeters).toBe(200);
    expect(report.isSample).toBe(true);
    expect(report.tallies).toEqual([
      { kind: 'TOWNSHIP_HEALTH_CENTRE', clinics: 2, colocated: 1, colocatedPercent: 50 },
      { kind: 'VILLAGE_CLINIC', clinics: 3, colocated: 2, colocatedPercent: 200 / 3 },
    ]);
    expect(report.features.type).toBe('FeatureCollection');
    const byId = new Map(report.features.features.map((feature) => [feature.id, feature.properties]));
    expect(byId.get(ids.get('a')!)).toMatchObject({
      colocated: true,
      partnerId: ids.get('b'),
      isSample: true,
    });
    expect(byId.get(ids.get('a')!)!.distanceMeters as number).toBeGreaterThan(100);
    expect(byId.get(ids.get('a')!)!.distanceMeters as number).toBeLessThan(140);
    expect(byId.get(ids.get('c')!)).toMatchObject({ colocated: false, partnerId: null });
    expect(byId.get(ids.get('i')!)).toMatchObject({ kind: 'VILLAGE_CLINIC', colocated: false });
  });

  test('the distance is configurable: at 2 km the second township centre counts too', async () => {
    const report = await colocation(2_000);
    expect(report.tallies[0]).toMatchObject({ clinics: 2, colocated: 2 });
    expect(report.tallies[1]).toMatchObject({ clinics: 3, colocated: 2 });
  });

  test('a distance of 0 or beyond 5 km is BAD_USER_INPUT', async () => {
    for (const meters of [0, 6_000]) {
      const result = await fixture.server.query(COLOCATION, { meters });
      expect(result.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    }
  });
});
