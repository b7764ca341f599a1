import { defineEntity, p } from '@mikro-orm/core';
import type { MultiPolygon, Point } from 'geojson';
import { GeoJsonType } from '../db/geometry.type';
import { RegionLevel } from './region-level';

const RegionSchema = defineEntity({
  name: 'Region',
  tableName: 'region',
  properties: {
    code: p.string().primary(),
    name: p.string(),
    level: p.enum(() => RegionLevel).nativeEnumName('region_level'),
    parent: () => p.manyToOne(Region).fieldName('parent_code').nullable(),
    boundary: p.type(GeoJsonType).columnType('geometry(MultiPolygon, 4326)').$type<MultiPolygon>().nullable(),
    labelPoint: p.type(GeoJsonType).columnType('geometry(Point, 4326)').$type<Point>().nullable(),
    populationTotal: p.integer().nullable(),
    age60plus: p.integer().nullable(),
    age65plus: p.integer().nullable(),
    age80plus: p.integer().nullable(),
    populationSource: p.string().nullable(),
    isSample: p.boolean().default(false),
    source: p.string(),
  },
});

/** An administrative region: province, city, district, street or community. */
export class Region extends RegionSchema.class {}
RegionSchema.setClass(Region);
