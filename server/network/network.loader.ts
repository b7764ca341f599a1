import type { Database } from '../db/database';
import { NetworkRepository } from './network.repository';
import { RoadNetwork } from './road-network';

/** Holds the road network in memory: read from the database once, read again on demand. */
export class NetworkLoader {
  private loading: Promise<RoadNetwork> | null = null;

  constructor(private readonly db: Database) {}

  /** The network in memory, read on first use. */
  current(): Promise<RoadNetwork> {
    this.loading ??= this.read();
    return this.loading;
  }

  /** Reads the edge table again (after an import); requests already running keep the network they had. */
  async reload(): Promise<RoadNetwork> {
    const next = this.read();
    await next;
    this.loading = next;
    return next;
  }

  private read(): Promise<RoadNetwork> {
    const reading = new NetworkRepository(this.db.fork()).loadGraph().then((graph) => new RoadNetwork(graph));
    // A failed read is not kept: the next request tries again.
    reading.catch(() => {
      if (this.loading === reading) this.loading = null;
    });
    return reading;
  }
}
