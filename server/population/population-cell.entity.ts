import { defineEntity, p } from '@mikro-orm/core';
import type { Point, Polygon } from 'geojson';
import { GeoJsonType } from '../db/geometry.type';
import { Region } from '../regions/region.entity';

const PopulationCellSchema = defineEntity({
  name: 'PopulationCell',
  tableName: 'population_cell',
  properties: {
    id: p.integer().primary().autoincrement(),
    cellKey: p.string().unique(),
    region: () => p.manyToOne(Region).fieldName('region_code'),
    area: p.type(GeoJsonType).columnType('geometry(Polygon, 4326)').$type<Polygon>(),
    centroid: p.type(GeoJsonType).columnType('geometry(Point, 4326)').$type<Point>(),
    age60plus: p.integer(),
    age65plus: p.integer(),
    age80plus: p.integer(),
    signal: p.double(),
    method: p.string(),
    isSample: p.boolean().default(true),
    source: p.string(),
  },
});

/** Elderly counts of one small area (a grid cell), spread from the district census totals. */
export class PopulationCell extends PopulationCellSchema.class {}
PopulationCellSchema.setClass(PopulationCell);
