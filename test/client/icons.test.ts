import { describe, expect, it } from 'vitest';
import { FACILITY_TYPES } from '../../client/domain';
import {
  badgeImageId,
  clusterImageId,
  drawIcon,
  ICON_PIXEL_RATIO,
  MARKER_SIZE,
  markerImageId,
  type RasterImage,
} from '../../client/map/icons';
import { TYPE_STYLES } from '../../client/map/theme';

function pixel(image: RasterImage, x: number, y: number): number[] {
  const i = (y * image.width + x) * 4;
  return [...image.data.slice(i, i + 4)];
}

const hex = (color: string) => [1, 3, 5].map((i) => Number.parseInt(color.slice(i, i + 2), 16));

describe('icons', () => {
  it('draw a marker at device resolution, transparent in its corners, in its type colour', () => {
    const image = drawIcon(markerImageId('HOSPITAL', 'std', false))!;
    expect(image.width).toBe(Math.ceil((MARKER_SIZE + 2) * ICON_PIXEL_RATIO));
    expect(image.data.length).toBe(image.width * image.height * 4);
    expect(pixel(image, 0, 0)[3]).toBe(0);
    const center = Math.floor(image.width / 2);
    expect(pixel(image, center, center)).toEqual([...hex(TYPE_STYLES.HOSPITAL.color), 255]);
  });

  it('use the high-contrast colour in elder mode', () => {
    const image = drawIcon(markerImageId('NURSING_HOME', 'hc', false))!;
    const center = Math.floor(image.width / 2);
    expect(pixel(image, center, center)).toEqual([...hex(TYPE_STYLES.NURSING_HOME.contrastColor), 255]);
  });

  it('mark sample data with a hatched fill', () => {
    const real = drawIcon(markerImageId('MEAL_POINT', 'std', false))!;
    const sample = drawIcon(markerImageId('MEAL_POINT', 'std', true))!;
    expect(Buffer.from(sample.data).equals(Buffer.from(real.data))).toBe(false);
    const colorsInside = (image: RasterImage) => {
      const row = Math.floor(image.height / 2);
      const colors = new Set<string>();
      for (let x = 20; x < image.width - 20; x++) colors.add(pixel(image, x, row).join());
      return colors.size;
    };
    expect(colorsInside(real)).toBe(1);
    expect(colorsInside(sample)).toBe(2);
  });

  it('give each type its own shape and colour', () => {
    const drawn = new Set(
      FACILITY_TYPES.map((type) =>
        Buffer.from(drawIcon(markerImageId(type, 'std', false))!.data).toString('base64'),
      ),
    );
    expect(drawn.size).toBe(FACILITY_TYPES.length);
  });

  it('draw every image the layers can ask for, and nothing else', () => {
    for (const look of ['std', 'hc'] as const) {
      for (const type of FACILITY_TYPES) {
        expect(drawIcon(markerImageId(type, look, false))).not.toBeNull();
        expect(drawIcon(markerImageId(type, look, true))).not.toBeNull();
        expect(drawIcon(clusterImageId(type, look))).not.toBeNull();
      }
    }
    expect(drawIcon(clusterImageId('mixed', 'std'))).not.toBeNull();
    expect(drawIcon(badgeImageId('hc'))).not.toBeNull();
    expect(drawIcon('caremap-marker-CASTLE-std')).toBeNull();
    expect(drawIcon('bus-stop')).toBeNull();
  });
});
