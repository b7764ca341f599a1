import { describe, expect, test } from 'vitest';
import { coveredBy, solveCovering, type CoveringInstance } from '../../server/siting/covering';
import { seededRandom } from '../routing/networks';

/** A random instance: points on a 1 km square with people, candidates reaching the points within 400 m. */
function randomInstance(
  seed: number,
  count: number,
  capacity: number | null,
  timeBudgetMs: number,
): CoveringInstance {
  const random = seededRandom(seed);
  const points = Array.from({ length: 12 + Math.floor(random() * 10) }, () => ({
    x: random() * 1000,
    y: random() * 1000,
    people: Math.floor(random() * 60),
  }));
  const candidates = Array.from({ length: 6 + Math.floor(random() * 5) }, () => ({
    x: random() * 1000,
    y: random() * 1000,
  }));
  return {
    demand: points.map((point) => point.people),
    reach: candidates.map((candidate) =>
      points.flatMap((point, index) => {
        const meters = Math.hypot(point.x - candidate.x, point.y - candidate.y);
        return meters <= 400 ? [{ point: index, minutes: meters / 60 }] : [];
      }),
    ),
    count,
    capacity,
    timeBudgetMs,
  };
}

/** The best total over every set of `count` candidates, by the same rule of who is covered. */
function exhaustive(instance: CoveringInstance): number {
  const n = instance.reach.length;
  let best = 0;
  const visit = (start: number, chosen: number[]) => {
    if (chosen.length === Math.min(instance.count, n)) {
      best = Math.max(best, coveredBy(instance, chosen).total);
      return;
    }
    for (let candidate = start; candidate < n; candidate++) visit(candidate + 1, [...chosen, candidate]);
  };
  visit(0, []);
  return best;
}

describe('maximal covering location: exact and heuristic against exhaustive search', () => {
  const seeds = Array.from({ length: 24 }, (_, index) => 1000 + index);

  test('the MILP optimum equals the exhaustive optimum on 24 random instances, count 1–3', async () => {
    for (const seed of seeds) {
      const count = 1 + (seed % 3);
      const instance = randomInstance(seed, count, null, 10_000);
      const solution = await solveCovering(instance);
      expect(solution.method).toBe('EXACT');
      expect(solution.total).toBe(exhaustive(instance));
      expect(solution.optimalityGap).toBe(0);
      expect(solution.marginalGains.reduce((a, b) => a + b, 0)).toBe(solution.total);
      expect(coveredBy(instance, solution.chosen).total).toBe(solution.total);
    }
  });

  test('capacity-aware (nearest first): a proven optimum is the exhaustive one; otherwise the bound holds it', async () => {
    for (const seed of seeds) {
      const instance = randomInstance(seed, 1 + (seed % 3), 40, 10_000);
      const solution = await solveCovering(instance);
      const optimum = exhaustive(instance);
      if (solution.method === 'EXACT') expect(solution.total).toBe(optimum);
      expect(solution.total).toBeLessThanOrEqual(optimum);
      expect(solution.upperBound).toBeGreaterThanOrEqual(optimum);
      expect(solution.newlyCovered.reduce((a, b) => a + b, 0)).toBe(solution.total);
      expect(solution.newlyCovered.every((served) => served <= 40)).toBe(true);
    }
  });

  test('with no time for the exact solver the heuristic reports an honest gap to the LP bound', async () => {
    let someGap = false;
    for (const seed of seeds) {
      for (const capacity of [null, 40]) {
        const instance = randomInstance(seed, 1 + (seed % 3), capacity, 0);
        const solution = await solveCovering(instance);
        const optimum = exhaustive(instance);
        expect(solution.method).toBe('HEURISTIC');
        expect(solution.total).toBeLessThanOrEqual(optimum);
        expect(solution.upperBound).toBeGreaterThanOrEqual(optimum);
        expect(solution.optimalityGap).toBeCloseTo(
          solution.upperBound > 0 ? (solution.upperBound - solution.total) / solution.upperBound : 0,
          12,
        );
        if (solution.optimalityGap > 0) someGap = true;
      }
    }
    // The LP relaxation is not always tight: some instance shows a positive gap.
    expect(someGap).toBe(true);
  });

  test('the same instance gives the same sites (reproducible)', async () => {
    const instance = randomInstance(77, 3, null, 10_000);
    const first = await solveCovering(instance);
    const again = await solveCovering(instance);
    expect(again).toEqual(first);
    const heuristic = { ...instance, timeBudgetMs: 0 };
    expect(await solveCovering(heuristic)).toEqual(await solveCovering(heuristic));
  });
});
