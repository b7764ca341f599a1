import { readdirSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import type { MultiPolygon, Position } from 'geojson';
import { describe, expect, test } from 'vitest';
import { useTestServer } from '../support/test-server';

const FIXTURES = new URL('../fixtures/isochrones/', import.meta.url);
const cases = readdirSync(new URL('in/', FIXTURES)).filter((file) => file.endsWith('.json'));

const fixture = useTestServer();

interface Contour {
  minutes: number;
  method: string;
  areaSquareMeters: number;
  geometry: MultiPolygon;
}

const QUERY = `query($point: PointInput!, $minutes: [Int!], $speedMetersPerMinute: Float) {
  isochrone(point: $point, minutes: $minutes, speedMetersPerMinute: $speedMetersPerMinute) {
    minutes method areaSquareMeters geometry
  }
}`;

const round = (value: number, perUnit: number) => Math.round(value * perUnit) / perUnit;

/** The part of an answer a golden file keeps: coordinates to 1e-6° (about 10 cm), areas to 1 m². */
function summarize(contours: Contour[]): Contour[] {
  return contours.map((contour) => ({
    ...contour,
    areaSquareMeters: round(contour.areaSquareMeters, 1),
    geometry: {
      type: 'MultiPolygon',
      coordinates: contour.geometry.coordinates.map((polygon) =>
        polygon.map((ring) => ring.map((position: Position) => position.map((c) => round(c, 1e6)))),
      ),
    },
  }));
}

describe('isochrones match their golden files on this database (REGEN=1 rewrites them)', () => {
  test.each(cases)('%s', async (file) => {
    const input = JSON.parse(await readFile(new URL(`in/${file}`, FIXTURES), 'utf8'));
    const result = await fixture.server.query<{ isochrone: Contour[] }>(QUERY, input);
    expect(result.errors).toBeUndefined();
    const actual = summarize(result.data!.isochrone);
    const outFile = new URL(`out/${file}`, FIXTURES);
    if (process.env.REGEN === '1') await writeFile(outFile, `${JSON.stringify(actual)}\n`);
    const expected = JSON.parse(await readFile(outFile, 'utf8')) as Contour[];

    expect(actual.map((c) => [c.minutes, c.method])).toEqual(expected.map((c) => [c.minutes, c.method]));
    for (const [index, contour] of actual.entries()) {
      const golden = expected[index];
      if (contour.method === 'NETWORK') {
        // Traced in TypeScript: the same numbers on every database.
        expect(contour).toEqual(golden);
        continue;
      }
      // Radius circles are still PostGIS's: another PROJ may round a coordinate the other way.
      expect(Math.abs(contour.areaSquareMeters - golden.areaSquareMeters)).toBeLessThanOrEqual(1);
      const positions = contour.geometry.coordinates.flat(2);
      const goldenPositions = golden.geometry.coordinates.flat(2);
      expect(positions).toHaveLength(goldenPositions.length);
      for (const [at, position] of positions.entries()) {
        expect(Math.abs(position[0] - goldenPositions[at][0])).toBeLessThanOrEqual(1.5e-6);
        expect(Math.abs(position[1] - goldenPositions[at][1])).toBeLessThanOrEqual(1.5e-6);
      }
    }
  });
});
