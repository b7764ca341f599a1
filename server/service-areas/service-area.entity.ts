import { defineEntity, p } from '@mikro-orm/core';
import type { MultiPolygon, Point } from 'geojson';
import { GeoJsonType } from '../db/geometry.type';
import { Facility } from '../facilities/facility.entity';

const ServiceAreaSchema = defineEntity({
  name: 'ServiceArea',
  tableName: 'service_area',
  properties: {
    facility: () => p.manyToOne(Facility).primary(),
    mode: p.string().primary(),
    minutes: p.smallint().primary(),
    method: p.string(),
    speedMPerMin: p.double(),
    areaM2: p.double(),
    geom: p.type(GeoJsonType).columnType('geometry(MultiPolygon, 4326)').$type<MultiPolygon>(),
    facilityLocation: p.type(GeoJsonType).columnType('geometry(Point, 4326)').$type<Point>(),
    networkFingerprint: p.string(),
    computedAt: p.datetime(),
  },
});

/** A facility's stored 5-, 10- or 15-minute service area, with what it was computed from. */
export class ServiceArea extends ServiceAreaSchema.class {}
ServiceAreaSchema.setClass(ServiceArea);
