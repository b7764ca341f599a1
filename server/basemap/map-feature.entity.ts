import { defineEntity, p } from '@mikro-orm/core';
import type { Geometry } from 'geojson';
import { GeoJsonType } from '../db/geometry.type';

const MapFeatureSchema = defineEntity({
  name: 'MapFeature',
  tableName: 'map_feature',
  // Kept by functions of migration 20261130020000 (boundary pieces, base-map version); declared here whole.
  triggers: [
    {
      name: 'map_feature_basemap_version',
      timing: 'after',
      events: ['insert', 'update', 'delete', 'truncate'],
      forEach: 'statement',
      expression:
        'create trigger map_feature_basemap_version after insert or update or delete or truncate on map_feature for each statement execute function basemap_version_bump()',
    },
  ],
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
