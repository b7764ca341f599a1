import { describe, expect, it } from 'vitest';
import { queryCost } from '../../server/graphql/limits';
import { createSchema } from '../../server/schema';
import { parse } from 'graphql';
import { useTestServer } from '../support/test-server';

const fixture = useTestServer();

const PLACES = `query($text: String!, $first: Int) {
  places(text: $text, first: $first) {
    id kind name nameEn address addressEn location regionCode regionName facilityId facilityType
  }
}`;

interface Place {
  id: string;
  kind: string;
  name: string;
  nameEn: string | null;
  address: string | null;
  addressEn: string | null;
  location: { type: string; coordinates: [number, number] };
  regionCode: string | null;
  regionName: string | null;
  facilityId: string | null;
  facilityType: string | null;
}

async function places(text: string, first?: number) {
  const result = await fixture.server.query<{ places: Place[] }>(PLACES, { text, first });
  return result;
}

describe('places: where a journey can start', () => {
  it('finds a hospital by its Chinese name, first, as a facility with its district', async () => {
    const { data, errors } = await places('浙江省人民医院');
    expect(errors).toBeUndefined();
    const [first] = data!.places;
    expect(first).toMatchObject({ kind: 'FACILITY', name: '浙江省人民医院', facilityType: 'HOSPITAL' });
    expect(first.facilityId).toMatch(/^[0-9]+$/);
    expect(first.nameEn).toBe("Zhejiang Provincial People's Hospital");
    expect(first.location.type).toBe('Point');
    expect(first.regionCode).toMatch(/^3301[0-9]{2}$/);
    expect(first.regionCode).not.toBe('330100');
  });

  it.each(['zhejiangshengrenminyiyuan', 'zjsrmyy'])(
    'finds it by pinyin in full or by initials (%s)',
    async (text) => {
      const { data } = await places(text);
      expect(data!.places[0].name).toBe('浙江省人民医院');
    },
  );

  it('finds a road (merged from its ways: once) and a residential compound 小区 from OpenStreetMap', async () => {
    const road = (await places('中山北路')).data!.places;
    expect(road.filter((p) => p.kind === 'ROAD' && p.name === '中山北路')).toHaveLength(1);
    const compound = (await places('朝晖一小区')).data!.places;
    expect(compound[0]).toMatchObject({ kind: 'COMPOUND', name: '朝晖一小区' });
  });

  it('finds an unnamed building by its addr:* street address', async () => {
    const { data } = await places('文晖路108');
    expect(data!.places[0]).toMatchObject({ kind: 'ADDRESS', name: '文晖路108号', address: '文晖路108号' });
    expect(data!.places[0].addressEn).toBe('Wenhui Lu 108 Hao');
  });

  it('finds a district as a region, with its code', async () => {
    const { data } = await places('上城区');
    const region = data!.places.find((p) => p.kind === 'REGION');
    expect(region).toMatchObject({ id: 'region:330102', regionCode: '330102', regionName: '上城区' });
  });

  it('ranks a name equal to the text before names that only hold it', async () => {
    const { data } = await places('浙江省', 50);
    const names = data!.places.map((p) => p.name);
    expect(names.length).toBeGreaterThan(1);
    const startsWith = names.findIndex((n) => !n.startsWith('浙江省'));
    if (startsWith >= 0) expect(names.slice(startsWith).every((n) => !n.startsWith('浙江省'))).toBe(true);
  });

  it('gives the English name OpenStreetMap has, else the name in pinyin', async () => {
    expect((await places('朝晖一小区')).data!.places[0].nameEn).toBe('Chaohui 1 Area');
    expect((await places('文晖路108')).data!.places[0].nameEn).toBe('Wenhui Lu 108 Hao');
  });

  it('answers at most `first` places and refuses what it cannot search', async () => {
    expect((await places('路', 3)).data!.places).toHaveLength(3);
    for (const [text, first] of [
      ['', undefined],
      ['  ', undefined],
      ['x'.repeat(101), undefined],
      ['路', 0],
      ['路', 51],
    ] as const) {
      const { errors } = await places(text, first);
      expect(errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    }
  });

  it('binds the text: quotes and SQL in it are searched for, not run', async () => {
    const { data, errors } = await places("'; drop table place; --");
    expect(errors).toBeUndefined();
    expect(data!.places).toEqual([]);
    expect((await places('中山北路')).data!.places.length).toBeGreaterThan(0);
  });

  it('has a query cost that grows with first', async () => {
    const schema = await createSchema();
    const cost = (first: number) => queryCost(schema, parse(PLACES), { text: '路', first });
    expect(cost(50)).toBeGreaterThan(cost(10));
    expect(cost(10)).toBeGreaterThanOrEqual(20);
  });
});
