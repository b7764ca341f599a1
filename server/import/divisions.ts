import { readFile } from 'node:fs/promises';
import { RegionLevel } from '../regions/region-level';
import type { CensusDistrict } from './census';
import { allocateLargestRemainder } from './population/largest-remainder';

/** The cities of the policy documents (seeds/): 杭州, 温州, 嘉兴, 枣庄, by their 4-digit prefix. */
export const DIVISION_CITIES = ['3301', '3303', '3304', '3704'] as const;

/** The 2020 census counted on 1 November 2020: re-divisions in force after that day move its counts. */
export const CENSUS_2020_DAY = '2020-11-01';

/** One division of the shipped extract (data/divisions/divisions.csv). */
export interface DivisionRow {
  code: string;
  name: string;
  parentCode: string | null;
}

/**
 * A re-division: all or part of `predecessorCode` went to `successorCode` on `effectiveOn`. `transferred`
 * names today's 9-digit street/town codes that came over, or is `'*'` when the whole predecessor did.
 */
export interface Succession {
  predecessorCode: string;
  predecessorName: string;
  parentCode: string;
  successorCode: string;
  effectiveOn: string;
  transferred: '*' | readonly string[];
  basis: string;
}

/** The level a division code stands for: 2+4 zeros a province, 4+2 zeros a city, 6 digits a county, 9 a street, 12 a community. */
export function levelOfCode(code: string): RegionLevel {
  if (code.length === 12) return RegionLevel.COMMUNITY;
  if (code.length === 9) return RegionLevel.STREET;
  if (code.endsWith('0000')) return RegionLevel.PROVINCE;
  if (code.endsWith('00')) return RegionLevel.CITY;
  return RegionLevel.DISTRICT;
}

/**
 * The usual short name of a village-level committee: "…社区居委会" → "…社区", "…村村委会" or "…村民委员会"
 * → "…村", "…村委会" → "…村"; other names (…居委会 without 社区, 生活区) stay as the statistics office
 * writes them.
 */
export function communityName(name: string): string {
  if (/社区(居委会|居民委员会)$/.test(name)) return name.replace(/(居委会|居民委员会)$/, '');
  if (/村民委员会$/.test(name)) return name.replace(/村?民委员会$/, '').replace(/(?<!村)$/, '村');
  if (/村委会$/.test(name)) return name.replace(/村?委会$/, '').replace(/(?<!村)$/, '村');
  return name;
}

const HEADER = 'code,name,parent_code';

/** The extract as CSV text (names never hold commas or quotes; checked). */
export function formatDivisionCsv(rows: readonly DivisionRow[]): string {
  for (const row of rows) {
    if (/[",\n]/.test(row.name)) throw new Error(`division ${row.code} has a name CSV would need to quote`);
  }
  return [HEADER, ...rows.map((row) => `${row.code},${row.name},${row.parentCode ?? ''}`)].join('\n') + '\n';
}

/** Parses the shipped extract; throws on a malformed line. */
export function parseDivisionCsv(text: string, source = 'divisions CSV'): DivisionRow[] {
  const [header, ...lines] = text.split(/\r?\n/).filter((line) => line !== '');
  if (header !== HEADER) throw new Error(`${source}: the header must be "${HEADER}"`);
  return lines.map((line, index) => {
    const [code, name, parentCode, extra] = line.split(',');
    if (extra !== undefined || !/^\d{6}(\d{3}(\d{3})?)?$/.test(code ?? '') || !name) {
      throw new Error(`${source} line ${index + 2}: "${line.slice(0, 60)}" is not code,name,parent_code`);
    }
    return { code, name, parentCode: parentCode || null };
  });
}

const SUCCESSION_HEADER =
  'predecessor_code,predecessor_name,parent_code,successor_code,effective_on,transferred,basis';

/** Parses data/divisions/successions.csv (the basis, last, may hold commas). */
export function parseSuccessionCsv(text: string, source = 'successions CSV'): Succession[] {
  const [header, ...lines] = text.split(/\r?\n/).filter((line) => line !== '');
  if (header !== SUCCESSION_HEADER) throw new Error(`${source}: the header must be "${SUCCESSION_HEADER}"`);
  return lines.map((line, index) => {
    const cells = line.split(',');
    const [predecessorCode, predecessorName, parentCode, successorCode, effectiveOn, transferred] = cells;
    const basis = cells.slice(6).join(',');
    const codes = transferred === '*' ? '*' : (transferred ?? '').split(' ');
    if (
      !/^\d{6}$/.test(predecessorCode) ||
      !/^\d{6}$/.test(successorCode) ||
      !/^\d{4}-\d{2}-\d{2}$/.test(effectiveOn ?? '') ||
      (codes !== '*' && codes.some((code) => !/^\d{9}$/.test(code))) ||
      !basis
    ) {
      throw new Error(`${source} line ${index + 2} is not a succession: "${line.slice(0, 80)}"`);
    }
    return {
      predecessorCode,
      predecessorName,
      parentCode,
      successorCode,
      effectiveOn,
      transferred: codes,
      basis,
    };
  });
}

/** Reads the shipped extract and its successions. */
export async function readDivisions(
  divisionsPath: string,
  successionsPath: string,
): Promise<{ divisions: DivisionRow[]; successions: Succession[] }> {
  const [divisions, successions] = await Promise.all([
    readFile(divisionsPath, 'utf8').then((text) => parseDivisionCsv(text, divisionsPath)),
    readFile(successionsPath, 'utf8').then((text) => parseSuccessionCsv(text, successionsPath)),
  ]);
  return { divisions, successions };
}

/** Census counts that can be carried: total population and the three nested age groups. */
export type CensusCounts = Pick<CensusDistrict, 'popTotal' | 'age60plus' | 'age65plus' | 'age80plus'>;

/** A share of a predecessor's census counts that lands on a region of today. */
export interface CarriedPart {
  fromCode: string;
  fromName: string;
  communities: number;
  ofCommunities: number;
  counts: CensusCounts;
}

/** Census counts of a region of today and the parts they were carried from. */
export interface CarriedCensus {
  code: string;
  counts: CensusCounts;
  /** The 2020 districts the counts come from (the region's own row alone when it is unchanged). */
  parts: CarriedPart[];
}

/** Communities (12-digit codes) under each street of the extract. */
function communitiesByStreet(divisions: readonly DivisionRow[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const row of divisions) {
    if (row.code.length === 12 && row.parentCode)
      counts.set(row.parentCode, (counts.get(row.parentCode) ?? 0) + 1);
  }
  return counts;
}

function splitCounts(counts: CensusCounts, weights: number[]): CensusCounts[] {
  const a80 = allocateLargestRemainder(counts.age80plus, weights);
  const a65to79 = allocateLargestRemainder(counts.age65plus - counts.age80plus, weights);
  const a60to64 = allocateLargestRemainder(counts.age60plus - counts.age65plus, weights);
  const total = allocateLargestRemainder(counts.popTotal, weights);
  return weights.map((_, i) => ({
    popTotal: total[i],
    age80plus: a80[i],
    age65plus: a80[i] + a65to79[i],
    age60plus: a80[i] + a65to79[i] + a60to64[i],
  }));
}

/**
 * Carries 2020 census counts of districts onto today's districts (the documented rule, README "Regions"):
 * a district re-divided after census day gives each region that took part of it a share of each count in
 * proportion to the communities (社区/村, today's codes) of the streets it took; a district that went whole
 * gives all. Shares are whole people by the largest-remainder method (80+, 65–79, 60–64 apart), so today's
 * districts sum exactly to the 2020 districts they came from. Districts untouched keep their own row.
 */
export function carryCensusForward(
  census: ReadonlyMap<string, CensusDistrict>,
  divisions: readonly DivisionRow[],
  successions: readonly Succession[],
): Map<string, CarriedCensus> {
  const today = new Set(divisions.map((row) => row.code));
  const communities = communitiesByStreet(divisions);
  const streetsOf = (district: string) =>
    divisions.filter((row) => row.code.length === 9 && row.parentCode === district).map((row) => row.code);
  const communitiesIn = (streets: readonly string[]) =>
    streets.reduce((sum, street) => sum + (communities.get(street) ?? 0), 0);
  const after = successions.filter((s) => s.effectiveOn > CENSUS_2020_DAY);
  const moved = new Set(after.map((s) => s.predecessorCode));

  const carried = new Map<string, CarriedCensus>();
  const add = (code: string, counts: CensusCounts, part: CarriedPart) => {
    const entry = carried.get(code) ?? {
      code,
      counts: { popTotal: 0, age60plus: 0, age65plus: 0, age80plus: 0 },
      parts: [],
    };
    for (const key of ['popTotal', 'age60plus', 'age65plus', 'age80plus'] as const)
      entry.counts[key] += counts[key];
    entry.parts.push(part);
    carried.set(code, entry);
  };

  for (const row of census.values()) {
    if (levelOfCode(row.code) !== RegionLevel.DISTRICT) continue;
    if (!moved.has(row.code)) {
      if (today.has(row.code))
        add(row.code, row, {
          fromCode: row.code,
          fromName: row.name,
          communities: 1,
          ofCommunities: 1,
          counts: row,
        });
      continue;
    }
    const outgoing = after.filter((s) => s.predecessorCode === row.code);
    const targets = outgoing.map((s) => ({
      code: s.successorCode,
      communities: s.transferred === '*' ? 1 : communitiesIn(s.transferred),
    }));
    if (outgoing.some((s) => s.transferred === '*')) {
      if (outgoing.length > 1) throw new Error(`${row.code} went whole to more than one region`);
    } else if (today.has(row.code)) {
      targets.push({ code: row.code, communities: communitiesIn(streetsOf(row.code)) });
    }
    const ofCommunities = targets.reduce((sum, target) => sum + target.communities, 0);
    const shares = splitCounts(
      row,
      targets.map((target) => target.communities),
    );
    targets.forEach((target, i) =>
      add(target.code, shares[i], {
        fromCode: row.code,
        fromName: row.name,
        communities: target.communities,
        ofCommunities,
        counts: shares[i],
      }),
    );
  }
  return carried;
}

/** What the source text of carried counts says: which 2020 districts, in what share. */
export function carriedSourceText(entry: CarriedCensus, censusSource: string): string {
  const [only] = entry.parts;
  if (entry.parts.length === 1 && only.fromCode === entry.code && only.communities === only.ofCommunities)
    return censusSource;
  const parts = entry.parts.map((part) =>
    part.communities === part.ofCommunities
      ? `all of ${part.fromName} ${part.fromCode}`
      : `${part.communities}/${part.ofCommunities} of ${part.fromName} ${part.fromCode} (share of its communities now here)`,
  );
  return `${censusSource}; 2020 districts carried to today's: ${parts.join(' + ')}`;
}
