import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PUBLIC_PRINCIPAL } from '../server/auth/role';
import { inThreadComputation } from '../server/compute/compute-pool';
import { CoverageRepository } from '../server/coverage/coverage.repository';
import { CoverageService } from '../server/coverage/coverage.service';
import { migrate, openDatabase } from '../server/db/database';
import { entities } from '../server/entities';
import { FacilityType } from '../server/facilities/facility-kind';
import { silentProgress } from '../server/import/progress';
import { seedDemo } from '../server/import/seed';
import { NetworkLoader } from '../server/network/network.loader';
import { ScenarioService } from '../server/scenarios/scenario.service';
import { SiteService } from '../server/sites/site.service';
import { gridCandidates } from '../server/siting/site-reach';

/** 上城区 (old layout), the demo district. */
const DISTRICT = '330102';
const TYPES = [FacilityType.STREET_CARE_CENTER, FacilityType.COMMUNITY_CARE_STATION];
const PLANNER = { ...PUBLIC_PRINCIPAL, role: 'PLANNER' as const, subject: 'bench' };
const RUNS = 3;

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/**
 * `npm run bench sites`: a scenario's coverage recomputed for a district, and suggestSites for the
 * district with exactly 200 candidates at 15 minutes, count 3, exact (HiGHS) and heuristic only.
 */
export async function benchSites(): Promise<void> {
  const dir = await mkdtemp(path.join(tmpdir(), 'caremap-bench-sites-'));
  const db = await openDatabase({ databaseUrl: null, dataDir: dir, entities });
  try {
    await migrate(db);
    await seedDemo(db, silentProgress);
    const network = await new NetworkLoader(db).current();
    const computation = inThreadComputation(network);
    const coverage = () => new CoverageService(db.fork(), computation, PLANNER);

    const scenarios = new ScenarioService(db.fork(), PLANNER);
    const scenario = await scenarios.create('bench', false);
    const cells = (await new CoverageRepository(db.fork()).cellsOfDistricts([DISTRICT], [])).filter(
      (cell) => cell.age60plus > 0,
    );
    // The hypothetical station goes where the best single new site would: it covers someone.
    const best = await new SiteService(db.fork(), computation, PLANNER).suggest({
      regionCode: DISTRICT,
      types: TYPES,
      count: 1,
    });
    const [lng, lat] = best.sites[0].location.coordinates;
    const where = { lng, lat };
    await scenarios.addChange(scenario.id, scenario.version, {
      kind: 'ADD',
      type: FacilityType.COMMUNITY_CARE_STATION,
      location: { lng: where.lng, lat: where.lat },
    });
    const times: number[] = [];
    let newly = 0;
    for (let run = 0; run < RUNS; run++) {
      const start = performance.now();
      const report = await coverage().coverage({ regionCode: DISTRICT, types: TYPES, scenario: scenario.id });
      times.push(performance.now() - start);
      newly = report.comparison![0].newlyCovered.age60plus;
    }
    console.log(
      `sites: scenario recomputation, ${DISTRICT} (today and scenario, ${cells.length} cells): ${median(times).toFixed(0)} ms median of ${RUNS}; one hypothetical station newly covers ${newly}`,
    );

    // The API's 200 m grid gives fewer than 200 here: a finer 150 m grid over the district's
    // populated cells, one network vertex per grid square, ordered nearest the centre first (the
    // API's documented order); the first 200 are the candidates.
    const spacing = 150;
    const drawn = gridCandidates(network.graph, cells, spacing);
    if (drawn.length < 200) throw new Error(`only ${drawn.length} network candidates on a ${spacing} m grid`);
    const candidates = drawn.slice(0, 200);
    console.log(
      `sites: candidates = first 200 of ${drawn.length} network vertices on a ${spacing} m grid (the API's 200 m grid gives ${gridCandidates(network.graph, cells, 200).length}), nearest the district centre first`,
    );
    for (const count of [3]) {
      for (const [label, timeBudgetMs] of [
        ['exact (HiGHS, budget 20 s)', 20_000],
        ['heuristic only', 0],
      ] as const) {
        const start = performance.now();
        const answer = await new SiteService(db.fork(), computation, PLANNER).suggest({
          regionCode: DISTRICT,
          types: TYPES,
          minutes: 15,
          count,
          candidates,
          timeBudgetMs,
        });
        console.log(
          `sites: suggestSites ${DISTRICT}, ${answer.candidatesConsidered} candidates, 15 min, count ${count}, ${label}: ${(performance.now() - start).toFixed(0)} ms (solver ${answer.solveMillis.toFixed(0)} ms), objective ${answer.totalNewlyCovered}, bound ${answer.upperBound}, gap ${(100 * answer.optimalityGap).toFixed(2)}%, ${answer.method}`,
        );
      }
    }
  } finally {
    await db.close();
    await rm(dir, { recursive: true, force: true });
  }
}
