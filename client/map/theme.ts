import type { CircleMinutes } from '../circle';
import type { FacilityType } from '../domain';

/** Marker outlines: care services are round, medical ones square, support services diamonds. */
export type MarkerShape = 'circle' | 'square' | 'diamond';

/** How one facility type is drawn: its colour (standard and high contrast) and marker shape. */
export interface TypeStyle {
  color: string;
  contrastColor: string;
  shape: MarkerShape;
}

/** One symbol and colour per facility type; the symbol character comes from the language's texts. */
export const TYPE_STYLES: Record<FacilityType, TypeStyle> = {
  NURSING_HOME: { color: '#d9480f', contrastColor: '#a52a00', shape: 'circle' },
  NURSING_HOSPITAL: { color: '#c2255c', contrastColor: '#8c0f3f', shape: 'square' },
  STREET_CARE_CENTER: { color: '#7048e8', contrastColor: '#4a1fb8', shape: 'circle' },
  COMMUNITY_CARE_STATION: { color: '#1c7ed6', contrastColor: '#0b4f99', shape: 'circle' },
  MEAL_POINT: { color: '#e8890c', contrastColor: '#8a4b00', shape: 'circle' },
  RURAL_CARE: { color: '#5c940d', contrastColor: '#2f5a00', shape: 'circle' },
  HOSPITAL: { color: '#e03131', contrastColor: '#a00000', shape: 'square' },
  PRIMARY_CARE: { color: '#0c8599', contrastColor: '#005866', shape: 'square' },
  REHABILITATION: { color: '#099268', contrastColor: '#005c3c', shape: 'diamond' },
  ASSISTIVE_DEVICE_RENTAL: { color: '#495057', contrastColor: '#1a1d20', shape: 'diamond' },
  PHARMACY: { color: '#2f9e44', contrastColor: '#1a5e27', shape: 'diamond' },
};

/** Colour of a cluster whose members are of several types. */
export const MIXED_CLUSTER_COLOR = { color: '#364fc7', contrastColor: '#1b2a80' };
/** Colour of the vacancy badge. */
export const VACANCY_COLOR = { color: '#2b8a3e', contrastColor: '#0b5b1e' };

/** How one ring of the 15-minute circle is drawn: colour (standard, high contrast) and outline dashes. */
export interface CircleStyle {
  color: string;
  contrastColor: string;
  /** Dash pattern of the outline in line widths; empty: solid. The legend shows the same. */
  dash: number[];
}

/** The 5-, 10- and 15-minute areas: three distinct hues and outlines that differ without colour too. */
export const CIRCLE_STYLES: Record<CircleMinutes, CircleStyle> = {
  5: { color: '#2f9e44', contrastColor: '#0b5b1e', dash: [] },
  10: { color: '#f08c00', contrastColor: '#9c4f00', dash: [3, 1.5] },
  15: { color: '#1c7ed6', contrastColor: '#003f88', dash: [1, 1.5] },
};

/** Base-map colours of one look. */
export interface Palette {
  background: string;
  water: string;
  waterLine: string;
  green: string;
  building: string;
  buildingOutline: string;
  roadCasing: string;
  road: string;
  majorRoad: string;
  path: string;
  boundary: string;
  label: string;
  labelHalo: string;
  selection: string;
  near: string;
  /** The 15-minute circle's starting point. */
  circleOrigin: string;
}

/** Standard look and elder mode's high-contrast look (浙里办 uiStyle=elder). */
export const PALETTES: Record<'standard' | 'elder', Palette> = {
  standard: {
    background: '#f5f3ee',
    water: '#a9d3e8',
    waterLine: '#7fb8d6',
    green: '#d6ebc8',
    building: '#e4ded4',
    buildingOutline: '#d2c9bc',
    roadCasing: '#d8d2c6',
    road: '#ffffff',
    majorRoad: '#fde7b5',
    path: '#a89f91',
    boundary: '#8e6cc0',
    label: '#333333',
    labelHalo: '#ffffff',
    selection: '#111111',
    near: '#1864ab',
    circleOrigin: '#212529',
  },
  elder: {
    background: '#ffffff',
    water: '#5aa9d6',
    waterLine: '#1f6fa3',
    green: '#b5dca0',
    building: '#d0d0d0',
    buildingOutline: '#8a8a8a',
    roadCasing: '#5c5c5c',
    road: '#ffffff',
    majorRoad: '#ffd24d',
    path: '#444444',
    boundary: '#5a189a',
    label: '#000000',
    labelHalo: '#ffffff',
    selection: '#000000',
    near: '#003f88',
    circleOrigin: '#000000',
  },
};

/** Font stack for every label: drawn in the browser from the system's CJK font, so no glyph server. */
export const FONT_STACK = ['Noto Sans CJK SC', 'Source Han Sans SC', 'PingFang SC', 'Microsoft YaHei'];
/** CSS font family MapLibre uses for CJK characters. */
export const IDEOGRAPH_FONT_FAMILY =
  "'Noto Sans CJK SC', 'Source Han Sans SC', 'PingFang SC', 'Microsoft YaHei', sans-serif";
