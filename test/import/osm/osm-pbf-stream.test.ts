import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importOsm } from '../../../server/import/file-import';
import { ImportRepository } from '../../../server/import/import.repository';
import { SqlRunner } from '../../../server/db/sql';
import { extractHealthFacilities } from '../../../server/import/osm/health-facilities';
import { extractBaseFeatures } from '../../../server/import/osm/map-features';
import { insideClip, osmClip } from '../../../server/import/osm/osm-clip';
import type { OsmData } from '../../../server/import/osm/osm-data';
import { parseOsmPbf } from '../../../server/import/osm/osm-pbf';
import { streamOsmPbf } from '../../../server/import/osm/osm-pbf-stream';
import { readOsm } from '../../../server/import/osm/osm-reader';
import { extractWalkNetwork } from '../../../server/import/osm/walk-network';
import { RegionLevel } from '../../../server/regions/region-level';
import { openTestDatabase, type TestDatabase } from '../../support/database';
import { HANGZHOU_PBF, HANGZHOU_XML_GZ, hangzhouDistrict } from '../fixtures';

/** A box across the middle of the shipped extract (120.1–120.1851 E, 30.23–30.2963 N). */
const BOX = { west: 120.14, south: 30.25, east: 120.175, north: 30.29 };
const quiet = () => ({ advance: () => {}, done: () => {} });

let whole: OsmData;
let streamed: OsmData;
beforeAll(async () => {
  whole = parseOsmPbf(new Uint8Array(await readFile(HANGZHOU_PBF)));
  streamed = await streamOsmPbf(HANGZHOU_PBF);
});

describe('streamOsmPbf against the whole-file tiny-osmpbf reader on the shipped extract', () => {
  it('gives the same ways, relations and bounds', () => {
    expect(streamed.ways).toEqual(whole.ways);
    expect(streamed.relations).toEqual(whole.relations);
    expect(streamed.bounds).toEqual(whole.bounds);
  });

  it('gives the same nodes, less only the untagged nodes that no way uses', () => {
    const used = new Set(whole.ways.flatMap((way) => way.nodeIds));
    const expected = new Map([...whole.nodes].filter(([id, node]) => node.tags || used.has(id)));
    expect(expected.size).toBeLessThan(whole.nodes.size);
    expect(streamed.nodes).toEqual(expected);
  });

  it('gives the same walk network, facilities and base-map features', () => {
    expect(extractWalkNetwork(streamed)).toEqual(extractWalkNetwork(whole));
    expect(extractHealthFacilities(streamed)).toEqual(extractHealthFacilities(whole));
    expect(extractBaseFeatures(streamed)).toEqual(extractBaseFeatures(whole));
  });
});

describe('clipping to a bbox', () => {
  const clip = osmClip(BOX, null)!;
  const inside = (osm: OsmData, id: number) => {
    const node = osm.nodes.get(id);
    return node !== undefined && insideClip(clip, node.lng, node.lat);
  };

  it('keeps exactly the ways with a node inside, their nodes and the tagged nodes inside', async () => {
    const clipped = await streamOsmPbf(HANGZHOU_PBF, clip);
    const ways = whole.ways.filter((way) => way.nodeIds.some((id) => inside(whole, id)));
    expect(ways.length).toBeGreaterThan(0);
    expect(ways.length).toBeLessThan(whole.ways.length);
    expect(clipped.ways).toEqual(ways);
    const used = new Set(ways.flatMap((way) => way.nodeIds));
    for (const [id, node] of clipped.nodes) {
      expect(used.has(id) || (node.tags !== undefined && inside(clipped, id))).toBe(true);
    }
    const taggedInside = [...whole.nodes].filter(([id, node]) => node.tags && inside(whole, id));
    for (const [id] of taggedInside) expect(clipped.nodes.has(id)).toBe(true);
  });

  it('keeps facilities inside the box or on a way reaching into it, none wholly outside', async () => {
    const clipped = await streamOsmPbf(HANGZHOU_PBF, clip);
    const facilities = extractHealthFacilities(clipped);
    const all = extractHealthFacilities(whole);
    expect(facilities.length).toBeGreaterThan(0);
    expect(facilities.length).toBeLessThan(all.length);
    const keptWays = new Set(clipped.ways.map((way) => `way/${way.id}`));
    for (const facility of facilities) {
      const onNode = insideClip(clip, facility.lng, facility.lat);
      expect(onNode || [...keptWays].some((key) => facility.osmId.endsWith(key))).toBe(true);
    }
  });

  it('gives the same clipped data from .osm.gz (XML read whole, then clipped)', async () => {
    const fromPbf = await readOsm(HANGZHOU_PBF, clip);
    const fromXml = await readOsm(HANGZHOU_XML_GZ, clip);
    expect(fromXml.ways).toEqual(fromPbf.ways);
    expect(fromXml.relations).toEqual(fromPbf.relations);
    expect([...fromXml.nodes.keys()]).toEqual([...fromPbf.nodes.keys()]);
  });
});

describe('importOsm with --bbox and --region', () => {
  let test: TestDatabase;
  beforeAll(async () => {
    test = await openTestDatabase({ seeded: false });
  }, 120_000);
  afterAll(async () => {
    await test.dispose();
  });
  const count = (sql: string, params: unknown[] = []) =>
    new SqlRunner(test.db.fork()).one<{ n: number }>(sql, params).then((row) => row?.n);
  const envelope = 'ST_MakeEnvelope($1, $2, $3, $4, 4326)';
  const box = [BOX.west, BOX.south, BOX.east, BOX.north];

  const edgesTouching = (area: string, params: unknown[] = []) =>
    count(`select count(*)::int as n from road_edge where ST_Intersects(geom, ${area})`, params);
  const wayIdsOutside = async (kept: Set<number>) =>
    (
      await new SqlRunner(test.db.fork()).all<{ id: string }>(
        'select distinct osm_way_id::text as id from road_edge',
      )
    ).filter(({ id }) => !kept.has(Number(id)));
  const waysReaching = (clip: ReturnType<typeof osmClip>) =>
    new Set(
      whole.ways
        .filter((way) =>
          way.nodeIds.some((id) => {
            const node = whole.nodes.get(id);
            return node !== undefined && insideClip(clip!, node.lng, node.lat);
          }),
        )
        .map((way) => way.id),
    );

  it('keeps every road edge the whole import has in the box, none from ways wholly outside, facilities inside', async () => {
    await importOsm(test.db, HANGZHOU_PBF, quiet, { bbox: box.join(',') });
    expect(
      await count(
        `select count(*)::int as n from facility where osm_id like 'node/%' and not ST_Intersects(location, ${envelope})`,
        box,
      ),
    ).toBe(0);
    expect(await count(`select count(*)::int as n from facility where osm_id is not null`)).toBeGreaterThan(
      0,
    );
    expect(await wayIdsOutside(waysReaching(osmClip(BOX, null)))).toEqual([]);
    const clippedTotal = await count('select count(*)::int as n from road_edge');
    const clippedInBox = await edgesTouching(envelope, box);

    await importOsm(test.db, HANGZHOU_PBF, quiet);
    expect(clippedInBox).toBeGreaterThan(0);
    expect(clippedInBox).toBe(await edgesTouching(envelope, box));
    expect(clippedTotal).toBeLessThan((await count('select count(*)::int as n from road_edge'))!);
  }, 300_000);

  it('clips to a region outline read from the database, and refuses an unknown region', async () => {
    const district = hangzhouDistrict('330102');
    await test.db.fork().transactional((em) =>
      new ImportRepository(em).upsertRegions([
        {
          code: '330102',
          name: district.name,
          level: RegionLevel.DISTRICT,
          parentCode: null,
          boundary: district.polygon,
          labelPoint: null,
          populationTotal: null,
          age60plus: null,
          age65plus: null,
          age80plus: null,
          populationSource: null,
          isSample: false,
          source: 'test fixture',
          validTo: null,
          boundarySource: null,
          boundaryApproximate: false,
        },
      ]),
    );
    const outline = `(select boundary from region where code = '330102')`;
    await importOsm(test.db, HANGZHOU_PBF, quiet);
    // Clipping goes by nodes: an edge that only cuts a corner of the outline, no vertex inside, is not kept.
    const withVertexInside = () =>
      count(
        `select count(*)::int as n from road_edge e
          where exists (select 1 from ST_DumpPoints(e.geom) p where ST_Contains(${outline}, p.geom))`,
      );
    const wholeInOutline = await withVertexInside();
    await importOsm(test.db, HANGZHOU_PBF, quiet, { region: '330102' });
    expect(wholeInOutline).toBeGreaterThan(0);
    expect(await withVertexInside()).toBe(wholeInOutline);
    expect(await wayIdsOutside(waysReaching(osmClip(null, district.polygon)))).toEqual([]);
    await expect(importOsm(test.db, HANGZHOU_PBF, quiet, { region: '999999' })).rejects.toThrow(
      /no such region/,
    );
  }, 300_000);
});
