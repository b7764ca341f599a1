import { defineEntity, p } from '@mikro-orm/core';
import type { Geometry } from 'geojson';
import { GeoJsonType } from '../db/geometry.type';

const MapFeatureSchema = defineEntity({
  name: 'MapFeature',
  tableName: 'map_feature',
  properties: {
    id: p.integer().primary().autoincrement(),
    sourceKey: p.string().unique(),
    layer: p.string(),
    kind: p.string().nullable(),
    name: p.string().nullable(),
    geom: p.type(GeoJsonType).$type<Geometry>(),
  },
});

/** A base-map feature (building, water, green, road) imported from OpenStreetMap. */
export class MapFeature extends MapFeatureSchema.class {}
MapFeatureSchema.setClass(MapFeature);
