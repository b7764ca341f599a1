import type { MultiPolygon, Polygon } from 'geojson';
import { localProjection, type LngLat, type LocalProjection } from '../geo/geodesy';
import { pointInPolygon, polygonBoundingBox } from '../geo/polygon';

/** Column and row of a grid cell; cell (0, 0) has its south-west corner at the grid origin. */
export interface GridCellIndex {
  ix: number;
  iy: number;
}

/** A square grid in metres on the local plane of a fixed origin. */
export interface PopulationGrid {
  cellSizeMeters: number;
  projection: LocalProjection;
  cellOf(position: LngLat): GridCellIndex;
  center(cell: GridCellIndex): LngLat;
  polygon(cell: GridCellIndex): Polygon;
}

/**
 * A grid anchored at `origin` (by default the whole-degree corner south-west of the area), so that
 * reruns give the same cells. Cells are squares on the origin's equirectangular plane; within one degree
 * of latitude from the origin their east-west sides are true to about 1 %.
 */
export function createGrid(origin: LngLat, cellSizeMeters: number): PopulationGrid {
  if (!(cellSizeMeters > 0)) throw new Error(`cell size must be positive, got ${cellSizeMeters}`);
  const projection = localProjection(origin);
  const corner = (ix: number, iy: number): LngLat =>
    projection.toLngLat([ix * cellSizeMeters, iy * cellSizeMeters]);
  return {
    cellSizeMeters,
    projection,
    cellOf(position) {
      const [x, y] = projection.toPlane(position);
      return { ix: Math.floor(x / cellSizeMeters), iy: Math.floor(y / cellSizeMeters) };
    },
    center: ({ ix, iy }) => projection.toLngLat([(ix + 0.5) * cellSizeMeters, (iy + 0.5) * cellSizeMeters]),
    polygon: ({ ix, iy }) => ({
      type: 'Polygon',
      coordinates: [
        [corner(ix, iy), corner(ix + 1, iy), corner(ix + 1, iy + 1), corner(ix, iy + 1), corner(ix, iy)],
      ],
    }),
  };
}

/** The whole-degree corner south-west of an area, the default grid origin. */
export function defaultGridOrigin(area: Polygon | MultiPolygon): LngLat {
  const box = polygonBoundingBox(area);
  return [Math.floor(box.west), Math.floor(box.south)];
}

/** Cells whose centre lies inside the area, ordered by column then row. */
export function cellsWithCenterIn(grid: PopulationGrid, area: Polygon | MultiPolygon): GridCellIndex[] {
  const box = polygonBoundingBox(area);
  const southWest = grid.cellOf([box.west, box.south]);
  const northEast = grid.cellOf([box.east, box.north]);
  const cells: GridCellIndex[] = [];
  for (let ix = southWest.ix; ix <= northEast.ix; ix++) {
    for (let iy = southWest.iy; iy <= northEast.iy; iy++) {
      if (pointInPolygon(grid.center({ ix, iy }), area)) cells.push({ ix, iy });
    }
  }
  return cells;
}
