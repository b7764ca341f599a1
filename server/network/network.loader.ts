import {
  inThreadComputation,
  type Computation,
  type ComputeCaller,
  type ComputePool,
} from '../compute/compute-pool';
import type { Database } from '../db/database';
import { NetworkRepository } from './network.repository';
import { RoadNetwork } from '../routing/road-network';

/** Holds the road network in memory: read from the database once, read again on demand. */
export class NetworkLoader {
  private loading: Promise<RoadNetwork> | null = null;
  private ready = false;

  constructor(
    private readonly db: Database,
    private readonly pool: ComputePool | null = null,
  ) {}

  /** The current network's computations for one caller: on the worker pool when there is one, else in this thread. */
  async computation(caller: ComputeCaller = {}): Promise<Computation> {
    const network = await this.current();
    return this.pool ? this.pool.computation(network, caller) : inThreadComputation(network);
  }

  /** The network in memory, read on first use. */
  current(): Promise<RoadNetwork> {
    this.loading ??= this.read();
    return this.loading;
  }

  /** Whether a network has been read and is in memory (readiness). */
  loaded(): boolean {
    return this.ready;
  }

  /**
   * Reads the edge table again (after an import, here or on another node); requests already running keep the
   * network they had, and new ones get the old network until the new one is read.
   */
  async reload(): Promise<RoadNetwork> {
    const next = this.read();
    await next;
    this.loading = next;
    return next;
  }

  private read(): Promise<RoadNetwork> {
    const reading = new NetworkRepository(this.db.fork()).loadGraph().then((graph) => new RoadNetwork(graph));
    reading.then(
      () => (this.ready = true),
      // A failed read is not kept: the next request tries again.
      () => {
        if (this.loading === reading) this.loading = null;
      },
    );
    return reading;
  }
}
