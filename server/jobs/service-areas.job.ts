import { ServiceAreaService } from '../service-areas/service-area.service';
import { registerJobKind } from './job-kinds';

/** Recomputes the stored service areas (every stored mode) of facilities added or moved, or drawn on an older network. */
export const SERVICE_AREAS_JOB = 'SERVICE_AREAS';

/** What a service-area job is asked: whether it follows a change of the road network. */
export interface ServiceAreasInput {
  /** Read the network again before drawing (this node may not have read the new one yet). */
  networkChanged?: boolean;
}

registerJobKind<ServiceAreasInput, unknown>({
  name: SERVICE_AREAS_JOB,
  roles: ['ADMIN'],
  retryLimit: 3,
  // It reads the database when it runs: a second request while one waits adds nothing.
  oncePerQueue: true,
  async run(input, job) {
    if (input.networkChanged) {
      job.progress(0, 'Reading the road network');
      await job.network.reload();
    }
    const computation = await job.network.computation({ signal: job.signal });
    const counts = await new ServiceAreaService(job.em, computation).refresh((label, total) => {
      let done = 0;
      job.progress(0, label);
      return {
        advance: (by = 1) => job.progress((done += by) / Math.max(total, 1), label),
        done: () => job.progress(1, label),
      };
    });
    return { ...counts };
  },
});
