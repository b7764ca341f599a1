import os from 'node:os';
import { GraphQLError } from 'graphql';
import { Piscina } from 'piscina';
import type { RoadNetwork } from '../routing/road-network';
import { shareGraph, type SharedRoadGraph } from '../routing/shared-network';
import { runComputeTask, type ComputeInput, type ComputeOutput, type ComputeTaskName } from './compute-tasks';
import type { ComputeMessage } from './compute.worker';

/** Runs the CPU-heavy questions about one road network for one caller. */
export interface Computation {
  /** The network the answers come from. */
  readonly network: RoadNetwork;
  /** Answers a task; rejects with TIMEOUT, SERVICE_UNAVAILABLE or CANCELLED when it cannot be done in time. */
  run<Name extends ComputeTaskName>(name: Name, input: ComputeInput<Name>): Promise<ComputeOutput<Name>>;
}

/** Who is asking: the request's cancellation signal and its time budget (none: no limit). */
export interface ComputeCaller {
  readonly signal?: AbortSignal;
  readonly budgetMs?: number;
}

/** Tasks that may wait for a thread; beyond that a caller is told to come back later. */
export const MAX_QUEUED_TASKS = 512;

/** A computation in the calling thread: for command-line tools, which have no requests to keep answering. */
export function inThreadComputation(network: RoadNetwork): Computation {
  return {
    network,
    run: async (name, input) => runComputeTask(network, name, input),
  };
}

/** What the pool is doing now, and how many worker threads it has stopped. */
export interface ComputePoolStats {
  readonly threads: number;
  readonly running: number;
  readonly queued: number;
  /** Worker threads ended so far (a task cancelled while running ends its thread). */
  readonly threadsEnded: number;
}

/**
 * Worker threads for the CPU-heavy work of requests (network searches, isochrone polygons, coverage,
 * gaps, service areas), so that no request holds the event loop. The road network is shared with the
 * workers once per network in SharedArrayBuffers. A task that outlives its request's budget, or whose
 * client has gone, is cancelled, and its thread ended so that it stops using the CPU.
 */
export class ComputePool {
  private readonly piscina: Piscina<ComputeMessage, unknown>;
  private readonly shared = new WeakMap<RoadNetwork, SharedRoadGraph>();
  /** When each request's budget runs out, by its signal: the budget is per request, not per task. */
  private readonly deadlines = new WeakMap<AbortSignal, number>();
  private pending = 0;
  private threadsEnded = 0;

  constructor(options: { threads?: number; maxQueue?: number } = {}) {
    const threads = options.threads ?? Math.max(1, os.availableParallelism() - 1);
    this.piscina = new Piscina<ComputeMessage, unknown>({
      filename: new URL('./compute-worker.mjs', import.meta.url).href,
      minThreads: threads,
      maxThreads: threads,
      maxQueue: options.maxQueue ?? MAX_QUEUED_TASKS,
    });
    this.piscina.on('workerDestroy', () => {
      this.threadsEnded += 1;
    });
  }

  /** A computation on the network for one caller. */
  computation(network: RoadNetwork, caller: ComputeCaller = {}): Computation {
    return { network, run: (name, input) => this.run(network, caller, name, input) };
  }

  /** Current load, for tests and monitoring. */
  stats(): ComputePoolStats {
    const queued = this.piscina.queueSize;
    return {
      threads: this.piscina.threads.length,
      running: this.pending - queued,
      queued,
      threadsEnded: this.threadsEnded,
    };
  }

  /** Ends every worker thread; tasks still waiting are rejected. */
  close(): Promise<void> {
    return this.piscina.destroy();
  }

  private async run<Name extends ComputeTaskName>(
    network: RoadNetwork,
    caller: ComputeCaller,
    name: Name,
    input: ComputeInput<Name>,
  ): Promise<ComputeOutput<Name>> {
    if (caller.signal?.aborted) throw cancelled();
    const budget = this.budgetSignal(caller);
    const signals = [caller.signal, budget].filter((signal): signal is AbortSignal => signal !== undefined);
    const signal = signals.length ? AbortSignal.any(signals) : undefined;
    let shared = this.shared.get(network);
    if (!shared) {
      shared = shareGraph(network.graph, network.fingerprint);
      this.shared.set(network, shared);
    }
    this.pending += 1;
    try {
      return (await this.piscina.run({ network: shared, name, input }, { signal })) as ComputeOutput<Name>;
    } catch (error) {
      if (caller.signal?.aborted) throw cancelled();
      if (budget?.aborted) throw overBudget(caller.budgetMs!);
      if (error instanceof Error && error.message === 'Task queue is at limit') throw busy();
      throw error;
    } finally {
      this.pending -= 1;
    }
  }

  /** A signal that fires when the caller's budget runs out, counted from its first task. */
  private budgetSignal(caller: ComputeCaller): AbortSignal | undefined {
    if (caller.budgetMs === undefined) return undefined;
    let deadline = caller.signal ? this.deadlines.get(caller.signal) : undefined;
    if (deadline === undefined) {
      deadline = Date.now() + caller.budgetMs;
      if (caller.signal) this.deadlines.set(caller.signal, deadline);
    }
    const remainingMs = deadline - Date.now();
    if (remainingMs <= 0) throw overBudget(caller.budgetMs);
    return AbortSignal.timeout(remainingMs);
  }
}

function overBudget(budgetMs: number): GraphQLError {
  return new GraphQLError(
    `The computation needs more than the ${budgetMs} ms one request may use; ask for less (fewer or shorter time limits, fewer facilities, a smaller region).`,
    { extensions: { code: 'TIMEOUT' } },
  );
}

function busy(): GraphQLError {
  return new GraphQLError('The server is busy with other computations; please retry in a moment.', {
    extensions: { code: 'SERVICE_UNAVAILABLE' },
  });
}

function cancelled(): GraphQLError {
  return new GraphQLError('The request was cancelled by its client.', { extensions: { code: 'CANCELLED' } });
}
