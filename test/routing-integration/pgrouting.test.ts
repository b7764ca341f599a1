import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { FacilityRepository } from '../../server/facilities/facility.repository';
import type { RoadNetwork } from '../../server/routing/road-network';
import { mulberry32 } from '../../server/import/sample/prng';
import {
  STEPS_WALK_PENALTY,
  travelProfile,
  WALK_SPEED_METERS_PER_MINUTE,
} from '../../server/routing/profile';
import { offNetworkMinutes, travelTimesFrom, type TravelTimes } from '../../server/routing/search';
import type { Snap } from '../../server/routing/snap';
import { openTestDatabase, TEST_DATABASE_URL, type TestDatabase } from '../support/database';
import { startTestServer, type TestServer } from '../support/graphql';
import { loadNetwork, randomStreetPoints, sqlOn } from './routing-support';

const walk = travelProfile('WALK');
const LIMIT_MINUTES = 15;
/** Travel times must agree to this many minutes (the bar). */
const TOLERANCE_MINUTES = 1e-6;

/** The edge table for pgRouting, costed in minutes exactly as the engine costs a walk (steps 1.5×). */
const EDGES_SQL = `select id, source, target,
  length_m * (case when highway = 'steps' then ${STEPS_WALK_PENALTY} else 1 end) / ${WALK_SPEED_METERS_PER_MINUTE}.0 as cost,
  length_m * (case when highway = 'steps' then ${STEPS_WALK_PENALTY} else 1 end) / ${WALK_SPEED_METERS_PER_MINUTE}.0 as reverse_cost
  from road_edge`;

let database: TestDatabase;
let server: TestServer;
let network: RoadNetwork;

/** Minutes from the search's origins to every vertex within the limit, by vertex id. */
function engineMinutes(times: TravelTimes): Map<number, number> {
  const minutes = new Map<number, number>();
  for (const vertex of times.reachedVertices)
    minutes.set(network.graph.vertexIds[vertex], times.vertexMinutes[vertex]);
  return minutes;
}

/** Checks two vertex → minutes maps agree, leaving out only vertices within the tolerance of the limit. */
function expectSameMinutes(
  engine: Map<number, number>,
  pgrouting: Map<number, number>,
  limit: number,
): number {
  for (const [vertex, minutes] of engine) {
    if (!pgrouting.has(vertex) && minutes > limit - TOLERANCE_MINUTES) continue;
    expect(pgrouting.get(vertex), `vertex ${vertex}`).toBeDefined();
    expect(Math.abs(pgrouting.get(vertex)! - minutes), `vertex ${vertex}`).toBeLessThanOrEqual(
      TOLERANCE_MINUTES,
    );
  }
  for (const [vertex, minutes] of pgrouting) {
    if (minutes <= limit - TOLERANCE_MINUTES) expect(engine.has(vertex), `vertex ${vertex}`).toBe(true);
  }
  return engine.size;
}

/**
 * The node pgRouting knows a snapped point by: the point's own negative id, or the vertex itself when
 * the point sits at an end of its edge. pgRouting 3.4 mishandles points at fraction 0 or 1 (it drops
 * the vertex from the results; pgRouting issues #760 and #2689), so those are never passed as points.
 */
function pointNode(snap: Snap, index: number): number {
  const { edgeSource, edgeTarget, vertexIds } = network.graph;
  if (snap.fraction === 0) return vertexIds[edgeSource[snap.edgeIndex]];
  if (snap.fraction === 1) return vertexIds[edgeTarget[snap.edgeIndex]];
  return -(index + 1);
}

/** The points SQL of pgr_withPoints*: point index k has pid k + 1; points at an edge end are left out. */
function pointsSql(snaps: readonly Snap[]): string {
  const rows = snaps.flatMap((snap, index) =>
    snap.fraction > 0 && snap.fraction < 1
      ? [
          `select ${index + 1} as pid, ${network.graph.edgeIds[snap.edgeIndex]}::bigint as edge_id, ${snap.fraction}::float8 as fraction`,
        ]
      : [],
  );
  return rows.length
    ? rows.join(' union all ')
    : 'select 1 as pid, 1::bigint as edge_id, 0.5::float8 as fraction where false';
}

/** pgRouting's answer as vertex id → minutes (points, with negative ids, apart). */
async function pgroutingMinutes(query: string, params: unknown[] = []): Promise<Map<number, number>> {
  const rows = await sqlOn(database.db).all<{ node: number; minutes: number }>(query, params);
  return new Map(rows.filter((row) => row.node > 0).map((row) => [row.node, row.minutes]));
}

describe.skipIf(!TEST_DATABASE_URL)(
  'the engine agrees with pgRouting on the same edge table (needs PostgreSQL with pgRouting: TEST_DATABASE_URL)',
  () => {
    beforeAll(async () => {
      database = await openTestDatabase({ seeded: true });
      await sqlOn(database.db).run('create extension if not exists pgrouting');
      server = await startTestServer(database.db);
      network = await loadNetwork(database.db);
    });
    afterAll(async () => {
      await server?.close();
      await database?.dispose();
    });

    test('from 50 random vertices every vertex time equals pgr_drivingDistance', async () => {
      const random = mulberry32(2024);
      let compared = 0;
      for (let k = 0; k < 50; k++) {
        const vertexIndex = random.int(0, network.graph.vertexCount - 1);
        const engine = engineMinutes(travelTimesFrom(network.graph, walk, [{ vertexIndex }], LIMIT_MINUTES));
        const pgrouting = await pgroutingMinutes(
          `select node::float8 as "node", agg_cost as "minutes"
           from pgr_drivingDistance($1::text, $2::bigint, $3::float8)`,
          [EDGES_SQL, network.graph.vertexIds[vertexIndex], LIMIT_MINUTES],
        );
        compared += expectSameMinutes(engine, pgrouting, LIMIT_MINUTES);
      }
      expect(compared).toBeGreaterThan(50 * 20);
    });

    test('from 50 random points along edges every vertex time equals pgr_withPointsDD', async () => {
      const random = mulberry32(7);
      let compared = 0;
      for (let k = 0; k < 50; k++) {
        const edgeIndex = random.int(0, network.graph.edgeCount - 1);
        const fraction = random.next();
        const snap: Snap = { edgeIndex, fraction, snapDistanceMeters: 0, snappedLng: 0, snappedLat: 0 };
        const engine = engineMinutes(travelTimesFrom(network.graph, walk, [snap], LIMIT_MINUTES));
        const pgrouting = await pgroutingMinutes(
          `select node::float8 as "node", agg_cost as "minutes"
           from pgr_withPointsDD($1::text, $2::text, $3::bigint, $4::float8)`,
          [EDGES_SQL, pointsSql([snap]), pointNode(snap, 0), LIMIT_MINUTES],
        );
        compared += expectSameMinutes(engine, pgrouting, LIMIT_MINUTES);
      }
      expect(compared).toBeGreaterThan(50 * 20);
    });

    test('from 50 random street points the facilities `within` 15 minutes are the set pgRouting finds', async () => {
      const sites = await new FacilityRepository(database.db.fork()).sitesFrom({}, { lng: 0, lat: 0 });
      const placed = sites.flatMap((site) => {
        const snap = network.snapSite(site, walk);
        return snap ? [{ id: site.id, snap }] : [];
      });
      let reachedPairs = 0;
      for (const origin of randomStreetPoints(network, 50, 99)) {
        const result = await server.query<{
          facilities: { edges: { node: { id: string; travelMinutes: number } }[] };
        }>(
          `query($filter: FacilityFilter) { facilities(filter: $filter, first: 500) { edges { node { id travelMinutes } } } }`,
          { filter: { within: { point: origin, minutes: LIMIT_MINUTES } } },
        );
        expect(result.errors).toBeUndefined();
        const engine = new Map(
          result.data!.facilities.edges.map(({ node }) => [node.id, node.travelMinutes]),
        );

        const originSnap = network.snap(origin, walk)!;
        const originWalk = offNetworkMinutes(originSnap, walk);
        const rows = await sqlOn(database.db).all<{ node: number; minutes: number }>(
          `select node::float8 as "node", agg_cost as "minutes"
           from pgr_withPointsDD($1::text, $2::text, $3::bigint, $4::float8, details := true)`,
          [
            EDGES_SQL,
            pointsSql([originSnap, ...placed.map((site) => site.snap)]),
            pointNode(originSnap, 0),
            LIMIT_MINUTES - originWalk,
          ],
        );
        const reached = new Map(rows.map((row) => [row.node, row.minutes]));
        const pgrouting = new Map<string, number>();
        placed.forEach((site, index) => {
          const node = pointNode(site.snap, index + 1);
          if (!reached.has(node)) return;
          const minutes = originWalk + reached.get(node)! + offNetworkMinutes(site.snap, walk);
          if (minutes <= LIMIT_MINUTES) pgrouting.set(site.id, minutes);
        });
        const nearLimit = (id: string) =>
          Math.abs((engine.get(id) ?? pgrouting.get(id)!) - LIMIT_MINUTES) <= TOLERANCE_MINUTES;
        const engineSet = [...engine.keys()].filter((id) => !nearLimit(id)).sort();
        const pgroutingSet = [...pgrouting.keys()].filter((id) => !nearLimit(id)).sort();
        expect(engineSet, `from ${JSON.stringify(origin)}`).toEqual(pgroutingSet);
        for (const id of engineSet) {
          expect(Math.abs(engine.get(id)! - pgrouting.get(id)!)).toBeLessThanOrEqual(TOLERANCE_MINUTES);
        }
        reachedPairs += engineSet.length;
      }
      expect(reachedPairs).toBeGreaterThan(50);
    });
  },
);
