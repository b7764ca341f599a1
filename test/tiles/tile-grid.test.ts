import { describe, expect, it } from 'vitest';
import { parseTileAddress, tileAt, tileBounds } from '../../server/tiles/tile-grid';

describe('tile grid', () => {
  it('gives the whole Web Mercator world for tile 0/0/0', () => {
    const b = tileBounds({ z: 0, x: 0, y: 0 });
    expect(b.west).toBe(-180);
    expect(b.east).toBe(180);
    expect(b.north).toBeCloseTo(85.0511287798, 9);
    expect(b.south).toBeCloseTo(-85.0511287798, 9);
  });

  it('finds the tile of 浙江省人民医院 and its bounds contain it', () => {
    const tile = tileAt(120.1695, 30.2612, 15);
    expect(tile).toEqual({ z: 15, x: 27322, y: 13491 });
    const b = tileBounds(tile);
    expect(b.west).toBeLessThanOrEqual(120.1695);
    expect(b.east).toBeGreaterThan(120.1695);
    expect(b.south).toBeLessThanOrEqual(30.2612);
    expect(b.north).toBeGreaterThan(30.2612);
  });

  it('grows bounds by a buffer in tile units, clamped to the world', () => {
    const tile = { z: 10, x: 853, y: 421 };
    const plain = tileBounds(tile);
    const grown = tileBounds(tile, 64);
    const width = plain.east - plain.west;
    expect(plain.west - grown.west).toBeCloseTo((width * 64) / 4096, 12);
    expect(tileBounds({ z: 0, x: 0, y: 0 }, 64).west).toBe(-180);
  });

  it('reads z/x/y and rejects what is not a tile', () => {
    expect(parseTileAddress('15', '27322', '13491')).toEqual({ z: 15, x: 27322, y: 13491 });
    expect(parseTileAddress('2', '4', '0')).toBeNull();
    expect(parseTileAddress('2', '0', '4')).toBeNull();
    expect(parseTileAddress('17', '0', '0', 16)).toBeNull();
    expect(parseTileAddress('01', '0', '0')).toBeNull();
    expect(parseTileAddress('1.5', '0', '0')).toBeNull();
    expect(parseTileAddress('-1', '0', '0')).toBeNull();
  });
});
