import { isFacilityType, type FacilityType } from '../domain';
import { MIXED_CLUSTER_COLOR, TYPE_STYLES, VACANCY_COLOR, type MarkerShape } from './theme';

/** An RGBA bitmap (not premultiplied), the form map.addImage takes. */
export interface RasterImage {
  width: number;
  height: number;
  data: Uint8ClampedArray;
}

/** Device pixels per CSS pixel of every icon, so markers stay sharp on phones. */
export const ICON_PIXEL_RATIO = 2;
/** Marker diameter in CSS pixels (elder mode scales it with icon-size). */
export const MARKER_SIZE = 30;
/** Cluster diameter in CSS pixels at icon-size 1. */
export const CLUSTER_SIZE = 34;
/** Vacancy badge diameter in CSS pixels. */
export const BADGE_SIZE = 20;

/** Which look an icon is drawn for: standard colours or elder mode's high-contrast ones. */
export type IconLook = 'std' | 'hc';

/** Image id of a facility marker. */
export function markerImageId(type: FacilityType, look: IconLook, sample: boolean): string {
  return `caremap-marker-${type}-${look}${sample ? '-sample' : ''}`;
}

/** Image id of a cluster of one type, or of several (`mixed`). */
export function clusterImageId(type: FacilityType | 'mixed', look: IconLook): string {
  return `caremap-cluster-${type}-${look}`;
}

/** Image id of the vacancy badge. */
export function badgeImageId(look: IconLook): string {
  return `caremap-badge-${look}`;
}

type Rgba = [number, number, number, number];

function hexColor(hex: string, alpha = 1): Rgba {
  const n = Number.parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255, alpha];
}

/** Signed distance in CSS px from a point (relative to the centre) to a shape of half-size `r`. */
function shapeDistance(shape: MarkerShape, x: number, y: number, r: number): number {
  if (shape === 'circle') return Math.hypot(x, y) - r;
  if (shape === 'diamond') return (Math.abs(x) + Math.abs(y) - r * 1.25) / Math.SQRT2;
  const corner = r * 0.3;
  const qx = Math.abs(x) - (r * 0.9 - corner);
  const qy = Math.abs(y) - (r * 0.9 - corner);
  return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - corner;
}

/** Source-over compositing of straight-alpha colours. */
function over(under: Rgba, top: Rgba, coverage: number): Rgba {
  const a = top[3] * coverage;
  const outA = a + under[3] * (1 - a);
  if (outA === 0) return [0, 0, 0, 0];
  const mix = (i: number) => (top[i] * a + under[i] * under[3] * (1 - a)) / outA;
  return [mix(0), mix(1), mix(2), outA];
}

interface ShapeSpec {
  shape: MarkerShape;
  size: number;
  fill: Rgba;
  border: number;
  /** Hatched fill and dashed border: the mark of sample data. */
  sample: boolean;
}

const WHITE: Rgba = [255, 255, 255, 1];
const OUTLINE: Rgba = [0, 0, 0, 0.45];
const SAMPLE_DASH: Rgba = [60, 60, 60, 1];

function drawShape(spec: ShapeSpec): RasterImage {
  const pr = ICON_PIXEL_RATIO;
  const side = Math.ceil((spec.size + 2) * pr);
  const data = new Uint8ClampedArray(side * side * 4);
  const r = spec.size / 2;
  const coverage = (d: number) => Math.min(1, Math.max(0, 0.5 - d * pr));
  const hatch: Rgba = [...spec.fill.slice(0, 3).map((c) => c + (255 - c) * 0.45), 1] as Rgba;
  for (let py = 0; py < side; py++) {
    for (let px = 0; px < side; px++) {
      const x = (px + 0.5) / pr - side / pr / 2;
      const y = (py + 0.5) / pr - side / pr / 2;
      const d = shapeDistance(spec.shape, x, y, r);
      let color: Rgba = [0, 0, 0, 0];
      color = over(color, OUTLINE, coverage(d - 1));
      const dashed = spec.sample && Math.floor(((Math.atan2(y, x) + Math.PI) / (2 * Math.PI)) * 16) % 2 === 1;
      color = over(color, dashed ? SAMPLE_DASH : WHITE, coverage(d));
      const striped = spec.sample && Math.floor((x + y + side) / 2.5) % 2 === 0;
      color = over(color, striped ? hatch : spec.fill, coverage(d + spec.border));
      const i = (py * side + px) * 4;
      data[i] = color[0];
      data[i + 1] = color[1];
      data[i + 2] = color[2];
      data[i + 3] = Math.round(color[3] * 255);
    }
  }
  return { width: side, height: side, data };
}

const colorOf = (style: { color: string; contrastColor: string }, look: IconLook) =>
  hexColor(look === 'hc' ? style.contrastColor : style.color);

/** Draws the icon an image id names, or null for ids that are not the platform's (see *ImageId). */
export function drawIcon(id: string): RasterImage | null {
  const marker = /^caremap-marker-([A-Z_]+)-(std|hc)(-sample)?$/.exec(id);
  if (marker && isFacilityType(marker[1])) {
    const style = TYPE_STYLES[marker[1]];
    const look = marker[2] as IconLook;
    return drawShape({
      shape: style.shape,
      size: MARKER_SIZE,
      fill: colorOf(style, look),
      border: 2.5,
      sample: Boolean(marker[3]),
    });
  }
  const cluster = /^caremap-cluster-([A-Za-z_]+)-(std|hc)$/.exec(id);
  if (cluster && (cluster[1] === 'mixed' || isFacilityType(cluster[1]))) {
    const style = cluster[1] === 'mixed' ? MIXED_CLUSTER_COLOR : TYPE_STYLES[cluster[1] as FacilityType];
    const look = cluster[2] as IconLook;
    return drawShape({
      shape: 'circle',
      size: CLUSTER_SIZE,
      fill: colorOf(style, look),
      border: 3,
      sample: false,
    });
  }
  const badge = /^caremap-badge-(std|hc)$/.exec(id);
  if (badge) {
    const fill = colorOf(VACANCY_COLOR, badge[1] as IconLook);
    return drawShape({ shape: 'circle', size: BADGE_SIZE, fill, border: 1.5, sample: false });
  }
  return null;
}
