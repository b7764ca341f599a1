import type { RoadGraph } from './graph';
import { IndexedMinHeap } from './heap';
import type { EdgeCosts } from './profile';

/** A vertex where a search starts, the minutes already spent to get there, and which origin it serves. */
export interface Seed {
  readonly vertex: number;
  readonly minutes: number;
  readonly origin: number;
}

/** What one bounded search settled: dense per-vertex answers and the settle order. */
export interface SettledVertices {
  /** Minutes to each vertex; Infinity where not reached within the limit. */
  readonly vertexMinutes: Float64Array;
  /** Index of the origin that reaches each vertex soonest (lowest index on ties); -1 where not reached. */
  readonly vertexOrigin: Int32Array;
  /** Reached vertices in the order they were settled, so by non-decreasing minutes. */
  readonly reachedVertices: Int32Array;
}

/**
 * Buffers for Dijkstra searches on one graph, reused from search to search. A tentative label is
 * valid only where its stamp equals the current epoch, so a new search starts without clearing
 * arrays the size of the network.
 */
export class SearchWorkspace {
  private readonly stamps: Uint32Array;
  private readonly minutes: Float64Array;
  private readonly origins: Int32Array;
  private readonly order: Int32Array;
  private readonly heap: IndexedMinHeap;
  private epoch = 0;
  private limitMinutes = 0;

  constructor(readonly vertexCount: number) {
    this.stamps = new Uint32Array(vertexCount);
    this.minutes = new Float64Array(vertexCount);
    this.origins = new Int32Array(vertexCount);
    this.order = new Int32Array(vertexCount);
    this.heap = new IndexedMinHeap(vertexCount);
  }

  /**
   * Runs multi-source Dijkstra from the seeds, up to limitMinutes, over edges costing costs.forward
   * minutes from source to target and costs.backward from target to source.
   */
  settle(graph: RoadGraph, costs: EdgeCosts, seeds: readonly Seed[], limitMinutes: number): SettledVertices {
    if (graph.vertexCount !== this.vertexCount) {
      throw new Error(`Workspace for ${this.vertexCount} vertices used on a graph of ${graph.vertexCount}`);
    }
    // Searches run until the heap is empty (nothing beyond the limit is queued), so it needs no clearing.
    this.epoch += 1;
    if (this.epoch === 0xffffffff) {
      this.stamps.fill(0);
      this.epoch = 1;
    }
    this.limitMinutes = limitMinutes;
    for (const seed of seeds) this.label(seed.vertex, seed.minutes, seed.origin);

    const vertexMinutes = new Float64Array(this.vertexCount).fill(Infinity);
    const vertexOrigin = new Int32Array(this.vertexCount).fill(-1);
    const { adjacencyOffsets, adjacencyVertices, adjacencyEdges, edgeSource } = graph;
    const { forward, backward } = costs;
    let reachedCount = 0;
    while (this.heap.size > 0) {
      const vertex = this.heap.pop();
      const minutes = this.minutes[vertex];
      const origin = this.origins[vertex];
      vertexMinutes[vertex] = minutes;
      vertexOrigin[vertex] = origin;
      this.order[reachedCount++] = vertex;
      for (let slot = adjacencyOffsets[vertex]; slot < adjacencyOffsets[vertex + 1]; slot++) {
        const edge = adjacencyEdges[slot];
        const cost = edgeSource[edge] === vertex ? forward[edge] : backward[edge];
        this.label(adjacencyVertices[slot], minutes + cost, origin);
      }
    }
    return { vertexMinutes, vertexOrigin, reachedVertices: this.order.slice(0, reachedCount) };
  }

  private label(vertex: number, minutes: number, origin: number): void {
    // Nothing beyond the limit is ever queued, so nothing beyond it can be reported as reached.
    if (!(minutes <= this.limitMinutes) || minutes === Infinity) return;
    if (this.stamps[vertex] !== this.epoch) {
      this.stamps[vertex] = this.epoch;
      this.minutes[vertex] = minutes;
      this.origins[vertex] = origin;
      this.heap.push(vertex, minutes);
    } else if (minutes < this.minutes[vertex]) {
      // Only a queued vertex can improve: costs are non-negative, so a settled one never does.
      this.minutes[vertex] = minutes;
      this.origins[vertex] = origin;
      this.heap.push(vertex, minutes);
    } else if (minutes === this.minutes[vertex] && origin < this.origins[vertex]) {
      this.origins[vertex] = origin;
    }
  }
}
