import type { EntityManager } from '@mikro-orm/sql';
import type { Principal } from './auth/role';
import type { AppConfig } from './config';
import type { JobDesk } from './jobs/job.service';
import type { Loaders } from './loaders';
import type { NetworkLoader } from './network/network.loader';

/** What every resolver gets: its own entity manager, forked for this request, the caller and the configuration. */
export interface RequestContext {
  em: EntityManager;
  config: AppConfig;
  principal: Principal;
  /** The road network in memory, for travel times, isochrones and service areas. */
  network: NetworkLoader;
  /** Aborted when the client goes away before the answer is sent: its computations are cancelled. */
  signal?: AbortSignal;
  /** Batch loaders of this request (see createLoaders). */
  loaders: Loaders;
  /** The node's job queue and cluster bus; absent where no queue runs (command-line tools). */
  jobs?: JobDesk;
}
