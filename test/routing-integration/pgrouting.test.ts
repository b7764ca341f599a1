import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { FacilityRepository } from '../../server/facilities/facility.repository';
import type { RoadNetwork } from '../../server/routing/road-network';
import { mulberry32 } from '../../server/import/sample/prng';
import {
  defaultHighwayPenalty,
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

/** The edge table for pgRouting, costed in minutes exactly as the engine costs a walk (steps 1.5×, motor-only roads closed). */
const WALK_MINUTES = `case when not foot then -1
  else length_m * (case when highway = 'steps' then ${STEPS_WALK_PENALTY} else 1 end) / ${WALK_SPEED_METERS_PER_MINUTE}.0 end`;
const EDGES_SQL = `select id, source, target, ${WALK_MINUTES} as cost, ${WALK_MINUTES} as reverse_cost from road_edge`;

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

const drive = travelProfile('DRIVE');

/**
 * The edge table for pgRouting as a directed graph costed for cars: closed (-1) where motor vehicles may
 * not go or against a one-way street, else minutes at the speed limit when mapped, else at the road
 * class's speed. The highway factors are the profile's table; access, one-way and speed are read here.
 */
function driveEdgesSql(highways: readonly string[]): string {
  const factors = highways
    .map((highway) => [highway, defaultHighwayPenalty('DRIVE', highway)] as const)
    .map(([highway, factor]) => `when '${highway}' then ${Number.isFinite(factor) ? factor : 'null'}`)
    .join(' ');
  const minutes = `case when maxspeed_kmh is not null then length_m / (maxspeed_kmh * 1000 / 60.0)
    else length_m * (case highway ${factors} else 1 end) / ${drive.speedMetersPerMinute}.0 end`;
  const closed = `not motor_vehicle or (case highway ${factors} else 1 end) is null`;
  return `select id, source, target,
    case when ${closed} or oneway = -1 then -1 else ${minutes} end as cost,
    case when ${closed} or oneway = 1 then -1 else ${minutes} end as reverse_cost
    from road_edge`;
}

describe.skipIf(!TEST_DATABASE_URL)(
  'car travel times equal pgRouting on the directed graph, one-way streets included (needs PostgreSQL with pgRouting: TEST_DATABASE_URL)',
  () => {
    beforeAll(async () => {
      database = await openTestDatabase({ seeded: true });
      await sqlOn(database.db).run('create extension if not exists pgrouting');
      network = await loadNetwork(database.db);
    });
    afterAll(async () => {
      await database?.dispose();
    });

    test('the network holds one-way streets and roads closed to cars', () => {
      const { edgeOneway, edgeAccess, edgeCount } = network.graph;
      expect(edgeOneway.filter((oneway) => oneway !== 0).length).toBeGreaterThan(500);
      expect(edgeAccess.filter((bits) => (bits & 4) === 0).length).toBeGreaterThan(100);
      expect(edgeCount).toBeGreaterThan(3000);
    });

    test('for 60 random vertex pairs, minutes both ways equal pgr_dijkstra (directed), searched from either end', async () => {
      const edgesSql = driveEdgesSql(network.graph.highwayNames);
      const random = mulberry32(2026);
      const { vertexIds, edgeSource, edgeTarget, edgeAccess } = network.graph;
      // Vertices on a road open to cars, so that most pairs have a way between them.
      const roadVertices = [
        ...new Set(
          [...edgeAccess.keys()]
            .filter((edge) => edgeAccess[edge] & 4)
            .flatMap((edge) => [edgeSource[edge], edgeTarget[edge]]),
        ),
      ].sort((a, b) => a - b);
      let reachable = 0;
      let asymmetric = 0;
      for (let k = 0; k < 60; k++) {
        const from = roadVertices[random.int(0, roadVertices.length - 1)];
        const to = roadVertices[random.int(0, roadVertices.length - 1)];
        const rows = await sqlOn(database.db).all<{ start: number; end: number; minutes: number }>(
          `select start_vid::float8 as "start", end_vid::float8 as "end", agg_cost as "minutes"
           from pgr_dijkstra($1::text, array[$2::bigint, $3::bigint], array[$2::bigint, $3::bigint], true)
           where start_vid <> end_vid and node = end_vid`,
          [edgesSql, vertexIds[from], vertexIds[to]],
        );
        const pgrouting = (start: number, end: number) =>
          rows.find((row) => row.start === vertexIds[start] && row.end === vertexIds[end])?.minutes ??
          Infinity;
        const outOfFrom = travelTimesFrom(network.graph, drive, [{ vertexIndex: from }], Infinity);
        const intoFrom = travelTimesFrom(
          network.graph,
          drive,
          [{ vertexIndex: from }],
          Infinity,
          undefined,
          'TO_ORIGINS',
        );
        if (from === to) continue;
        const there = pgrouting(from, to);
        const back = pgrouting(to, from);
        expect(outOfFrom.vertexMinutes[to], `${vertexIds[from]} → ${vertexIds[to]}`).toBeCloseTo(there, 6);
        expect(intoFrom.vertexMinutes[to], `${vertexIds[to]} → ${vertexIds[from]}`).toBeCloseTo(back, 6);
        if (Number.isFinite(there)) reachable += 1;
        if (Math.abs(there - back) > 1e-6) asymmetric += 1;
      }
      expect(reachable).toBeGreaterThanOrEqual(50);
      expect(asymmetric).toBeGreaterThan(10);
    });

    test('from 20 random vertices every vertex within 10 minutes equals pgr_drivingDistance (directed)', async () => {
      const edgesSql = driveEdgesSql(network.graph.highwayNames);
      const random = mulberry32(11);
      let compared = 0;
      for (let k = 0; k < 20; k++) {
        const vertexIndex = random.int(0, network.graph.vertexCount - 1);
        const engine = engineMinutes(travelTimesFrom(network.graph, drive, [{ vertexIndex }], 10));
        const pgrouting = await pgroutingMinutes(
          `select node::float8 as "node", agg_cost as "minutes"
           from pgr_drivingDistance($1::text, $2::bigint, $3::float8, true)`,
          [edgesSql, network.graph.vertexIds[vertexIndex], 10],
        );
        compared += expectSameMinutes(engine, pgrouting, 10);
      }
      expect(compared).toBeGreaterThan(20 * 20);
    });
  },
);
