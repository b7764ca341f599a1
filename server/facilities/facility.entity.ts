import { defineEntity, p } from '@mikro-orm/core';
import type { Point } from 'geojson';
import { GeoJsonType } from '../db/geometry.type';
import { Region } from '../regions/region.entity';
import { FacilityType, HospitalGrade, OperatorType } from './facility-kind';

const FacilitySchema = defineEntity({
  name: 'Facility',
  tableName: 'facility',
  triggers: [
    {
      name: 'facility_location_cache_changed',
      timing: 'after',
      events: ['insert', 'update', 'delete'],
      forEach: 'statement',
      expression:
        "create trigger facility_location_cache_changed after insert or update of location, archived_at or delete on facility for each statement execute function cluster_cache_changed('facilities')",
    },
  ],
  indexes: [
    { name: 'facility_location_gist', properties: ['location'], type: 'gist' },
    {
      name: 'facility_location_geog_gist',
      expression: 'create index facility_location_geog_gist on facility using gist ((location::geography))',
    },
    { name: 'facility_search_grams_gin', properties: ['searchGrams'], type: 'gin' },
    { name: 'facility_type_idx', properties: ['type'] },
    { name: 'facility_region_idx', properties: ['region'] },
  ],
  checks: [
    { name: 'facility_name_check', expression: 'length(name) >= 1 and length(name) <= 200' },
    { name: 'facility_fee_min_monthly_check', expression: 'fee_min_monthly >= 0' },
    { name: 'facility_fee_max_monthly_check', expression: 'fee_max_monthly >= fee_min_monthly' },
    { name: 'facility_total_beds_check', expression: 'total_beds >= 0' },
    { name: 'facility_nursing_beds_check', expression: 'nursing_beds >= 0 and nursing_beds <= total_beds' },
    {
      name: 'facility_dementia_beds_check',
      expression: 'dementia_beds >= 0 and dementia_beds <= total_beds',
    },
    { name: 'facility_vacant_beds_check', expression: 'vacant_beds >= 0 and vacant_beds <= total_beds' },
    { name: 'facility_residents_check', expression: 'residents >= 0' },
    { name: 'facility_star_rating_check', expression: 'star_rating >= 1 and star_rating <= 5' },
    {
      name: 'facility_location_check',
      expression: 'ST_X(location) between -180 and 180 and ST_Y(location) between -90 and 90',
    },
  ],
  properties: {
    id: p.integer().primary().autoincrement(),
    sourceKey: p.text().unique(),
    type: p.enum(() => FacilityType).nativeEnumName('facility_type'),
    name: p.text(),
    nameEn: p.text().nullable(),
    address: p.text().nullable(),
    phone: p.text().nullable(),
    openingHours: p.text().nullable(),
    operatorType: p
      .enum(() => OperatorType)
      .nativeEnumName('operator_type')
      .nullable(),
    services: p.array().columnType('text[]').default([]),
    feeMinMonthly: p.integer().nullable(),
    feeMaxMonthly: p.integer().nullable(),
    totalBeds: p.integer().nullable(),
    nursingBeds: p.integer().nullable(),
    dementiaBeds: p.integer().nullable(),
    vacantBeds: p.integer().nullable(),
    vacancyUpdatedAt: p.datetime().nullable(),
    residents: p.integer().nullable(),
    hasRehabRoom: p.boolean().nullable(),
    hasInhouseMedical: p.boolean().nullable(),
    ltcInsurance: p.boolean().nullable(),
    medicalInsurance: p.boolean().nullable(),
    starRating: p.smallint().nullable(),
    hospitalGrade: p
      .enum(() => HospitalGrade)
      .nativeEnumName('hospital_grade')
      .nullable(),
    region: () => p.manyToOne(Region).fieldName('region_code').nullable().deleteRule('set null'),
    location: p.type(GeoJsonType).columnType('geometry(Point, 4326)').$type<Point>(),
    isSample: p.boolean().default(false),
    source: p.text(),
    osmId: p.text().nullable().unique(),
    verifiedOn: p.date().nullable(),
    searchText: p.text().lazy(),
    searchGrams: p.array().columnType('text[]').lazy(),
    version: p.integer().default(1),
    archivedAt: p.datetime().nullable(),
    createdAt: p
      .datetime()
      .defaultRaw('now()')
      .onCreate(() => new Date()),
    updatedAt: p
      .datetime()
      .defaultRaw('now()')
      .onCreate(() => new Date())
      .onUpdate(() => new Date()),
  },
});

/** A care or medical resource shown on the map. */
export class Facility extends FacilitySchema.class {}
FacilitySchema.setClass(Facility);
