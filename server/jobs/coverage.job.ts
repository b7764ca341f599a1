import { CoverageService, checkedTypes, type CoverageRequest } from '../coverage/coverage.service';
import type { FacilityType } from '../facilities/facility-kind';
import { assertMinutes } from '../isochrones/travel.validate';
import { assertRegionCode } from '../regions/region.service';
import { registerJobKind } from './job-kinds';

/** Coverage of a whole city (or any region) as a job: the same answer as the `coverage` query, stored. */
export const COVERAGE_JOB = 'COVERAGE';

registerJobKind<CoverageRequest, unknown>({
  name: COVERAGE_JOB,
  roles: ['PLANNER', 'ADMIN'],
  retryLimit: 2,
  check(input) {
    assertRegionCode(input.regionCode, 'regionCode');
    checkedTypes(input.types as FacilityType[], 'types');
    if (input.minutes != null) assertMinutes(input.minutes, 'minutes');
  },
  async run(input, job) {
    job.progress(0, 'Reading the road network');
    const computation = await job.network.computation({ signal: job.signal });
    job.progress(0.1, 'Searching from every facility');
    const report = await new CoverageService(job.em, computation, job.principal).coverage(input);
    return JSON.parse(JSON.stringify(report)) as unknown;
  },
});
