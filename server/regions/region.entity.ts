import { defineEntity, p } from '@mikro-orm/core';
import type { MultiPolygon, Point } from 'geojson';
import { GeoJsonType } from '../db/geometry.type';
import { RegionLevel } from './region-level';

const RegionSchema = defineEntity({
  name: 'Region',
  tableName: 'region',
  // Kept by functions of migration 20261130020000 (boundary pieces, base-map version); declared here whole.
  triggers: [
    {
      name: 'region_boundary_pieces',
      timing: 'after',
      events: ['insert', 'update'],
      forEach: 'row',
      expression:
        'create trigger region_boundary_pieces after insert or update of boundary on region for each row execute function region_boundary_pieces()',
    },
    {
      name: 'region_basemap_version',
      timing: 'after',
      events: ['insert', 'update', 'delete', 'truncate'],
      forEach: 'statement',
      expression:
        'create trigger region_basemap_version after insert or update or delete or truncate on region for each statement execute function basemap_version_bump()',
    },
  ],
  indexes: [
    { name: 'region_parent_idx', properties: ['parent'] },
    { name: 'region_level_idx', properties: ['level'] },
    { name: 'region_boundary_gist', properties: ['boundary'], type: 'gist' },
    { name: 'region_label_point_gist', properties: ['labelPoint'], type: 'gist' },
    { name: 'region_valid_to_idx', properties: ['validTo'] },
  ],
  checks: [
    { name: 'region_code_check', expression: "code ~ '^[0-9]{6}([0-9]{3}([0-9]{3})?)?$'" },
    { name: 'region_population_total_check', expression: 'population_total >= 0' },
    { name: 'region_age60plus_check', expression: 'age60plus >= 0' },
    { name: 'region_age65plus_check', expression: 'age65plus >= 0 and age65plus <= age60plus' },
    { name: 'region_age80plus_check', expression: 'age80plus >= 0 and age80plus <= age65plus' },
  ],
  properties: {
    code: p.text().primary(),
    name: p.text(),
    level: p.enum(() => RegionLevel).nativeEnumName('region_level'),
    parent: () => p.manyToOne(Region).fieldName('parent_code').nullable().deleteRule('set null'),
    boundary: p.type(GeoJsonType).columnType('geometry(MultiPolygon, 4326)').$type<MultiPolygon>().nullable(),
    labelPoint: p.type(GeoJsonType).columnType('geometry(Point, 4326)').$type<Point>().nullable(),
    populationTotal: p.integer().nullable(),
    age60plus: p.integer().nullable(),
    age65plus: p.integer().nullable(),
    age80plus: p.integer().nullable(),
    populationSource: p.text().nullable(),
    isSample: p.boolean().default(false),
    source: p.text(),
    /** The day a re-division replaced the region (exclusive); null while it is in force. */
    validTo: p.date().nullable(),
    boundarySource: p.text().nullable(),
    boundaryApproximate: p.boolean().default(false),
    populationYear: p.smallint().nullable(),
    populationIsSample: p.boolean().default(false),
  },
});

/** An administrative region: province, city, district, street or community. */
export class Region extends RegionSchema.class {}
RegionSchema.setClass(Region);
