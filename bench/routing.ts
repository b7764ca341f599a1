import { inThreadComputation } from '../server/compute/compute-pool';
import { migrate, openDatabase, type Database } from '../server/db/database';
import { SqlRunner } from '../server/db/sql';
import { FacilityRepository } from '../server/facilities/facility.repository';
import { silentProgress } from '../server/import/progress';
import { mulberry32 } from '../server/import/sample/prng';
import { seedDemo } from '../server/import/seed';
import { IsochroneService, LIFE_CIRCLE_MINUTES } from '../server/isochrones/isochrone.service';
import { NetworkRepository } from '../server/network/network.repository';
import { RoadNetwork, type GeoPoint } from '../server/routing/road-network';
import { STEPS_WALK_PENALTY, travelProfile, WALK_SPEED_METERS_PER_MINUTE } from '../server/routing/profile';
import { WALK_OFF_METERS } from '../server/routing/isochrone';
import { reachedPolygon } from '../server/routing/polygonize';
import { entities } from '../server/entities';
import { adminQuery, withDatabase } from './scratch-database';

/** Random street points the single isochrones start from. */
const POINTS = 100;
const LIMIT_MINUTES = 15;
/** How much faster than pgRouting the engine must be for one isochrone, search and polygon (issue 4). */
const TARGET_RATIO = 20;
const walk = travelProfile('WALK');

/** Edge cost in walking minutes, as the engine has it (steps 1.5×), for pgRouting. */
const COST = `length_m * (case when highway = 'steps' then ${STEPS_WALK_PENALTY} else 1 end) / ${WALK_SPEED_METERS_PER_MINUTE}.0`;
const EDGES_SQL = `select id, source, target, ${COST} as cost, ${COST} as reverse_cost from road_edge`;

/**
 * The usual pgRouting isochrone, all in SQL: the nearest edge and the point's place on it
 * (ST_LineLocatePoint, kept off the edge ends, which pgRouting 3.4 mishandles), pgr_withPointsDD to
 * the largest limit, each reached edge cut where time runs out, then for each limit the polygon as a
 * PostGIS-based system draws it (geography buffer of 50 m, union on a 1e-7° grid): the engine's service
 * drew its polygons with this SQL before it traced them itself.
 */
const PGROUTING_ISOCHRONES = `
with origin as (
  select e.id as edge_id, least(greatest(ST_LineLocatePoint(e.geom, p.pt), 1e-9), 1 - 1e-9) as fraction
  from road_edge e, (select ST_SetSRID(ST_MakePoint($1::float8, $2::float8), 4326) as pt) p
  order by e.geom <-> p.pt limit 1),
limits as (select minutes from unnest($3::float8[]) as l(minutes)),
edges as (select id, source, target, geom, ${COST} as cost from road_edge),
reached as (
  select node, agg_cost from pgr_withPointsDD('${EDGES_SQL.replaceAll("'", "''")}',
    (select format('select 1 as pid, %s::bigint as edge_id, %s::float8 as fraction', edge_id, fraction) from origin),
    -1, (select max(minutes) from limits))),
pieces as (
  select l.minutes, ST_LineSubstring(e.geom, 0, least(1, (l.minutes - r.agg_cost) / nullif(e.cost, 0))) as geom
  from limits l join reached r on r.agg_cost <= l.minutes join edges e on e.source = r.node
  union all
  select l.minutes, ST_LineSubstring(e.geom, greatest(0, 1 - (l.minutes - r.agg_cost) / nullif(e.cost, 0)), 1)
  from limits l join reached r on r.agg_cost <= l.minutes join edges e on e.target = r.node
  union all
  select l.minutes, ST_LineSubstring(e.geom, greatest(0, o.fraction - l.minutes / nullif(e.cost, 0)),
    least(1, o.fraction + l.minutes / nullif(e.cost, 0)))
  from limits l, origin o join edges e on e.id = o.edge_id)
select minutes, ST_Area(ST_Union(ST_Buffer(geom::geography, ${WALK_OFF_METERS}, 'quad_segs=4')::geometry, 1e-7)::geography) as "area"
from pieces group by minutes order by minutes`;

/** pgRouting's search alone: the vertices within the limit of the nearest edge's point. */
const PGROUTING_SEARCH = `
with origin as (
  select e.id as edge_id, least(greatest(ST_LineLocatePoint(e.geom, p.pt), 1e-9), 1 - 1e-9) as fraction
  from road_edge e, (select ST_SetSRID(ST_MakePoint($1::float8, $2::float8), 4326) as pt) p
  order by e.geom <-> p.pt limit 1)
select count(*)::int as "vertices" from pgr_withPointsDD('${EDGES_SQL.replaceAll("'", "''")}',
  (select format('select 1 as pid, %s::bigint as edge_id, %s::float8 as fraction', edge_id, fraction) from origin),
  -1, $3::float8)`;

function percentile(values: number[], share: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(share * sorted.length))];
}

async function timeEach<T>(items: readonly T[], run: (item: T) => unknown): Promise<number[]> {
  const times: number[] = [];
  for (const item of items) {
    const start = performance.now();
    await run(item);
    times.push(performance.now() - start);
  }
  return times;
}

async function timeAll<T>(items: readonly T[], run: (item: T) => unknown): Promise<number> {
  return (await timeEach(items, run)).reduce((sum, time) => sum + time, 0);
}

/** Points spread at random (fixed seed) over the network's extent that lie within 300 m of a street. */
function streetPoints(network: RoadNetwork, count: number): GeoPoint[] {
  const { vertexLng, vertexLat } = network.graph;
  const west = Math.min(...vertexLng);
  const east = Math.max(...vertexLng);
  const south = Math.min(...vertexLat);
  const north = Math.max(...vertexLat);
  const random = mulberry32(15);
  const points: GeoPoint[] = [];
  while (points.length < count) {
    const point = { lng: west + random.next() * (east - west), lat: south + random.next() * (north - south) };
    if (network.snap(point, walk)) points.push(point);
  }
  return points;
}

const ms = (value: number) => `${value.toFixed(value < 10 ? 2 : 1)} ms`;
const ratio = (pgrouting: number, engine: number) => `${(pgrouting / engine).toFixed(1)}×`;

async function compare(db: Database): Promise<void> {
  const sql = new SqlRunner(db.fork());
  const buffersBefore = process.memoryUsage().arrayBuffers;
  const network = new RoadNetwork(await new NetworkRepository(db.fork()).loadGraph());
  const points = streetPoints(network, POINTS);
  const networkBuffers = process.memoryUsage().arrayBuffers - buffersBefore;
  const isochrones = new IsochroneService(db.fork(), inThreadComputation(network));

  // Timed as a running server answers: after a pass that warms the JIT, the caches and the database.
  const search = (point: GeoPoint) => network.reachedAreas(point, walk, [LIMIT_MINUTES]);
  const searchWithPgRouting = (point: GeoPoint) =>
    sql.all(PGROUTING_SEARCH, [point.lng, point.lat, LIMIT_MINUTES]);
  await timeEach(points, search);
  await timeEach(points, searchWithPgRouting);
  for (const point of points.slice(0, 5)) {
    await isochrones.areasFrom(point, [LIMIT_MINUTES], walk);
    await sql.all(PGROUTING_ISOCHRONES, [point.lng, point.lat, [LIMIT_MINUTES]]);
  }
  const reachedLines = points.map((point) => search(point)![0].lines);
  const engineSearch = await timeEach(points, search);
  await timeEach(reachedLines, (lines) => reachedPolygon(lines, WALK_OFF_METERS));
  const enginePolygon = await timeEach(reachedLines, (lines) => reachedPolygon(lines, WALK_OFF_METERS));
  const pgroutingSearch = await timeEach(points, searchWithPgRouting);
  const engineIsochrone = await timeEach(points, (point) =>
    isochrones.areasFrom(point, [LIMIT_MINUTES], walk),
  );
  const pgroutingIsochrone = await timeEach(points, (point) =>
    sql.all(PGROUTING_ISOCHRONES, [point.lng, point.lat, [LIMIT_MINUTES]]),
  );

  const sites = await new FacilityRepository(db.fork()).sitesFrom({}, { lng: 0, lat: 0 });
  const engineAreas = await timeAll(sites, (site) => isochrones.areasFrom(site, LIFE_CIRCLE_MINUTES, walk));
  const pgroutingAreas = await timeAll(sites, (site) =>
    sql.all(PGROUTING_ISOCHRONES, [site.lng, site.lat, LIFE_CIRCLE_MINUTES]),
  );

  const rows = [
    ['15-min search, median (engine: with reached lines)', engineSearch, pgroutingSearch, 0.5],
    ['15-min search, p95 (engine: with reached lines)', engineSearch, pgroutingSearch, 0.95],
    ['15-min isochrone polygon, median', engineIsochrone, pgroutingIsochrone, 0.5],
    ['15-min isochrone polygon, p95', engineIsochrone, pgroutingIsochrone, 0.95],
  ] as const;
  const polygonRows = [
    ['15-min polygon step alone, median (engine: traced in TypeScript)', 0.5],
    ['15-min polygon step alone, p95 (engine: traced in TypeScript)', 0.95],
  ] as const;
  console.log(`\nRouting: the engine against pgRouting on the demo network (${POINTS} random street points)`);
  console.table(
    Object.fromEntries([
      ...rows.map(([label, engine, pgrouting, share]) => [
        label,
        {
          engine: ms(percentile(engine, share)),
          pgRouting: ms(percentile(pgrouting, share)),
          'pgRouting ÷ engine': ratio(percentile(pgrouting, share), percentile(engine, share)),
        },
      ]),
      ...polygonRows.map(([label, share]) => [
        label,
        { engine: ms(percentile(enginePolygon, share)), pgRouting: '', 'pgRouting ÷ engine': '' },
      ]),
      [
        `service areas, ${sites.length} facilities × 5/10/15 min`,
        {
          engine: ms(engineAreas),
          pgRouting: ms(pgroutingAreas),
          'pgRouting ÷ engine': ratio(pgroutingAreas, engineAreas),
        },
      ],
    ]),
  );
  const searchRatio = percentile(pgroutingSearch, 0.5) / percentile(engineSearch, 0.5);
  console.log(
    `Single 15-minute search: the engine is ${searchRatio.toFixed(0)}× faster than pgRouting at the median.`,
  );
  const isochroneRatio = percentile(pgroutingIsochrone, 0.5) / percentile(engineIsochrone, 0.5);
  console.log(
    `Single 15-minute isochrone polygon (search and polygon): the engine is ${isochroneRatio.toFixed(0)}× faster ` +
      `than pgRouting with PostGIS at the median (target ≥ ${TARGET_RATIO}×: ${isochroneRatio >= TARGET_RATIO ? 'met' : 'NOT met'}).`,
  );
  console.log(
    `Engine network in memory: ${network.graph.vertexCount} vertices, ${network.graph.edgeCount} edges; ` +
      `typed arrays ${(network.memoryBytes() / 1024).toFixed(0)} KB, with the snapping grid ${(networkBuffers / 1024).toFixed(0)} KB.` +
      ' The engine traces its polygons in TypeScript; pgRouting is followed by the PostGIS buffer and union.',
  );
}

/**
 * Prints, side by side on the demo network, one 15-minute isochrone (median and p95 over 100 random
 * street points; the search alone and with its polygon) and every facility's service areas, for the
 * routing engine (its own polygons) and for pgRouting (polygons by PostGIS), with their ratio, the
 * engine's polygon step alone, and the engine's memory for the network. Needs
 * PostgreSQL with PostGIS and pgRouting (DATABASE_URL or TEST_DATABASE_URL); seeds a scratch database.
 */
export async function benchRouting(): Promise<void> {
  const serverUrl = process.env.DATABASE_URL?.trim() || process.env.TEST_DATABASE_URL?.trim();
  if (!serverUrl) {
    console.log(
      '\nRouting bench skipped: it compares the engine with pgRouting and needs PostgreSQL with PostGIS and pgRouting; set DATABASE_URL or TEST_DATABASE_URL.',
    );
    return;
  }
  const scratch = `caremap_bench_routing_${process.pid}`;
  try {
    await adminQuery(serverUrl, `create database ${scratch}`);
    // JIT would compile the large PostGIS queries of both sides for longer than they run.
    await adminQuery(serverUrl, `alter database ${scratch} set jit = off`);
  } catch (error) {
    console.log(
      `\nRouting bench skipped: PostgreSQL at ${new URL(serverUrl).host} is unavailable (${(error as Error).message}).`,
    );
    return;
  }
  let db: Database | null = null;
  try {
    db = await openDatabase({ databaseUrl: withDatabase(serverUrl, scratch), dataDir: '', entities });
    await migrate(db);
    await seedDemo(db, silentProgress);
    try {
      await new SqlRunner(db.fork()).run('create extension if not exists pgrouting');
    } catch (error) {
      console.log(
        `\nRouting bench skipped: pgRouting is not installed on that server (${(error as Error).message}).`,
      );
      return;
    }
    await compare(db);
  } finally {
    await db?.close();
    await adminQuery(serverUrl, `drop database if exists ${scratch} with (force)`);
  }
}
