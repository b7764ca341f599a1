import { defineEntity, p } from '@mikro-orm/core';
import type { MultiPolygon, Point } from 'geojson';
import { GeoJsonType } from '../db/geometry.type';
import { Facility } from './facility.entity';

const ServiceAreaSchema = defineEntity({
  name: 'ServiceArea',
  tableName: 'service_area',
  indexes: [
    { name: 'service_area_geom_gist', properties: ['geom'], type: 'gist' },
    { name: 'service_area_facility_location_gist', properties: ['facilityLocation'], type: 'gist' },
    { name: 'service_area_minutes_idx', properties: ['mode', 'minutes'] },
  ],
  checks: [
    { name: 'service_area_minutes_check', expression: 'minutes >= 1 and minutes <= 60' },
    { name: 'service_area_method_check', expression: "method in ('NETWORK', 'RADIUS')" },
    { name: 'service_area_speed_m_per_min_check', expression: 'speed_m_per_min > 0' },
    { name: 'service_area_area_m2_check', expression: 'area_m2 >= 0' },
  ],
  properties: {
    facility: () => p.manyToOne(Facility).primary().deleteRule('cascade').updateRule('no action'),
    mode: p.text().primary(),
    minutes: p.smallint().primary(),
    method: p.text(),
    speedMPerMin: p.double().fieldName('speed_m_per_min'),
    areaM2: p.double(),
    geom: p.type(GeoJsonType).columnType('geometry(MultiPolygon, 4326)').$type<MultiPolygon>(),
    facilityLocation: p.type(GeoJsonType).columnType('geometry(Point, 4326)').$type<Point>(),
    networkFingerprint: p.text(),
    computedAt: p.datetime().defaultRaw('now()'),
  },
});

/** A facility's stored service area for one travel mode and limit (STORED_SERVICE_AREAS), with what it was computed from. */
export class ServiceArea extends ServiceAreaSchema.class {}
ServiceAreaSchema.setClass(ServiceArea);
