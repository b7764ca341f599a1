import type { NeedWeight, TravelMode } from '../api/generated/graphql';
import { isFacilityType, type FacilityType } from '../domain';
import type { Lang } from '../i18n/i18n';

/** The city whose districts the planner works on (杭州市). */
export const PLANNER_CITY = '330100';
/** The district the page opens with (杭州上城区). */
export const DEFAULT_REGION = '330102';

/** Named sets of facility types, with the time limit of the target each belongs to. */
export const PRESETS = {
  /** 15分钟康养服务圈: street centres and community stations (seed 001). */
  communityCare: { types: ['STREET_CARE_CENTER', 'COMMUNITY_CARE_STATION'], minutes: 15 },
  /** 助餐: meal points (seed 001). */
  meal: { types: ['MEAL_POINT'], minutes: 15 },
  /**
   * The 20分钟医养服务圈 rule (seed 002, named by its rule, not by the city that wrote it): the care group and the medical group of the indicator
   * ELDERLY_WITHIN_20_MIN_MEDICAL_AND_CARE, sent as one list because the API takes a single type list.
   */
  medicalAndCare: {
    types: [
      'NURSING_HOME',
      'NURSING_HOSPITAL',
      'STREET_CARE_CENTER',
      'COMMUNITY_CARE_STATION',
      'HOSPITAL',
      'PRIMARY_CARE',
    ],
    minutes: 20,
  },
} as const satisfies Record<string, { types: readonly FacilityType[]; minutes: number }>;
export type PresetId = keyof typeof PRESETS;
export const PRESET_IDS = Object.keys(PRESETS) as PresetId[];

/** Walking speeds offered, in metres per minute (60 is the planning guidance; older people walk slower). */
export const SPEEDS = [40, 50, 60, 70] as const;
/** Walking speed of planning guidance, and the one the API's walking service areas use. */
export const GUIDANCE_SPEED = 60;

/**
 * The fastest a mode's service areas spread, in metres per minute: each mode's usual speed in the API
 * (schema enum TravelMode), and for DRIVE its fastest road class (60 km/h; a mapped speed limit can be
 * higher, so a very distant facility may be left out). Facilities farther than minutes × this from a
 * region cannot reach into it.
 */
export const AREA_SPEEDS: Readonly<Record<TravelMode, number>> = {
  WALK: GUIDANCE_SPEED,
  ELDERLY_WALK: 48,
  WHEELCHAIR: 50,
  BICYCLE: 250,
  EBIKE: 1000 / 3,
  DRIVE: 1000,
};

/** How far around a region the facilities whose service areas may reach into it lie, in metres. */
export function serviceAreaReachMeters(settings: Pick<AnalysisSettings, 'mode' | 'minutes'>): number {
  return settings.minutes * AREA_SPEEDS[settings.mode];
}

/** How people travel (schema enum TravelMode), in the order the form offers them. */
export const TRAVEL_MODES: readonly TravelMode[] = [
  'WALK',
  'ELDERLY_WALK',
  'WHEELCHAIR',
  'BICYCLE',
  'EBIKE',
  'DRIVE',
];

/** Which people in need a need-weighted question counts (schema enum NeedWeight), in the order offered. */
export const NEED_WEIGHTS: readonly NeedWeight[] = [
  'DISABLED',
  'MODERATELY_OR_SEVERELY_DISABLED',
  'SEVERELY_DISABLED',
  'DEMENTIA',
  'LIVING_ALONE',
];

const isTravelMode = (value: string | null): value is TravelMode =>
  (TRAVEL_MODES as readonly (string | null)[]).includes(value);
const isNeedWeight = (value: string | null): value is NeedWeight =>
  (NEED_WEIGHTS as readonly (string | null)[]).includes(value);

/** One coverage and gap question. */
export interface AnalysisSettings {
  regionCode: string;
  types: FacilityType[];
  minutes: number;
  basket: boolean;
  capacityAware: boolean;
  /** Walking speed: it applies to WALK only (usesWalkingSpeed); other modes travel at their own. */
  speedMetersPerMinute: number;
  mode: TravelMode;
}

/** Everything the planner page's address restores. */
export interface PlannerState {
  settings: AnalysisSettings;
  lang: Lang;
  /** Indicator shown as a choropleth, or null for none. */
  choropleth: string | null;
  /** People in need weighed in the need-weighted coverage section, or null until one is chosen. */
  needWeight: NeedWeight | null;
}

/** Whether the walking-speed setting applies to a mode: WALK only; the others have their own speed. */
export function usesWalkingSpeed(mode: TravelMode): boolean {
  return mode === 'WALK';
}

/** The speed a question sends to the API: the walking speed for WALK, none (the mode's own) otherwise. */
export function speedOf(settings: Pick<AnalysisSettings, 'mode' | 'speedMetersPerMinute'>): number | null {
  return usesWalkingSpeed(settings.mode) ? settings.speedMetersPerMinute : null;
}

/** The question the page opens with: community care within 15 minutes in 上城区 at 60 m/min. */
export const DEFAULT_SETTINGS: AnalysisSettings = {
  regionCode: DEFAULT_REGION,
  types: [...PRESETS.communityCare.types],
  minutes: PRESETS.communityCare.minutes,
  basket: false,
  capacityAware: false,
  speedMetersPerMinute: GUIDANCE_SPEED,
  mode: 'WALK',
};

/** The preset whose types these are (in any order), or null for a custom choice. */
export function presetOf(types: readonly FacilityType[]): PresetId | null {
  const chosen = [...new Set(types)].sort().join(',');
  return PRESET_IDS.find((id) => [...PRESETS[id].types].sort().join(',') === chosen) ?? null;
}

/** Settings with a preset's types and time limit. */
export function withPreset(settings: AnalysisSettings, preset: PresetId): AnalysisSettings {
  return { ...settings, types: [...PRESETS[preset].types], minutes: PRESETS[preset].minutes };
}

const DISTRICT_CODE = /^[1-9][0-9]{5}$/;

function numberIn(text: string | null, min: number, max: number, integer: boolean): number | null {
  if (text === null || text.trim() === '') return null;
  const value = Number(text);
  if (!Number.isFinite(value) || value < min || value > max) return null;
  return integer && !Number.isInteger(value) ? null : value;
}

/** Reads the page's address; values that make no sense fall back to the defaults. */
export function parsePlannerState(search: string): PlannerState {
  const params = new URLSearchParams(search);
  const region = params.get('region') ?? '';
  const types = (params.get('types') ?? '').split(',').filter(isFacilityType);
  const mode = params.get('mode');
  const need = params.get('need');
  return {
    settings: {
      regionCode: DISTRICT_CODE.test(region) ? region : DEFAULT_SETTINGS.regionCode,
      types: types.length ? [...new Set(types)] : DEFAULT_SETTINGS.types,
      minutes: numberIn(params.get('minutes'), 1, 60, true) ?? DEFAULT_SETTINGS.minutes,
      basket: params.get('basket') === '1',
      capacityAware: params.get('capacity') === '1',
      speedMetersPerMinute:
        numberIn(params.get('speed'), 1, 150, false) ?? DEFAULT_SETTINGS.speedMetersPerMinute,
      mode: isTravelMode(mode) ? mode : DEFAULT_SETTINGS.mode,
    },
    lang: params.get('lang') === 'en' ? 'en' : 'zh',
    choropleth: /^[A-Z0-9_]{1,60}$/.test(params.get('indicator') ?? '') ? params.get('indicator') : null,
    needWeight: isNeedWeight(need) ? need : null,
  };
}

/** The query string (with its `?`) that restores a state; the planner page and the report share it. */
export function formatPlannerState(state: PlannerState): string {
  const { settings } = state;
  const params = new URLSearchParams({
    region: settings.regionCode,
    types: settings.types.join(','),
    minutes: String(settings.minutes),
    speed: String(settings.speedMetersPerMinute),
  });
  if (settings.mode !== DEFAULT_SETTINGS.mode) params.set('mode', settings.mode);
  if (settings.basket) params.set('basket', '1');
  if (settings.capacityAware) params.set('capacity', '1');
  if (state.lang === 'en') params.set('lang', 'en');
  if (state.choropleth) params.set('indicator', state.choropleth);
  if (state.needWeight) params.set('need', state.needWeight);
  return `?${params.toString().replaceAll('%2C', ',')}`;
}
