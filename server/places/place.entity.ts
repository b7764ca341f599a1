import { defineEntity, p } from '@mikro-orm/core';
import type { Point } from 'geojson';
import { GeoJsonType } from '../db/geometry.type';

const PlaceSchema = defineEntity({
  name: 'Place',
  tableName: 'place',
  indexes: [
    { name: 'place_location_gist', properties: ['location'], type: 'gist' },
    { name: 'place_search_grams_gin', properties: ['searchGrams'], type: 'gin' },
  ],
  checks: [
    {
      name: 'place_kind_check',
      expression: "kind in ('ROAD', 'COMPOUND', 'LANDMARK', 'BUILDING', 'ADDRESS')",
    },
    { name: 'place_name_check', expression: 'length(name) >= 1 and length(name) <= 200' },
  ],
  properties: {
    id: p.integer().primary().autoincrement(),
    sourceKey: p.text().unique(),
    kind: p.text(),
    name: p.text(),
    nameEn: p.text().nullable(),
    address: p.text().nullable(),
    location: p.type(GeoJsonType).columnType('geometry(Point, 4326)').$type<Point>(),
    searchText: p.text(),
    searchGrams: p.array().columnType('text[]'),
  },
});

/** A named place to start from (road, 小区, landmark, building, address), imported from OpenStreetMap. */
export class Place extends PlaceSchema.class {}
PlaceSchema.setClass(Place);
