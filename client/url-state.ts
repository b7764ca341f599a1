import {
  DEFAULT_WALKING_SPEED,
  isCircleMinutes,
  isWalkingSpeed,
  type CircleMinutes,
  type WalkingSpeed,
} from './circle';
import { isFacilityService, isFacilityType, type LngLat } from './domain';
import { isCareLevel, NO_FILTERS, type FacilityFilters, type NearFilter } from './filters';
import type { Lang } from './i18n/i18n';

/** Where the map looks. */
export interface MapPosition {
  lng: number;
  lat: number;
  zoom: number;
}

/**
 * Everything a shared link restores: map position, filters, selected facility, the 15-minute circle's
 * point and walking speed, the service-area layer, language and elder mode.
 */
export interface UrlState {
  position: MapPosition | null;
  /** The place search typed (q): where a journey starts, never a filter. */
  query: string;
  filters: FacilityFilters;
  selectedId: string | null;
  lang: Lang;
  elder: boolean;
  /** Where the 15-minute circle starts; null: no circle. */
  circle: LngLat | null;
  /** The name of the place the circle starts from, when it starts from a named place. */
  startName: string | null;
  walkingSpeed: WalkingSpeed;
  /** Time limit of every facility's service area drawn on the map; null: the layer is off. */
  serviceAreaMinutes: CircleMinutes | null;
  /** Facilities chosen to compare (at most three), in the order chosen. */
  compare: string[];
  /** Whether the compare view is shown. */
  comparing: boolean;
}

/** The state of a link without parameters. */
export const DEFAULT_URL_STATE: UrlState = {
  position: null,
  query: '',
  filters: NO_FILTERS,
  selectedId: null,
  lang: 'zh',
  elder: false,
  circle: null,
  startName: null,
  walkingSpeed: DEFAULT_WALKING_SPEED,
  serviceAreaMinutes: null,
  compare: [],
  comparing: false,
};

const finite = (text: string) => (text.trim() === '' ? Number.NaN : Number(text));

function parsePosition(value: string | null): MapPosition | null {
  const parts = (value ?? '').split('/').map(finite);
  if (parts.length !== 3 || parts.some((n) => !Number.isFinite(n))) return null;
  const [zoom, lat, lng] = parts;
  if (zoom < 0 || zoom > 22 || Math.abs(lat) > 85 || Math.abs(lng) > 180) return null;
  return { lng, lat, zoom };
}

function parseNear(value: string | null): NearFilter | null {
  const parts = (value ?? '').split(',').map(finite);
  if (parts.length !== 3 || parts.some((n) => !Number.isFinite(n))) return null;
  const [lng, lat, radiusMeters] = parts;
  if (Math.abs(lng) > 180 || Math.abs(lat) > 90 || radiusMeters <= 0 || radiusMeters > 50_000) return null;
  return { lng, lat, radiusMeters };
}

function parsePoint(value: string | null): LngLat | null {
  const parts = (value ?? '').split(',').map(finite);
  if (parts.length !== 2 || parts.some((n) => !Number.isFinite(n))) return null;
  const [lng, lat] = parts;
  return Math.abs(lng) > 180 || Math.abs(lat) > 90 ? null : { lng, lat };
}

const FACILITY_ID = /^[1-9][0-9]{0,9}$/;

const list = (value: string | null) => (value ?? '').split(',').filter(Boolean);

/** Reads the state of a link; values that make no sense are dropped rather than failing the page. */
export function parseUrlState(search: string): UrlState {
  const params = new URLSearchParams(search);
  const fee = finite(params.get('fee') ?? '');
  const speed = finite(params.get('speed') ?? '');
  const areas = finite(params.get('areas') ?? '');
  const compare = [...new Set(list(params.get('compare')).filter((id) => FACILITY_ID.test(id)))].slice(0, 3);
  return {
    position: parsePosition(params.get('map')),
    query: (params.get('q') ?? '').slice(0, 100),
    filters: {
      types: list(params.get('types')).filter(isFacilityType),
      hasVacancy: params.get('vacancy') === '1',
      services: list(params.get('services')).filter(isFacilityService),
      maxMonthlyFee: Number.isInteger(fee) && fee >= 0 ? fee : null,
      careLevel: isCareLevel(params.get('level') ?? '')
        ? (params.get('level') as FacilityFilters['careLevel'])
        : null,
      near: parseNear(params.get('near')),
    },
    selectedId: FACILITY_ID.test(params.get('facility') ?? '') ? params.get('facility') : null,
    lang: params.get('lang') === 'en' ? 'en' : 'zh',
    elder: params.get('uiStyle') === 'elder',
    circle: parsePoint(params.get('circle')),
    startName: params.get('circle') && params.get('from') ? params.get('from')!.slice(0, 100) : null,
    walkingSpeed: isWalkingSpeed(speed) ? speed : DEFAULT_WALKING_SPEED,
    serviceAreaMinutes: isCircleMinutes(areas) ? areas : null,
    compare,
    comparing: compare.length > 0 && params.get('view') === 'compare',
  };
}

const round = (value: number, decimals: number) => String(Number(value.toFixed(decimals)));

/** The query string (with its `?`, or empty) that restores a state; defaults are left out. */
export function formatUrlState(state: UrlState): string {
  const params = new URLSearchParams();
  const { position, filters } = state;
  if (position) {
    params.set('map', `${round(position.zoom, 2)}/${round(position.lat, 6)}/${round(position.lng, 6)}`);
  }
  if (state.query.trim()) params.set('q', state.query.trim());
  if (filters.types.length) params.set('types', filters.types.join(','));
  if (filters.hasVacancy) params.set('vacancy', '1');
  if (filters.services.length) params.set('services', filters.services.join(','));
  if (filters.maxMonthlyFee !== null) params.set('fee', String(filters.maxMonthlyFee));
  if (filters.careLevel) params.set('level', filters.careLevel);
  if (filters.near) {
    const { lng, lat, radiusMeters } = filters.near;
    params.set('near', `${round(lng, 6)},${round(lat, 6)},${radiusMeters}`);
  }
  if (state.circle) params.set('circle', `${round(state.circle.lng, 6)},${round(state.circle.lat, 6)}`);
  if (state.circle && state.startName) params.set('from', state.startName);
  if (state.walkingSpeed !== DEFAULT_WALKING_SPEED) params.set('speed', String(state.walkingSpeed));
  if (state.serviceAreaMinutes !== null) params.set('areas', String(state.serviceAreaMinutes));
  if (state.compare.length) params.set('compare', state.compare.join(','));
  if (state.compare.length && state.comparing) params.set('view', 'compare');
  if (state.selectedId) params.set('facility', state.selectedId);
  if (state.lang !== 'zh') params.set('lang', state.lang);
  if (state.elder) params.set('uiStyle', 'elder');
  const query = params.toString().replaceAll('%2F', '/').replaceAll('%2C', ',');
  return query ? `?${query}` : '';
}
