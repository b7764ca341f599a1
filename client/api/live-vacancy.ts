import { createClient, type Client } from 'graphql-ws';
import type { Bounds } from '../domain';
import { VacancyChangedDocument, type VacancyChangedSubscription } from './generated/graphql';
import type { VacancyChange } from './types';

/** Where the live connection stands: connecting (or reconnecting), live, or cut off. */
export type LiveStatus = 'connecting' | 'live' | 'offline';

/**
 * Live vacancy: one vacancyChanged subscription over graphql-ws for the area the map shows, moved along
 * with the map. Reconnects by itself after the connection drops.
 */
export class VacancyFeed {
  private readonly client: Client;
  private unsubscribe: (() => void) | null = null;
  private watchedKey: string | null = null;

  constructor(
    url: string,
    private readonly changed: (change: VacancyChange) => void,
    status: (status: LiveStatus) => void,
  ) {
    this.client = createClient({
      url,
      lazy: true,
      // Keeps the socket while one subscription replaces another.
      lazyCloseTimeout: 5_000,
      retryAttempts: Number.POSITIVE_INFINITY,
      shouldRetry: () => true,
      on: {
        connecting: () => status('connecting'),
        connected: () => status('live'),
        closed: () => status('offline'),
      },
    });
  }

  /** Subscribes for an area (null: everywhere); the previous subscription ends once the new one is asked for. */
  watch(bbox: Bounds | null): void {
    const key = JSON.stringify(bbox);
    if (key === this.watchedKey) return;
    this.watchedKey = key;
    const previous = this.unsubscribe;
    this.unsubscribe = this.client.subscribe<VacancyChangedSubscription>(
      { query: VacancyChangedDocument.toString(), variables: { bbox } },
      {
        next: (result) => {
          if (result.data) this.changed(result.data.vacancyChanged);
        },
        error: (error) => console.error('The live vacancy subscription failed:', error),
        complete: () => undefined,
      },
    );
    previous?.();
  }
}
