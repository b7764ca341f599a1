import { describe, expect, it } from 'vitest';
import { buildGraph, edgeIndexOf, vertexIndexOf, type RoadGraph } from '../../server/routing/graph';
import { lngLat, network } from './networks';

/** The T: 1 — 2 — 3 along the top, 2 — 4 down the stem, 300 m each. */
const tee = () =>
  network({ 1: [0, 0], 2: [300, 0], 3: [600, 0], 4: [300, -300] }, [
    { id: 1, source: 1, target: 2 },
    { id: 2, source: 2, target: 3 },
    { id: 3, source: 2, target: 4 },
  ]);

function neighbours(graph: RoadGraph, vertex: number): [vertex: number, edge: number][] {
  const found: [number, number][] = [];
  for (let slot = graph.adjacencyOffsets[vertex]; slot < graph.adjacencyOffsets[vertex + 1]; slot++) {
    found.push([graph.adjacencyVertices[slot], graph.adjacencyEdges[slot]]);
  }
  return found.sort((a, b) => a[0] - b[0]);
}

describe('buildGraph', () => {
  it('lists every edge in both directions in the CSR adjacency', () => {
    const graph = tee();
    expect(graph.vertexCount).toBe(4);
    expect(graph.edgeCount).toBe(3);
    expect(neighbours(graph, 1)).toEqual([
      [0, 0],
      [2, 1],
      [3, 2],
    ]);
    expect(neighbours(graph, 0)).toEqual([[1, 0]]);
    expect(neighbours(graph, 3)).toEqual([[1, 2]]);
    expect(graph.edgeLengthMeters[2]).toBeCloseTo(300, 9);
  });

  it('reports memory as the sum of its typed arrays', () => {
    const graph = tee();
    const arrays = Object.values(graph).filter((value) => ArrayBuffer.isView(value)) as ArrayBufferView[];
    expect(arrays).toHaveLength(17);
    expect(graph.memoryBytes()).toBe(arrays.reduce((sum, array) => sum + array.byteLength, 0));
  });

  it('orders rows by id, whatever order and gaps they come in', () => {
    const graph = buildGraph(
      [
        { id: 10, lng: 120.2, lat: 30.2 },
        { id: 3, lng: 120.0, lat: 30.0 },
        { id: 7, lng: 120.1, lat: 30.1 },
      ],
      [
        { id: 9, source: 10, target: 7, lengthMeters: 5, highway: 'footway', coordinates: [] },
        { id: 2, source: 3, target: 7, lengthMeters: 4, highway: 'steps', coordinates: [] },
      ],
    );
    expect([...graph.vertexIds]).toEqual([3, 7, 10]);
    expect([...graph.edgeIds]).toEqual([2, 9]);
    expect(vertexIndexOf(graph, 7)).toBe(1);
    expect(vertexIndexOf(graph, 4)).toBe(-1);
    expect(edgeIndexOf(graph, 9)).toBe(1);
    expect(edgeIndexOf(graph, 3)).toBe(-1);
    expect([...graph.edgeSource]).toEqual([0, 2]);
    expect([...graph.edgeTarget]).toEqual([1, 1]);
    expect(graph.highwayNames[graph.edgeHighway[0]]).toBe('steps');
    expect(graph.highwayNames[graph.edgeHighway[1]]).toBe('footway');
  });

  it('draws an edge without a polyline straight between its vertices', () => {
    const graph = buildGraph(
      [
        { id: 1, lng: 120.1, lat: 30.2 },
        { id: 2, lng: 120.2, lat: 30.3 },
      ],
      [{ id: 1, source: 1, target: 2, lengthMeters: 10, highway: 'path', coordinates: [[120.1, 30.2]] }],
    );
    expect([...graph.geometryCoordinates]).toEqual([120.1, 30.2, 120.2, 30.3]);
  });

  it('measures each polyline point by metres from the edge start', () => {
    const graph = network({ 1: [0, 0], 2: [100, 100] }, [{ id: 1, source: 1, target: 2, via: [[100, 0]] }]);
    const measures = [...graph.geometryMeasures];
    expect(measures[0]).toBe(0);
    expect(measures[1]).toBeCloseTo(100, 4);
    expect(measures[2]).toBeCloseTo(200, 4);
    expect([...graph.geometryCoordinates.slice(2, 4)]).toEqual(lngLat(100, 0));
  });

  it('lists a loop once at its vertex', () => {
    const graph = network({ 1: [0, 0], 2: [100, 0] }, [
      { id: 1, source: 1, target: 2 },
      {
        id: 2,
        source: 2,
        target: 2,
        via: [
          [150, 50],
          [150, -50],
        ],
      },
    ]);
    expect(neighbours(graph, 1)).toEqual([
      [0, 0],
      [1, 1],
    ]);
  });

  it('rejects an edge to a missing vertex, a duplicate id and a bad length', () => {
    const vertices = [
      { id: 1, lng: 120, lat: 30 },
      { id: 2, lng: 120.001, lat: 30 },
    ];
    const edge = { id: 1, source: 1, target: 2, lengthMeters: 96, highway: 'footway', coordinates: [] };
    expect(() => buildGraph(vertices, [{ ...edge, target: 5 }])).toThrow(/missing vertex/);
    expect(() => buildGraph(vertices, [edge, edge])).toThrow(/Duplicate edge id 1/);
    expect(() => buildGraph(vertices, [{ ...edge, lengthMeters: Number.NaN }])).toThrow(/invalid length/);
    expect(() => buildGraph([...vertices, { id: 2 ** 40, lng: 0, lat: 0 }], [])).toThrow(/32-bit/);
  });
});
