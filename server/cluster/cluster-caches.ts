import type { NetworkLoader } from '../network/network.loader';
import type { ClusterBus } from './cluster-bus';

/** What a node keeps in memory that other nodes' writes can make stale. */
export interface NodeCaches {
  network: NetworkLoader;
  /** Forgets kept base-map tiles (they are also checked against the database's base-map version). */
  clearTiles(): void;
}

/** Several changes in quick succession (an import's statements) read the network once. */
const SETTLE_MS = 200;

/**
 * Keeps a node's caches in step with the database: the triggers of the `_cluster` migration announce every
 * committed change to the road network or to facilities' locations, whichever node or tool made it.
 * Returns the function that stops listening.
 */
export function invalidateOnChange(bus: ClusterBus, caches: NodeCaches): () => void {
  let timer: NodeJS.Timeout | null = null;
  const stop = bus.subscribe('cache', (what) => {
    caches.clearTiles();
    if (what !== 'network' || timer) return;
    timer = setTimeout(() => {
      timer = null;
      caches.network
        .reload()
        .catch((error: unknown) => console.error('The road network could not be read again:', error));
    }, SETTLE_MS);
  });
  return () => {
    stop();
    if (timer) clearTimeout(timer);
  };
}
