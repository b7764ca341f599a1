import { ServiceAreaService } from '../service-areas/service-area.service';
import { registerJobKind } from './job-kinds';

/** Recomputes the stored walking areas of facilities added or moved, or drawn on an older network. */
export const SERVICE_AREAS_JOB = 'SERVICE_AREAS';

registerJobKind<Record<string, never>, unknown>({
  name: SERVICE_AREAS_JOB,
  roles: ['ADMIN'],
  retryLimit: 3,
  // It reads the database when it runs: a second request while one waits adds nothing.
  oncePerQueue: true,
  async run(_input, job) {
    // The network may have changed since this node read it (an import by another process, just announced).
    job.progress(0, 'Reading the road network');
    await job.network.reload();
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
