import { describe, expect, it } from 'vitest';
import { plannerMessages } from '../../../client/planner/i18n/messages';
import {
  DEFAULT_SETTINGS,
  formatPlannerState,
  parsePlannerState,
  AREA_SPEEDS,
  presetOf,
  PRESETS,
  serviceAreaReachMeters,
  speedOf,
  TRAVEL_MODES,
  usesWalkingSpeed,
  withPreset,
  type PlannerState,
} from '../../../client/planner/settings';

describe('the planner page’s address', () => {
  it('opens on 上城区 with community care within 15 minutes at 60 m/min', () => {
    expect(parsePlannerState('')).toEqual({
      settings: DEFAULT_SETTINGS,
      lang: 'zh',
      choropleth: null,
      needWeight: null,
    });
    expect(DEFAULT_SETTINGS).toMatchObject({
      regionCode: '330102',
      types: ['STREET_CARE_CENTER', 'COMMUNITY_CARE_STATION'],
      minutes: 15,
      speedMetersPerMinute: 60,
      mode: 'WALK',
    });
  });

  it('restores every setting it writes', () => {
    const state: PlannerState = {
      settings: {
        regionCode: '330103',
        types: ['MEAL_POINT', 'HOSPITAL'],
        minutes: 20,
        basket: true,
        capacityAware: true,
        speedMetersPerMinute: 45.5,
        mode: 'EBIKE',
      },
      lang: 'en',
      choropleth: 'NURSING_BED_SHARE',
      needWeight: 'DEMENTIA',
    };
    const search = formatPlannerState(state);
    expect(search).toBe(
      '?region=330103&types=MEAL_POINT,HOSPITAL&minutes=20&speed=45.5&mode=EBIKE&basket=1&capacity=1&lang=en&indicator=NURSING_BED_SHARE&need=DEMENTIA',
    );
    expect(parsePlannerState(search)).toEqual(state);
  });

  it('drops values that make no sense instead of failing', () => {
    const state = parsePlannerState(
      '?region=abc&types=NOPE,MEAL_POINT,MEAL_POINT&minutes=61&speed=0&indicator=<x>',
    );
    expect(state.settings.regionCode).toBe('330102');
    expect(state.settings.types).toEqual(['MEAL_POINT']);
    expect(state.settings.minutes).toBe(15);
    expect(state.settings.speedMetersPerMinute).toBe(60);
    expect(state.choropleth).toBeNull();
    expect(parsePlannerState('?minutes=7.5').settings.minutes).toBe(15);
    expect(parsePlannerState('?mode=TELEPORT&need=FRAIL')).toMatchObject({
      settings: { mode: 'WALK' },
      needWeight: null,
    });
    expect(parsePlannerState('?mode=drive').settings.mode).toBe('WALK');
  });

  it('reads every travel mode from the address, and writes none for walking so old links stay as they were', () => {
    for (const mode of TRAVEL_MODES) {
      const state = parsePlannerState(`?mode=${mode}&speed=50`);
      expect(state.settings.mode).toBe(mode);
      expect(parsePlannerState(formatPlannerState(state))).toEqual(state);
    }
    expect(formatPlannerState(parsePlannerState('?mode=WALK'))).not.toContain('mode=');
    expect(formatPlannerState(parsePlannerState('?mode=DRIVE'))).toContain('mode=DRIVE');
  });

  it('sends the walking speed for walking only: other modes travel at their own speed', () => {
    expect(TRAVEL_MODES.filter(usesWalkingSpeed)).toEqual(['WALK']);
    const settings = parsePlannerState('?speed=50&mode=WALK').settings;
    expect(speedOf(settings)).toBe(50);
    expect(speedOf({ ...settings, mode: 'DRIVE' })).toBeNull();
    expect(speedOf({ ...settings, mode: 'ELDERLY_WALK' })).toBeNull();
    // The walking speed is kept in the address while another mode is chosen, for when walking comes back.
    expect(parsePlannerState('?speed=50&mode=DRIVE').settings.speedMetersPerMinute).toBe(50);
  });
});

describe('presets', () => {
  it('recognises a preset whatever the order of its types', () => {
    expect(presetOf(['COMMUNITY_CARE_STATION', 'STREET_CARE_CENTER'])).toBe('communityCare');
    expect(presetOf(['MEAL_POINT'])).toBe('meal');
    expect(presetOf(['MEAL_POINT', 'HOSPITAL'])).toBeNull();
  });

  it('sets the time limit of the target: 20 minutes for 嘉兴’s medical-and-elderly circle', () => {
    const settings = withPreset({ ...DEFAULT_SETTINGS, basket: true }, 'medicalAndCare');
    expect(settings.minutes).toBe(20);
    expect(settings.types).toEqual([...PRESETS.medicalAndCare.types]);
    expect(settings.basket).toBe(true);
    expect(settings.types).not.toBe(PRESETS.medicalAndCare.types);
  });

  it('presets are named by their rule and time limit, never by a city (no “医养结合（20 分钟，嘉兴）” in a Hangzhou analysis)', () => {
    for (const lang of ['zh', 'en'] as const) {
      const names = plannerMessages(lang).presets;
      for (const id of Object.keys(PRESETS) as (keyof typeof PRESETS)[]) {
        expect(names[id], `${lang} ${id}`).not.toMatch(/嘉兴|杭州|浙江|Jiaxing|Hangzhou|Zhejiang/);
        expect(names[id], `${lang} ${id}`).toContain(String(PRESETS[id].minutes));
      }
    }
  });
});

describe('service areas of the chosen mode', () => {
  it('are looked for as far around the region as the mode reaches (it was always a walk at 60 m/min)', () => {
    const walk = serviceAreaReachMeters({ mode: 'WALK', minutes: 20 });
    expect(walk).toBe(20 * 60);
    expect(serviceAreaReachMeters({ mode: 'ELDERLY_WALK', minutes: 20 })).toBeLessThan(walk);
    expect(serviceAreaReachMeters({ mode: 'DRIVE', minutes: 20 })).toBeGreaterThan(
      serviceAreaReachMeters({ mode: 'EBIKE', minutes: 20 }),
    );
    expect(Object.keys(AREA_SPEEDS).sort()).toEqual([...TRAVEL_MODES].sort());
  });

  it.each(['zh', 'en'] as const)(
    'are named by their mode in the %s legend (it said 步行 by car too)',
    (lang) => {
      const m = plannerMessages(lang);
      const walk = m.layerCoverage(20, 'WALK');
      const drive = m.layerCoverage(20, 'DRIVE');
      expect(drive).not.toBe(walk);
      expect(drive).toContain(lang === 'zh' ? '驾车' : 'driving');
      expect(m.layerCoverage(15, 'ELDERLY_WALK')).toContain(
        lang === 'zh' ? '老年人步行' : 'older people walking',
      );
      expect(drive).toContain('20');
      expect(m.serviceAreaSpeedNote(48)).toContain('48');
    },
  );
});
