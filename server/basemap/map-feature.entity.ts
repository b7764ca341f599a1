import { defineEntity, p } from '@mikro-orm/core';
import type { Geometry } from 'geojson';
import { GeoJsonType } from '../db/geometry.type';

const MapFeatureSchema = defineEntity({
  name: 'MapFeature',
  tableName: 'map_feature',
  indexes: [
    { name: 'map_feature_geom_gist', properties: ['geom'], type: 'gist' },
    { name: 'map_feature_layer_idx', properties: ['layer'] },
  ],
  properties: {
    id: p.integer().primary().autoincrement(),
    sourceKey: p.text().unique(),
    layer: p.text(),
    kind: p.text().nullable(),
    name: p.text().nullable(),
    geom: p.type(GeoJsonType).columnType('geometry(Geometry, 4326)').$type<Geometry>(),
  },
});

/** A base-map feature (building, water, green, road) imported from OpenStreetMap. */
export class MapFeature extends MapFeatureSchema.class {}
MapFeatureSchema.setClass(MapFeature);
