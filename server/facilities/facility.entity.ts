import { defineEntity, p } from '@mikro-orm/core';
import type { Point } from 'geojson';
import { GeoJsonType } from '../db/geometry.type';
import { Region } from '../regions/region.entity';
import { FacilityType, HospitalGrade, OperatorType } from './facility-kind';

const FacilitySchema = defineEntity({
  name: 'Facility',
  tableName: 'facility',
  properties: {
    id: p.integer().primary().autoincrement(),
    sourceKey: p.string().unique(),
    type: p.enum(() => FacilityType).nativeEnumName('facility_type'),
    name: p.string(),
    nameEn: p.string().nullable(),
    address: p.string().nullable(),
    phone: p.string().nullable(),
    openingHours: p.string().nullable(),
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
    region: () => p.manyToOne(Region).fieldName('region_code').nullable(),
    location: p.type(GeoJsonType).columnType('geometry(Point, 4326)').$type<Point>(),
    isSample: p.boolean().default(false),
    source: p.string(),
    osmId: p.string().nullable(),
    verifiedOn: p.date().nullable(),
    searchText: p.text().lazy(),
    searchGrams: p.array().columnType('text[]').lazy(),
    version: p.integer().default(1),
    archivedAt: p.datetime().nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
    updatedAt: p
      .datetime()
      .onCreate(() => new Date())
      .onUpdate(() => new Date()),
  },
});

/** A care or medical resource shown on the map. */
export class Facility extends FacilitySchema.class {}
FacilitySchema.setClass(Facility);
