import { defineEntity, p } from '@mikro-orm/core';
import type { Point, Polygon } from 'geojson';
import { GeoJsonType } from '../db/geometry.type';
import { Region } from '../regions/region.entity';

const PopulationCellSchema = defineEntity({
  name: 'PopulationCell',
  tableName: 'population_cell',
  indexes: [
    { name: 'population_cell_region_idx', properties: ['region'] },
    { name: 'population_cell_area_gist', properties: ['area'], type: 'gist' },
    { name: 'population_cell_centroid_gist', properties: ['centroid'], type: 'gist' },
  ],
  checks: [
    { name: 'population_cell_age60plus_check', expression: 'age60plus >= 0' },
    { name: 'population_cell_age65plus_check', expression: 'age65plus >= 0 and age65plus <= age60plus' },
    { name: 'population_cell_age80plus_check', expression: 'age80plus >= 0 and age80plus <= age65plus' },
  ],
  properties: {
    id: p.integer().primary().autoincrement(),
    cellKey: p.text().unique(),
    region: () => p.manyToOne(Region).fieldName('region_code').deleteRule('cascade'),
    area: p.type(GeoJsonType).columnType('geometry(Polygon, 4326)').$type<Polygon>(),
    centroid: p.type(GeoJsonType).columnType('geometry(Point, 4326)').$type<Point>(),
    age60plus: p.integer(),
    age65plus: p.integer(),
    age80plus: p.integer(),
    signal: p.double(),
    method: p.text(),
    isSample: p.boolean().default(true),
    source: p.text(),
  },
});

/** Elderly counts of one small area (a grid cell), spread from the district census totals. */
export class PopulationCell extends PopulationCellSchema.class {}
PopulationCellSchema.setClass(PopulationCell);
