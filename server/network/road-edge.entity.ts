import { defineEntity, p } from '@mikro-orm/core';
import type { LineString } from 'geojson';
import { GeoJsonType } from '../db/geometry.type';

const RoadEdgeSchema = defineEntity({
  name: 'RoadEdge',
  tableName: 'road_edge',
  triggers: [
    {
      name: 'road_edge_cache_changed',
      timing: 'after',
      events: ['insert', 'update', 'delete', 'truncate'],
      forEach: 'statement',
      expression:
        "create trigger road_edge_cache_changed after insert or update or delete or truncate on road_edge for each statement execute function cluster_cache_changed('network')",
    },
  ],
  indexes: [
    { name: 'road_edge_geom_gist', properties: ['geom'], type: 'gist' },
    { name: 'road_edge_source_idx', properties: ['source'] },
    { name: 'road_edge_target_idx', properties: ['target'] },
  ],
  checks: [
    { name: 'road_edge_cost_check', expression: 'cost >= 0' },
    { name: 'road_edge_length_m_check', expression: 'length_m >= 0' },
    { name: 'road_edge_oneway_check', expression: 'oneway in (-1, 0, 1)' },
    { name: 'road_edge_kerb_check', expression: "kerb in ('lowered', 'raised')" },
    { name: 'road_edge_maxspeed_kmh_check', expression: 'maxspeed_kmh > 0' },
  ],
  properties: {
    id: p.bigint('number').primary().autoincrement(false),
    source: p.bigint('number'),
    target: p.bigint('number'),
    cost: p.double(),
    reverseCost: p.double(),
    lengthM: p.double(),
    highway: p.text(),
    osmWayId: p.bigint('number').nullable(),
    foot: p.boolean().default(true),
    bicycle: p.boolean().default(true),
    motorVehicle: p.boolean().default(true),
    oneway: p.smallint().default(0),
    kerb: p.text().nullable(),
    maxspeedKmh: p.double().nullable(),
    geom: p.type(GeoJsonType).columnType('geometry(LineString, 4326)').$type<LineString>(),
  },
});

/** One edge of the street and footpath network, with who may use it and how (pgRouting column names). */
export class RoadEdge extends RoadEdgeSchema.class {}
RoadEdgeSchema.setClass(RoadEdge);
