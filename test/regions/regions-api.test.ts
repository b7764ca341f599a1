import { describe, expect, test } from 'vitest';
import { useTestServer } from '../support/test-server';

const fixture = useTestServer();

interface RegionRow {
  code: string;
  name: string;
  level: string;
  parentCode: string | null;
  validTo: string | null;
  boundaryApproximate: boolean;
  hasBoundary?: boolean;
}

async function regions(args: string): Promise<RegionRow[]> {
  const { data, errors } = await fixture.server.query<{ regions: RegionRow[] }>(
    `{ regions(${args}) { code name level parentCode validTo boundaryApproximate } }`,
  );
  expect(errors).toBeUndefined();
  return data!.regions;
}

describe('regions from the 2023 division codes', () => {
  test('上城区 330102 has 14 streets with 9-digit codes, each with its communities (203 in all)', async () => {
    const streets = await regions('level: STREET, parentCode: "330102"');
    expect(streets).toHaveLength(14);
    expect(streets.every((s) => /^330102\d{3}$/.test(s.code) && s.level === 'STREET')).toBe(true);
    expect(streets.map((s) => s.name)).toEqual(expect.arrayContaining(['清波街道', '湖滨街道', '九堡街道']));
    const { data } = await fixture.server.query<{
      region: {
        children: {
          totalCount: number;
          edges: { node: { code: string; children: { totalCount: number } } }[];
        };
      };
    }>(
      `{ region(code: "330102") { children(first: 20) { totalCount edges { node { code children(first: 1) { totalCount } } } } } }`,
    );
    const children = data!.region.children;
    expect(children.totalCount).toBe(14);
    expect(children.edges.every((e) => e.node.children.totalCount > 0)).toBe(true);
    expect(children.edges.reduce((sum, e) => sum + e.node.children.totalCount, 0)).toBe(203);
  });

  test("杭州市's districts are today's: 临平区 330113 and 钱塘区 330114 in, 下城区 and 江干区 out", async () => {
    const districts = await regions('level: DISTRICT, parentCode: "330100"');
    const codes = districts.map((d) => d.code);
    expect(codes).toHaveLength(13);
    expect(codes).toEqual(expect.arrayContaining(['330102', '330105', '330112', '330113', '330114']));
    expect(codes).not.toContain('330103');
    expect(codes).not.toContain('330104');
    expect(codes).not.toContain('330185');
  });

  test.each([
    ['330300', 12],
    ['330400', 7],
    ['370400', 6],
  ])('the districts of %s (%i) each list their streets', async (city, count) => {
    const districts = await regions(`level: DISTRICT, parentCode: "${city}"`);
    expect(districts).toHaveLength(count);
    for (const district of districts) {
      const streets = await regions(`level: STREET, parentCode: "${district.code}"`);
      expect(streets.length, district.name).toBeGreaterThan(0);
      expect(streets.every((s) => s.code.startsWith(district.code) && s.code.length === 9)).toBe(true);
    }
  });

  test('下城区 330103 keeps its code, ends on 2021-04-09 and names 拱墅区 330105 as its successor', async () => {
    const { data } = await fixture.server.query<{
      region: {
        name: string;
        validTo: string;
        successors: { successorCode: string; successorName: string; transferredStreetCodes: string[] }[];
      };
    }>(
      `{ region(code: "330103") { name validTo successors { successorCode successorName transferredStreetCodes } } }`,
    );
    expect(data!.region).toEqual({
      name: '下城区',
      validTo: '2021-04-09',
      successors: [{ successorCode: '330105', successorName: '拱墅区', transferredStreetCodes: [] }],
    });
    const jianggan = await fixture.server.query<{
      region: { successors: { successorCode: string; transferredStreetCodes: string[] }[] };
    }>(`{ region(code: "330104") { successors { successorCode transferredStreetCodes } } }`);
    expect(
      jianggan.data!.region.successors.map((s) => [s.successorCode, s.transferredStreetCodes.length]),
    ).toEqual([
      ['330102', 8],
      ['330114', 2],
    ]);
    const ended = await regions('level: DISTRICT, parentCode: "330100", includeEnded: true');
    expect(ended.filter((d) => d.validTo !== null).map((d) => d.code)).toEqual([
      '330103',
      '330104',
      '330185',
    ]);
  });

  test("the 2020 census of 下城区 lands on today's 拱墅区, whose outline joins the two 2016 outlines exactly", async () => {
    const { data } = await fixture.server.query<{
      xiacheng: { elderly: { age60plus: number } };
      gongshu: {
        elderly: { age60plus: number; source: string };
        boundaryApproximate: boolean;
        boundarySource: string;
      };
      shangcheng: { boundaryApproximate: boolean; boundarySource: string };
      linping: { boundary: unknown; elderly: { age60plus: number } };
      city: { elderly: { age60plus: number } };
    }>(`{
      xiacheng: region(code: "330103") { elderly { age60plus } }
      gongshu: region(code: "330105") { elderly { age60plus source } boundaryApproximate boundarySource }
      shangcheng: region(code: "330102") { boundaryApproximate boundarySource }
      linping: region(code: "330113") { boundary elderly { age60plus } }
      city: region(code: "330100") { elderly { age60plus } }
    }`);
    expect(data!.xiacheng.elderly.age60plus).toBe(115_249);
    expect(data!.gongshu.elderly.age60plus).toBeGreaterThan(115_249);
    expect(data!.gongshu.elderly.source).toContain('all of 下城区 330103');
    expect(data!.gongshu.boundaryApproximate).toBe(false);
    expect(data!.gongshu.boundarySource).toContain('下城区 330103');
    expect(data!.shangcheng.boundaryApproximate).toBe(true);
    expect(data!.shangcheng.boundarySource).toContain('下沙街道');
    expect(data!.linping.boundary).toBeNull();
    expect(data!.linping.elderly.age60plus).toBeGreaterThan(0);
    const districts = await fixture.server.query<{ regions: { elderly: { age60plus: number } }[] }>(
      `{ regions(level: DISTRICT, parentCode: "330100") { elderly { age60plus } } }`,
    );
    const sum = districts.data!.regions.reduce((total, d) => total + d.elderly.age60plus, 0);
    expect(sum).toBe(data!.city.elderly.age60plus);
  });

  test('a list larger than first is refused with BAD_USER_INPUT, not cut short', async () => {
    const { errors } = await fixture.server.query(`{ regions(level: COMMUNITY) { code } }`);
    expect(errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(errors?.[0]?.message).toMatch(/regions match/);
  });
});
