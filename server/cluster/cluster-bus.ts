import { Redis } from 'ioredis';
import pg from 'pg';
import type { Database } from '../db/database';
import { SqlRunner } from '../db/sql';

/** What travels between nodes: vacancy changes, job changes, and cache changes announced by the database. */
export type ClusterTopic = 'vacancy' | 'job' | 'cache';

/** How messages reach the other nodes. */
export type ClusterTransport = 'in-process' | 'postgresql' | 'redis';

type Listener = (message: unknown) => void;

/** PostgreSQL channel of the messages nodes publish; and of the changes triggers announce (migration _cluster). */
const EVENTS_CHANNEL = 'caremap_events';
const CACHE_CHANNEL = 'caremap_cache';
const REDIS_CHANNEL = 'caremap:events';
/** NOTIFY payloads must stay under 8000 bytes; callers send a reference instead of anything larger. */
export const MAX_MESSAGE_BYTES = 7_500;
const RECONNECT_MS = 1_000;

/** A connection that receives messages and may drop; it reconnects by itself. */
interface Receiver {
  connected(): boolean;
  close(): Promise<void>;
}

/**
 * Publish/subscribe between every API node on one database: each message published on any node is
 * delivered once to the listeners of every node (this one included). PostgreSQL LISTEN/NOTIFY by default,
 * Redis when configured; in this process alone on the embedded database. Changes to the road network and to
 * facilities' locations are announced by database triggers on commit, whoever wrote them (topic `cache`).
 */
export class ClusterBus {
  private readonly listeners = new Map<string, Set<Listener>>();
  private readonly receivers: Receiver[] = [];
  private send: (text: string) => Promise<void> = async (text) =>
    queueMicrotask(() => this.deliverText(text));

  private constructor(readonly transport: ClusterTransport) {}

  /** The bus of a node: in-process on the embedded database, else over Redis (when a URL is given) or PostgreSQL. */
  static async open(db: Database, options: { redisUrl: string | null }): Promise<ClusterBus> {
    if (!db.url) return new ClusterBus('in-process');
    const bus = new ClusterBus(options.redisUrl ? 'redis' : 'postgresql');
    const channels = options.redisUrl ? [CACHE_CHANNEL] : [EVENTS_CHANNEL, CACHE_CHANNEL];
    bus.receivers.push(await bus.listenPostgres(db.url, channels));
    if (options.redisUrl) {
      const publisher = new Redis(options.redisUrl, { lazyConnect: true, maxRetriesPerRequest: 2 });
      await publisher.connect();
      bus.receivers.push(await bus.listenRedis(publisher));
      bus.send = async (text) => void (await publisher.publish(REDIS_CHANNEL, text));
    } else {
      bus.send = async (text) => {
        await new SqlRunner(db.fork()).run(`select pg_notify('${EVENTS_CHANNEL}', $1)`, [text]);
      };
    }
    return bus;
  }

  /** Sends a message to the listeners of the topic on every node; larger than MAX_MESSAGE_BYTES is refused. */
  async publish(topic: ClusterTopic, message: unknown): Promise<void> {
    const text = JSON.stringify({ topic, message });
    if (Buffer.byteLength(text) > MAX_MESSAGE_BYTES) {
      throw new Error(`A cluster message is limited to ${MAX_MESSAGE_BYTES} bytes; send a reference`);
    }
    await this.send(text);
  }

  /** Listens to a topic; returns the function that stops listening. */
  subscribe(topic: ClusterTopic, listener: Listener): () => void {
    let set = this.listeners.get(topic);
    if (!set) this.listeners.set(topic, (set = new Set()));
    set.add(listener);
    return () => set.delete(listener);
  }

  /** Whether every connection to the other nodes is up (readiness). */
  connected(): boolean {
    return this.receivers.every((receiver) => receiver.connected());
  }

  async close(): Promise<void> {
    this.listeners.clear();
    await Promise.all(this.receivers.map((receiver) => receiver.close()));
  }

  private deliver(topic: string, message: unknown): void {
    for (const listener of this.listeners.get(topic) ?? []) {
      try {
        listener(message);
      } catch (error) {
        console.error(`A listener of cluster topic ${topic} failed:`, error);
      }
    }
  }

  private deliverText(text: string): void {
    const { topic, message } = JSON.parse(text) as { topic: string; message: unknown };
    this.deliver(topic, message);
  }

  /**
   * A dedicated connection that LISTENs, reconnecting after a drop. Messages sent while it was down are lost,
   * so after a reconnection every cache is treated as changed.
   */
  private async listenPostgres(url: string, channels: string[]): Promise<Receiver> {
    let client: pg.Client | null = null;
    let closed = false;
    let up = false;
    let timer: NodeJS.Timeout | null = null;
    const connect = async (again: boolean) => {
      const next = new pg.Client({ connectionString: url, application_name: 'caremap-listener' });
      const retry = () => {
        up = false;
        if (closed || timer) return;
        timer = setTimeout(() => {
          timer = null;
          void connect(true).catch(retry);
        }, RECONNECT_MS);
      };
      next.on('error', retry);
      next.on('end', retry);
      next.on('notification', (note) => {
        if (note.channel === CACHE_CHANNEL) this.deliver('cache', note.payload ?? '');
        else if (note.payload) this.deliverText(note.payload);
      });
      await next.connect();
      for (const channel of channels) await next.query(`listen ${channel}`);
      client = next;
      up = true;
      if (again) {
        this.deliver('cache', 'network');
        this.deliver('cache', 'facilities');
      }
    };
    await connect(false);
    return {
      connected: () => up,
      close: async () => {
        closed = true;
        if (timer) clearTimeout(timer);
        await client?.end().catch(() => undefined);
      },
    };
  }

  private async listenRedis(publisher: Redis): Promise<Receiver> {
    const subscriber = publisher.duplicate();
    subscriber.on('message', (_channel: string, text: string) => this.deliverText(text));
    subscriber.on('error', () => undefined);
    publisher.on('error', () => undefined);
    await subscriber.subscribe(REDIS_CHANNEL);
    return {
      connected: () => subscriber.status === 'ready' && publisher.status === 'ready',
      close: async () => {
        subscriber.disconnect();
        publisher.disconnect();
      },
    };
  }
}
