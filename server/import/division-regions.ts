import type { MultiPolygon, Polygon } from 'geojson';
import { RegionLevel } from '../regions/region-level';
import type { DistrictBoundary } from './boundaries';
import type { CensusDistrict } from './census';
import {
  carriedSourceText,
  carryCensusForward,
  levelOfCode,
  type DivisionRow,
  type Succession,
} from './divisions';
import type { RegionRecord, SuccessionRecord } from './import.records';

/** Where the texts of the rows come from. */
export interface DivisionSources {
  divisions: string;
  boundaries: string;
  census: string;
}

/** Communities under each street, to weigh which successor took most of a district. */
function communityCounts(divisions: readonly DivisionRow[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const row of divisions) {
    if (row.code.length === 12 && row.parentCode)
      counts.set(row.parentCode, (counts.get(row.parentCode) ?? 0) + 1);
  }
  return counts;
}

/**
 * Today's district that a 2016 outline belongs to: its own code while that is in force, else the successor
 * that took it whole or took the most communities of it.
 */
function outlineOwner(
  code: string,
  today: ReadonlySet<string>,
  successions: readonly Succession[],
  communities: ReadonlyMap<string, number>,
): string | null {
  if (today.has(code)) return code;
  const outgoing = successions.filter((s) => s.predecessorCode === code);
  const weight = (s: Succession) =>
    s.transferred === '*'
      ? Infinity
      : s.transferred.reduce((sum, street) => sum + (communities.get(street) ?? 0), 0);
  const principal = [...outgoing].sort((a, b) => weight(b) - weight(a))[0];
  return principal && today.has(principal.successorCode) ? principal.successorCode : null;
}

/** Regions (today's and those ended by a re-division) and successions of the shipped divisions extract. */
export function regionsOfDivisions(input: {
  divisions: readonly DivisionRow[];
  successions: readonly Succession[];
  census: ReadonlyMap<string, CensusDistrict>;
  /** 2016 district outlines (echarts files), by their code of then. */
  outlines: readonly DistrictBoundary[];
  sources: DivisionSources;
}): { regions: RegionRecord[]; successions: SuccessionRecord[] } {
  const { divisions, successions, census, outlines, sources } = input;
  const today = new Set(divisions.map((row) => row.code));
  const names = new Map(divisions.map((row) => [row.code, row.name]));
  const communities = communityCounts(divisions);
  const carried = carryCensusForward(census, divisions, successions);

  const piecesOf = new Map<string, DistrictBoundary[]>();
  for (const outline of outlines) {
    const owner = outlineOwner(outline.code, today, successions, communities);
    if (owner) piecesOf.set(owner, [...(piecesOf.get(owner) ?? []), outline]);
  }
  /** Streets of a 2016 outline that lie elsewhere today. */
  const strayStreets = (outline: DistrictBoundary, owner: string) =>
    successions
      .filter((s) => s.predecessorCode === outline.code && s.successorCode !== owner)
      .map((s) => {
        const streets =
          s.transferred === '*' ? 'all of it' : s.transferred.map((c) => names.get(c) ?? c).join('、');
        return `${streets} (in ${names.get(s.successorCode) ?? s.successorCode} ${s.successorCode} since ${s.effectiveOn})`;
      });

  const boundaryOf = (code: string) => {
    const pieces = (piecesOf.get(code) ?? []).sort((a, b) =>
      a.code === code ? -1 : b.code === code ? 1 : 0,
    );
    if (pieces.length === 0)
      return { boundary: null, labelPoint: null, boundarySource: null, boundaryApproximate: false };
    const strays = pieces.flatMap((piece) => strayStreets(piece, code));
    const polygons = pieces.flatMap((piece) =>
      piece.boundary.type === 'Polygon' ? [piece.boundary.coordinates] : piece.boundary.coordinates,
    );
    const boundary: Polygon | MultiPolygon =
      pieces.length === 1 ? pieces[0].boundary : { type: 'MultiPolygon', coordinates: polygons };
    return {
      boundary,
      boundaryPieces: pieces.length,
      labelPoint: pieces[0].labelPoint,
      boundarySource: `${sources.boundaries}: 2016 outline of ${pieces.map((p) => `${p.name} ${p.code}`).join(' ∪ ')}${
        strays.length ? `; approximate, it also holds ${strays.join('; ')}` : ''
      }`,
      boundaryApproximate: strays.length > 0,
    };
  };

  const countsOf = (code: string) => {
    const level = levelOfCode(code);
    const entry = level === RegionLevel.DISTRICT ? carried.get(code) : undefined;
    const own = level === RegionLevel.PROVINCE || level === RegionLevel.CITY ? census.get(code) : undefined;
    const counts = entry?.counts ?? own ?? null;
    return {
      populationTotal: counts?.popTotal ?? null,
      age60plus: counts?.age60plus ?? null,
      age65plus: counts?.age65plus ?? null,
      age80plus: counts?.age80plus ?? null,
      populationSource: entry ? carriedSourceText(entry, sources.census) : own ? sources.census : null,
    };
  };

  const regions: RegionRecord[] = divisions.map((row) => ({
    code: row.code,
    name: row.name,
    level: levelOfCode(row.code),
    parentCode: row.parentCode,
    ...boundaryOf(row.code),
    ...countsOf(row.code),
    isSample: false,
    source: sources.divisions,
    validTo: null,
  }));

  const ended = new Map<string, Succession[]>();
  for (const s of successions) {
    if (!today.has(s.predecessorCode))
      ended.set(s.predecessorCode, [...(ended.get(s.predecessorCode) ?? []), s]);
  }
  for (const [code, outgoing] of ended) {
    const own = census.get(code);
    regions.push({
      code,
      name: outgoing[0].predecessorName,
      level: levelOfCode(code),
      parentCode: outgoing[0].parentCode,
      boundary: null,
      labelPoint: null,
      boundarySource: null,
      boundaryApproximate: false,
      populationTotal: own?.popTotal ?? null,
      age60plus: own?.age60plus ?? null,
      age65plus: own?.age65plus ?? null,
      age80plus: own?.age80plus ?? null,
      populationSource: own
        ? `${sources.census} (divisions of 2020; counted in ${outgoing.map((s) => `${names.get(s.successorCode)} ${s.successorCode}`).join(', ')} today)`
        : null,
      isSample: false,
      source: `${outgoing[0].basis}`,
      validTo: outgoing.map((s) => s.effectiveOn).sort()[0],
    });
  }

  return {
    regions,
    successions: successions.map((s) => ({
      predecessorCode: s.predecessorCode,
      successorCode: s.successorCode,
      effectiveOn: s.effectiveOn,
      transferred: s.transferred === '*' ? [] : [...s.transferred],
      basis: s.basis,
    })),
  };
}
