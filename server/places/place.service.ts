import type { EntityManager } from '@mikro-orm/sql';
import { romanize } from '../facilities/english-name';
import { buildSearchText, normalizeSearch, queryGrams } from '../facilities/search-text';
import { badUserInput } from '../kernel/errors';
import { PlaceKind, type PlaceCandidate, type PlaceRecord } from './place.record';
import { PlaceRepository } from './place.repository';

/** Longest accepted place search, in characters. */
export const MAX_PLACE_TEXT_LENGTH = 100;
/** Places answered when `first` is not given, and at most. */
export const DEFAULT_PLACES = 10;
export const MAX_PLACES = 50;
/** Candidates read per table before ranking: more than any answer holds, few enough to rank in memory. */
const CANDIDATES_PER_TABLE = 200;

/** Where a kind of place comes in among equally good matches: what people start from most often first. */
const KIND_ORDER: Record<PlaceKind, number> = {
  FACILITY: 0,
  REGION: 0,
  COMPOUND: 1,
  ROAD: 1,
  LANDMARK: 2,
  BUILDING: 3,
  ADDRESS: 3,
};

/**
 * How well a search text matches a query, best 0: a field equal to it (the name, its pinyin or initials),
 * the name starting with it, the name holding it, a field starting with it (pinyin typed so far), else held
 * anywhere (address, a syllable inside the pinyin).
 */
export function matchScore(searchText: string, query: string): number {
  const fields = searchText.split('|');
  const name = fields[0] ?? '';
  if (fields.includes(query)) return 0;
  if (name.startsWith(query)) return 1;
  if (name.includes(query)) return 2;
  if (fields.some((field) => field.startsWith(query))) return 3;
  return 4;
}

/** Rules of the place search: checks the question, ranks what the repository finds. */
export class PlaceService {
  private readonly places: PlaceRepository;

  constructor(em: EntityManager) {
    this.places = new PlaceRepository(em);
  }

  /** Places matching a text, best first: facilities, regions, roads, 小区, landmarks, buildings, addresses. */
  async search(text: string, first?: number | null): Promise<PlaceRecord[]> {
    if ([...text].length > MAX_PLACE_TEXT_LENGTH) {
      throw badUserInput(`text is longer than ${MAX_PLACE_TEXT_LENGTH} characters`, 'text');
    }
    const limit = first ?? DEFAULT_PLACES;
    if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PLACES) {
      throw badUserInput(`first must be between 1 and ${MAX_PLACES}, got ${limit}`, 'first');
    }
    const normalized = normalizeSearch(text);
    if (!normalized) throw badUserInput('text must hold at least one letter, digit or character', 'text');
    const [found, regions] = await Promise.all([
      this.places.candidates({ normalized, grams: queryGrams(normalized) }, CANDIDATES_PER_TABLE),
      this.places.regionCandidates(),
    ]);
    const regionMatches: PlaceCandidate[] = regions
      .map((region) => ({ ...region, searchText: buildSearchText({ name: region.name }) }))
      .filter((region) => region.searchText.includes(normalized));
    const ranked = [...found, ...regionMatches]
      .map((candidate) => ({ candidate, score: matchScore(candidate.searchText, normalized) }))
      .sort(
        (a, b) =>
          a.score - b.score ||
          KIND_ORDER[a.candidate.kind] - KIND_ORDER[b.candidate.kind] ||
          [...a.candidate.name].length - [...b.candidate.name].length ||
          (a.candidate.name < b.candidate.name ? -1 : a.candidate.name > b.candidate.name ? 1 : 0) ||
          (a.candidate.id < b.candidate.id ? -1 : 1),
      )
      .slice(0, limit)
      .map(({ candidate }) => candidate);
    const regionsAt = await this.places.regionsAt(
      ranked.map(({ location }) => ({ lng: location.coordinates[0], lat: location.coordinates[1] })),
    );
    return ranked.map(({ searchText: _, ...place }, index) => ({
      ...place,
      nameEn: place.nameEn ?? romanize(place.name),
      addressEn: romanize(place.address),
      regionCode:
        place.kind === 'REGION' ? place.id.slice('region:'.length) : (regionsAt[index]?.code ?? null),
      regionName: place.kind === 'REGION' ? place.name : (regionsAt[index]?.name ?? null),
    }));
  }
}
