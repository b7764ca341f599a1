import { defineEntity, p } from '@mikro-orm/core';
import type { LineString } from 'geojson';
import { GeoJsonType } from '../db/geometry.type';
import { Region } from '../regions/region.entity';

const RegionBoundaryPieceSchema = defineEntity({
  name: 'RegionBoundaryPiece',
  tableName: 'region_boundary_piece',
  indexes: [{ name: 'region_boundary_piece_gist', properties: ['geom'], type: 'gist' }],
  properties: {
    region: () =>
      p.manyToOne(Region).primary().fieldName('region_code').deleteRule('cascade').updateRule('no action'),
    ring: p.integer().primary(),
    seq: p.integer().primary(),
    geom: p.type(GeoJsonType).columnType('geometry(LineString, 4326)').$type<LineString>(),
  },
});

/** A run of at most 65 vertices of a region's outline, kept by a trigger, so a tile clips only what reaches it. */
export class RegionBoundaryPiece extends RegionBoundaryPieceSchema.class {}
RegionBoundaryPieceSchema.setClass(RegionBoundaryPiece);
