import pg from 'pg';
import { inThreadComputation } from '../server/compute/compute-pool';
import { PUBLIC_PRINCIPAL } from '../server/auth/role';
import { CoverageService } from '../server/coverage/coverage.service';
import type { CoverageArea } from '../server/coverage/coverage.type';
import { migrate, openDatabase } from '../server/db/database';
import { FacilityType } from '../server/facilities/facility-kind';
import { seedDemo } from '../server/import/seed';
import { silentProgress } from '../server/import/progress';
import { NetworkLoader } from '../server/network/network.loader';
import { STEPS_WALK_PENALTY, WALK_SPEED_METERS_PER_MINUTE } from '../server/routing/profile';
import { DEFAULT_MAX_SNAP_METERS } from '../server/routing/snap';
import { entities } from '../server/entities';
import { adminQuery, withDatabase } from './scratch-database';

/** 杭州市: both demo districts and every cell of the demo. */
const WHOLE_DEMO = '330100';
const ENGINE_RUNS = 5;
const BASELINE_RUNS = 3;
const PLANNER = { ...PUBLIC_PRINCIPAL, role: 'PLANNER' as const, subject: 'bench' };

const QUESTIONS: { label: string; types: FacilityType[]; minutes: number }[] = [
  {
    label: 'community care (街道中心, 社区照料中心) ≤ 15 min',
    types: [FacilityType.STREET_CARE_CENTER, FacilityType.COMMUNITY_CARE_STATION],
    minutes: 15,
  },
  { label: 'meal points (助餐点) ≤ 15 min', types: [FacilityType.MEAL_POINT], minutes: 15 },
  {
    label: 'hospitals and primary care ≤ 20 min',
    types: [FacilityType.HOSPITAL, FacilityType.PRIMARY_CARE],
    minutes: 20,
  },
];

/** Per district: older people (60+) within reach, beyond it, and without network access. */
type DistrictCounts = Map<string, { withinReach: number; beyondReach: number; noNetworkAccess: number }>;

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const ms = (value: number) => `${value.toFixed(value < 10 ? 2 : 0)} ms`;

/** Travel minutes of a walk edge, as the engine costs it. */
const EDGE_MINUTES = `length_m * (case when highway = 'steps' then ${STEPS_WALK_PENALTY} else 1 end) / ${WALK_SPEED_METERS_PER_MINUTE}.0`;

/** Degrees that surely hold the snap limit around the demo (300 m is under 0.0035° of longitude at 30° N). */
const SNAP_BOX_DEGREES = 0.005;
/** UTM zone 51N (120°–126° E, Hangzhou): the fraction along an edge is located in metres, not degrees. */
const METRIC_SRID = 32651;

/**
 * The nearest walk edge within the snap limit of a point expression, metres on the spheroid; the
 * bounding-box test lets the edge table's spatial index pick the candidates.
 */
function nearestEdge(point: string): string {
  return `select r.id, r.source, r.target, ${EDGE_MINUTES} as cost,
      ST_LineLocatePoint(ST_Transform(r.geom, ${METRIC_SRID}), ST_Transform(${point}, ${METRIC_SRID})) as fraction,
      ST_Distance(r.geom::geography, ${point}::geography) / ${WALK_SPEED_METERS_PER_MINUTE}.0 as walk
    from road_edge r
    where r.geom && ST_Expand(${point}, ${SNAP_BOX_DEGREES})
      and ST_DWithin(r.geom::geography, ${point}::geography, ${DEFAULT_MAX_SNAP_METERS})
    order by ST_Distance(r.geom::geography, ${point}::geography), r.id limit 1`;
}

/**
 * The same coverage computed the way a PostGIS + pgRouting deployment would: snap facilities and cell
 * centroids to the nearest edge in SQL, one pgr_withPointsDD from every facility, then each cell's
 * minutes from its edge's two ends (or along the edge from a facility on it), plus both off-network walks.
 */
async function baselineCoverage(
  client: pg.Client,
  types: readonly FacilityType[],
  minutes: number,
): Promise<DistrictCounts> {
  await client.query('drop table if exists bench_facility, bench_cell, bench_reach');
  await client.query(
    `create temp table bench_facility as
     select row_number() over (order by f.id) as pid, f.id, e.id as edge_id, e.source, e.target, e.cost, e.fraction, e.walk,
       case when e.fraction <= 0 then e.source when e.fraction >= 1 then e.target else -row_number() over (order by f.id) end as start_vid
     from facility f cross join lateral (${nearestEdge('f.location')}) e
     where f.archived_at is null and f.type::text = any($1::text[])`,
    [types],
  );
  await client.query(
    `create temp table bench_cell as
     select c.cell_key, c.region_code, c.age60plus, e.id as edge_id, e.source, e.target, e.cost, e.fraction, e.walk
     from population_cell c left join lateral (${nearestEdge('c.centroid')}) e on true`,
  );
  await client.query(
    `create temp table bench_reach as
     select d.node, min(d.agg_cost + f.walk) as minutes
     from pgr_withPointsDD(
       'select id, source, target, ${EDGE_MINUTES.replaceAll("'", "''")} as cost, ${EDGE_MINUTES.replaceAll("'", "''")} as reverse_cost from road_edge',
       'select pid, edge_id, fraction from bench_facility where fraction > 0 and fraction < 1',
       (select array_agg(distinct start_vid) from bench_facility), $1::float8, directed => false) d
     join bench_facility f on f.start_vid = d.start_vid
     where d.node > 0
     group by d.node`,
    [minutes],
  );
  const { rows } = await client.query<{ region_code: string; access: string; people: string }>(
    `with timed as (
       select c.region_code, c.age60plus, c.edge_id,
         c.walk + least(
           (select r.minutes from bench_reach r where r.node = c.source) + c.fraction * c.cost,
           (select r.minutes from bench_reach r where r.node = c.target) + (1 - c.fraction) * c.cost,
           (select min(f.walk + abs(c.fraction - f.fraction) * c.cost) from bench_facility f where f.edge_id = c.edge_id)) as minutes
       from bench_cell c)
     select region_code,
       case when edge_id is null then 'noNetworkAccess' when minutes <= $1 then 'withinReach' else 'beyondReach' end as access,
       sum(age60plus)::text as people
     from timed group by 1, 2`,
    [minutes],
  );
  const counts: DistrictCounts = new Map();
  for (const row of rows) {
    const district = counts.get(row.region_code) ?? { withinReach: 0, beyondReach: 0, noNetworkAccess: 0 };
    district[row.access as 'withinReach'] = Number(row.people);
    counts.set(row.region_code, district);
  }
  return counts;
}

function engineCounts(areas: readonly CoverageArea[]): DistrictCounts {
  return new Map(
    areas
      .filter((area) => area.regionCode !== null && area.cellCount > 0)
      .map((area) => [
        area.regionCode!,
        {
          withinReach: area.withinReach.age60plus,
          beyondReach: area.beyondReach.age60plus,
          noNetworkAccess: area.noNetworkAccess.age60plus,
        },
      ]),
  );
}

function describe(counts: DistrictCounts): string {
  return [...counts]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([code, c]) => {
      const total = c.withinReach + c.beyondReach + c.noNetworkAccess;
      return `${code} ${c.withinReach}/${total} (${((100 * c.withinReach) / total).toFixed(1)}%) within reach, ${c.noNetworkAccess} no network`;
    })
    .join('; ');
}

/**
 * Prints the time the engine takes for coverage of the whole demo area (every cell, one search per
 * type set), and the same numbers from a PostGIS + pgRouting baseline in the same run, with the ratio.
 * Needs PostgreSQL with PostGIS and pgRouting (DATABASE_URL or TEST_DATABASE_URL): it seeds a scratch
 * database there and drops it afterwards.
 */
export async function benchCoverage(): Promise<void> {
  const serverUrl = process.env.DATABASE_URL?.trim() || process.env.TEST_DATABASE_URL?.trim();
  if (!serverUrl) {
    console.log(
      'coverage: SKIPPED, the pgRouting baseline needs PostgreSQL with PostGIS and pgRouting (set DATABASE_URL or TEST_DATABASE_URL)',
    );
    return;
  }
  const name = `caremap_bench_coverage_${process.pid}_${Date.now().toString(36)}`;
  const url = withDatabase(serverUrl, name);
  await adminQuery(serverUrl, `create database ${name}`);
  const db = await openDatabase({ databaseUrl: url, dataDir: '', entities });
  const client = new pg.Client({ connectionString: url });
  try {
    console.log(`coverage: seeding scratch database ${name} …`);
    const seedStart = performance.now();
    await migrate(db);
    await seedDemo(db, silentProgress);
    console.log(`coverage: demo seeded in ${((performance.now() - seedStart) / 1000).toFixed(1)} s`);
    await client.connect();
    await client.query('analyze');
    let pgrouting = true;
    try {
      await client.query('create extension if not exists pgrouting');
    } catch (error) {
      pgrouting = false;
      console.log(
        `coverage: pgRouting UNAVAILABLE on this server (${(error as Error).message}); engine times only`,
      );
    }
    const loadStart = performance.now();
    const network = await new NetworkLoader(db).current();
    console.log(
      `coverage: network of ${network.graph.edgeCount} edges loaded in ${ms(performance.now() - loadStart)} (once per server)`,
    );
    for (const question of QUESTIONS) {
      const engineTimes: number[] = [];
      let report = null;
      for (let run = 0; run < ENGINE_RUNS; run++) {
        const start = performance.now();
        report = await new CoverageService(db.fork(), inThreadComputation(network), PLANNER).coverage({
          regionCode: WHOLE_DEMO,
          types: question.types,
          minutes: question.minutes,
        });
        engineTimes.push(performance.now() - start);
      }
      const engine = engineCounts(report!.subRegions ?? []);
      console.log(`coverage: ${question.label}, whole demo area (${report!.region.cellCount} cells)`);
      console.log(
        `  engine     ${ms(median(engineTimes))} (median of ${ENGINE_RUNS}, ${report!.searches} search)  ${describe(engine)}`,
      );
      if (!pgrouting) continue;
      const baselineTimes: number[] = [];
      let baseline: DistrictCounts = new Map();
      for (let run = 0; run < BASELINE_RUNS; run++) {
        const start = performance.now();
        baseline = await baselineCoverage(client, question.types, question.minutes);
        baselineTimes.push(performance.now() - start);
      }
      console.log(
        `  pgRouting  ${ms(median(baselineTimes))} (median of ${BASELINE_RUNS})  ${describe(baseline)}`,
      );
      const differences = [...engine].map(([code, counts]) => {
        const other = baseline.get(code);
        return other ? Math.abs(other.withinReach - counts.withinReach) : counts.withinReach;
      });
      console.log(
        `  ratio      engine ${(median(baselineTimes) / median(engineTimes)).toFixed(1)}× faster; within-reach 60+ differs by ${differences.reduce((a, b) => a + b, 0)} people (SQL snaps on the spheroid, the engine on a local plane)`,
      );
    }
  } finally {
    await client.end().catch(() => undefined);
    await db.close();
    await adminQuery(serverUrl, `drop database if exists ${name} with (force)`);
  }
}
