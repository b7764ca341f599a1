import loadHighs from 'highs';

/** A demand point a candidate reaches, and in how many minutes. */
export interface CandidateReach {
  readonly point: number;
  readonly minutes: number;
}

/**
 * A maximal covering location problem: demand[i] people at point i (not covered today); per candidate
 * the points it reaches within the limit; choose `count` candidates. With a capacity, each chosen
 * site serves at most that many people, nearest first (NEAREST_FIRST_RULE).
 */
export interface CoveringInstance {
  readonly demand: readonly number[];
  readonly reach: readonly (readonly CandidateReach[])[];
  readonly count: number;
  readonly capacity: number | null;
  /** Time the exact solver may take; 0 skips it (heuristic only). */
  readonly timeBudgetMs: number;
}

/** How the answer was found. */
export const SolveMethod = {
  /** The MILP solver proved the choice optimal. */
  EXACT: 'EXACT',
  /** Greedy then pairwise interchange, with the gap to the LP relaxation's bound. */
  HEURISTIC: 'HEURISTIC',
} as const;
export type SolveMethod = (typeof SolveMethod)[keyof typeof SolveMethod];

/** The chosen candidates in rank order, with what each adds. */
export interface CoveringSolution {
  /** Candidate indexes, rank order: each has the largest marginal gain given those before it. */
  readonly chosen: readonly number[];
  /** People each chosen site adds, in rank order (they sum to total). */
  readonly marginalGains: readonly number[];
  /** People each chosen site serves in the final choice (capacity: its allocation; else everyone it reaches not covered today). */
  readonly newlyCovered: readonly number[];
  readonly total: number;
  /** A proven upper bound on the best total (equals total when exact). */
  readonly upperBound: number;
  /** (upperBound − total) / upperBound; 0 when proven optimal or nothing can be covered. */
  readonly optimalityGap: number;
  readonly method: SolveMethod;
}

/** The allocation rule of the capacity-aware variant, as the API states it. */
export const NEAREST_FIRST_RULE =
  'Each new site serves at most its capacity. Of all (small area, site with places left) pairs within the time limit, the pair with the ' +
  'shortest travel time is served first, as many people as the site has places left; ties go to the lower small-area key, then the ' +
  'earlier candidate. This is the rule of capacity-aware coverage.';

/** People covered by a set of candidates: everyone reached, or, with a capacity, the nearest-first allocation. */
export function coveredBy(
  instance: CoveringInstance,
  chosen: readonly number[],
): { total: number; perSite: number[] } {
  if (instance.capacity === null) {
    const seen = new Set<number>();
    const perSite = chosen.map((candidate) => {
      let sum = 0;
      for (const { point } of instance.reach[candidate]) {
        if (seen.has(point)) continue;
        seen.add(point);
        sum += instance.demand[point];
      }
      return sum;
    });
    // perSite here is marginal in the given order; each site's own reach is what it newly covers.
    const own = chosen.map((candidate) =>
      instance.reach[candidate].reduce((sum, { point }) => sum + instance.demand[point], 0),
    );
    return { total: perSite.reduce((a, b) => a + b, 0), perSite: own };
  }
  const pairs: [minutes: number, point: number, position: number][] = [];
  chosen.forEach((candidate, position) => {
    for (const { point, minutes } of instance.reach[candidate]) pairs.push([minutes, point, position]);
  });
  pairs.sort((a, b) => a[0] - b[0] || a[1] - b[1] || chosen[a[2]] - chosen[b[2]]);
  const left = chosen.map(() => instance.capacity!);
  const unserved = new Map<number, number>();
  for (const [, point, position] of pairs) {
    const waiting = unserved.get(point) ?? instance.demand[point];
    const given = Math.min(waiting, left[position]);
    unserved.set(point, waiting - given);
    left[position] -= given;
  }
  const perSite = left.map((places) => instance.capacity! - places);
  return { total: perSite.reduce((a, b) => a + b, 0), perSite };
}

const valueOf = (instance: CoveringInstance, chosen: readonly number[]) => coveredBy(instance, chosen).total;

/** Candidates that reach someone, in index order. */
function usefulCandidates(instance: CoveringInstance): number[] {
  return instance.reach.flatMap((reach, candidate) =>
    reach.some(({ point }) => instance.demand[point] > 0) && (instance.capacity ?? 1) > 0 ? [candidate] : [],
  );
}

/** Greedy: repeatedly the candidate with the largest gain (the earlier one on a tie). */
function greedy(
  instance: CoveringInstance,
  pool: readonly number[],
  count: number,
  start: readonly number[] = [],
): number[] {
  const chosen = [...start];
  let value = valueOf(instance, chosen);
  while (chosen.length < count) {
    let best = -1;
    let bestValue = -1;
    for (const candidate of pool) {
      if (chosen.includes(candidate)) continue;
      const next = valueOf(instance, [...chosen, candidate]);
      if (next > bestValue) {
        best = candidate;
        bestValue = next;
      }
    }
    if (best < 0 || bestValue <= value) break;
    chosen.push(best);
    value = bestValue;
  }
  return chosen;
}

/** Pairwise interchange: swap a chosen site for another while that covers more (first improvement, fixed order). */
function interchange(
  instance: CoveringInstance,
  pool: readonly number[],
  start: readonly number[],
): number[] {
  const chosen = [...start];
  let value = valueOf(instance, chosen);
  for (let pass = 0; pass < 20; pass++) {
    let improved = false;
    for (let position = 0; position < chosen.length; position++) {
      for (const candidate of pool) {
        if (chosen.includes(candidate)) continue;
        const trial = chosen.map((site, index) => (index === position ? candidate : site));
        const trialValue = valueOf(instance, trial);
        if (trialValue > value) {
          chosen[position] = candidate;
          value = trialValue;
          improved = true;
        }
      }
    }
    if (!improved) break;
  }
  return chosen;
}

/** The chosen sites in rank order: each next has the largest marginal gain (the earlier candidate on a tie). */
function ranked(instance: CoveringInstance, chosen: readonly number[]): { order: number[]; gains: number[] } {
  const order: number[] = [];
  const gains: number[] = [];
  let value = 0;
  const rest = [...chosen].sort((a, b) => a - b);
  while (rest.length > 0) {
    let bestIndex = 0;
    let bestValue = -1;
    rest.forEach((candidate, index) => {
      const next = valueOf(instance, [...order, candidate]);
      if (next > bestValue) {
        bestIndex = index;
        bestValue = next;
      }
    });
    order.push(rest[bestIndex]);
    gains.push(bestValue - value);
    value = bestValue;
    rest.splice(bestIndex, 1);
  }
  return { order, gains };
}

/** The MILP in CPLEX LP format; with relaxed, its LP relaxation. */
export function coveringModel(
  instance: CoveringInstance,
  pool: readonly number[],
  count: number,
  relaxed: boolean,
): string {
  const lines: string[] = [];
  const terms = (items: string[]) => {
    const out: string[] = [];
    for (let k = 0; k < items.length; k += 8) out.push(` ${items.slice(k, k + 8).join(' + ')}`);
    return out.join('\n');
  };
  const bounds: string[] = [];
  const rows: string[] = [];
  const objective: string[] = [];
  const points = new Set<number>();
  for (const candidate of pool) for (const { point } of instance.reach[candidate]) points.add(point);
  if (instance.capacity === null) {
    const reachedBy = new Map<number, number[]>();
    for (const candidate of pool) {
      for (const { point } of instance.reach[candidate]) {
        if (instance.demand[point] <= 0) continue;
        reachedBy.set(point, [...(reachedBy.get(point) ?? []), candidate]);
      }
    }
    for (const [point, candidates] of [...reachedBy].sort((a, b) => a[0] - b[0])) {
      objective.push(`${instance.demand[point]} y${point}`);
      rows.push(` r${point}: y${point} - ${candidates.map((candidate) => `x${candidate}`).join(' - ')} <= 0`);
      bounds.push(` 0 <= y${point} <= 1`);
    }
  } else {
    const servedAt = new Map<number, string[]>();
    for (const candidate of pool) {
      const flows = instance.reach[candidate]
        .filter(({ point }) => instance.demand[point] > 0)
        .map(({ point }) => `z${candidate}_${point}`);
      for (const { point } of instance.reach[candidate]) {
        if (instance.demand[point] <= 0) continue;
        servedAt.set(point, [...(servedAt.get(point) ?? []), `z${candidate}_${point}`]);
        objective.push(`z${candidate}_${point}`);
      }
      if (flows.length) rows.push(` c${candidate}:${terms(flows)} - ${instance.capacity} x${candidate} <= 0`);
    }
    for (const [point, flows] of [...servedAt].sort((a, b) => a[0] - b[0])) {
      rows.push(` d${point}:${terms(flows)} <= ${instance.demand[point]}`);
    }
  }
  rows.push(` k:${terms(pool.map((candidate) => `x${candidate}`))} <= ${count}`);
  for (const candidate of pool) bounds.push(` 0 <= x${candidate} <= 1`);
  lines.push(
    'Maximize',
    ` obj:${terms(objective.length ? objective : ['0 x' + pool[0]])}`,
    'Subject To',
    ...rows,
    'Bounds',
    ...bounds,
  );
  if (!relaxed) lines.push('Binary', ...pool.map((candidate) => ` x${candidate}`));
  lines.push('End');
  return lines.join('\n');
}

/** Everyone any candidate reaches (and, with a capacity, no more than count sites can hold). */
function trivialBound(instance: CoveringInstance, pool: readonly number[], count: number): number {
  const points = new Set(pool.flatMap((candidate) => instance.reach[candidate].map(({ point }) => point)));
  const people = [...points].reduce((sum, point) => sum + instance.demand[point], 0);
  return instance.capacity === null ? people : Math.min(people, instance.capacity * count);
}

let solver: ReturnType<typeof loadHighs> | null = null;

/**
 * Solves the covering problem: exactly with HiGHS (branch and cut) within the time budget; beyond it,
 * greedy plus pairwise interchange, with the gap to the LP relaxation's bound. Deterministic: the same
 * instance gives the same answer (the heuristic and the LP bound do not depend on timing).
 */
export async function solveCovering(instance: CoveringInstance): Promise<CoveringSolution> {
  const pool = usefulCandidates(instance);
  const count = Math.min(instance.count, pool.length);
  if (count === 0) {
    return {
      chosen: [],
      marginalGains: [],
      newlyCovered: [],
      total: 0,
      upperBound: 0,
      optimalityGap: 0,
      method: SolveMethod.EXACT,
    };
  }
  solver ??= loadHighs();
  const highs = await solver;
  // A HiGHS abort leaves its WebAssembly instance unusable: the next question loads a fresh one.
  const solve = (model: string, options: Parameters<typeof highs.solve>[1]) => {
    try {
      return highs.solve(model, options);
    } catch {
      solver = null;
      return null;
    }
  };
  const finish = (chosen: readonly number[], upperBound: number, method: SolveMethod): CoveringSolution => {
    const { order, gains } = ranked(instance, chosen);
    const { total, perSite } = coveredBy(instance, order);
    const bound = Math.max(upperBound, total);
    return {
      chosen: order,
      marginalGains: gains,
      newlyCovered: perSite,
      total,
      upperBound: bound,
      optimalityGap: bound > 0 ? (bound - total) / bound : 0,
      method,
    };
  };
  if (instance.timeBudgetMs > 0) {
    const result = solve(coveringModel(instance, pool, count, false), {
      output_flag: false,
      time_limit: instance.timeBudgetMs / 1000,
      mip_rel_gap: 0,
      // Every objective value is a whole number of people: a bound less than 1 above the incumbent proves it.
      mip_abs_gap: 0.999,
      random_seed: 0,
    });
    if (result?.Status === 'Optimal') {
      const chosen = pool.filter((candidate) => (result.Columns[`x${candidate}`]?.Primal ?? 0) > 0.5);
      const value = valueOf(instance, chosen);
      // With capacities the MILP assigns people optimally; nearest first may serve fewer, so it is exact only when equal.
      if (value >= Math.floor(result.ObjectiveValue + 1e-6)) return finish(chosen, value, SolveMethod.EXACT);
      const heuristic = interchange(instance, pool, greedy(instance, pool, count));
      const better = valueOf(instance, heuristic) > value ? heuristic : chosen;
      return finish(better, Math.floor(result.ObjectiveValue + 1e-6), SolveMethod.HEURISTIC);
    }
  }
  const relaxation = solve(coveringModel(instance, pool, count, true), {
    output_flag: false,
    random_seed: 0,
  });
  const bound =
    relaxation?.Status === 'Optimal'
      ? Math.floor(relaxation.ObjectiveValue + 1e-6)
      : trivialBound(instance, pool, count);
  const chosen = interchange(instance, pool, greedy(instance, pool, count));
  return finish(chosen, bound, SolveMethod.HEURISTIC);
}
