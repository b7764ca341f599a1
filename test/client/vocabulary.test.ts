import { readFileSync } from 'node:fs';
import { buildSchema, GraphQLEnumType } from 'graphql';
import { describe, expect, it } from 'vitest';
import {
  FACILITY_SERVICES,
  FACILITY_TYPES,
  HOSPITAL_GRADES,
  OPERATOR_TYPES,
  PARTNERSHIP_SERVICES,
} from '../../client/domain';
import { messagesFor } from '../../client/i18n/i18n';
import { FACILITY_TYPE_LABELS } from '../../server/facilities/facility-kind';

const schema = buildSchema(readFileSync('schema/schema.graphql', 'utf8'));
const enumValues = (name: string) =>
  (schema.getType(name) as GraphQLEnumType)
    .getValues()
    .map((v) => v.name)
    .sort();

describe('the client’s vocabulary', () => {
  it.each([
    ['FacilityType', FACILITY_TYPES],
    ['FacilityService', FACILITY_SERVICES],
    ['PartnershipService', PARTNERSHIP_SERVICES],
    ['OperatorType', OPERATOR_TYPES],
    ['HospitalGrade', HOSPITAL_GRADES],
  ])('matches the schema enum %s', (name, values) => {
    expect([...values].sort()).toEqual(enumValues(name));
  });

  it.each(['zh', 'en'] as const)('has a %s text for every enum value', (lang) => {
    const m = messagesFor(lang);
    for (const type of FACILITY_TYPES) expect(m.types[type]).toBeTruthy();
    for (const service of FACILITY_SERVICES) expect(m.serviceNames[service]).toBeTruthy();
    for (const service of PARTNERSHIP_SERVICES) expect(m.partnershipServices[service]).toBeTruthy();
    for (const operator of OPERATOR_TYPES) expect(m.operatorTypes[operator]).toBeTruthy();
  });

  it('names facility types as the server does', () => {
    for (const type of FACILITY_TYPES) {
      expect(messagesFor('zh').types[type]).toBe(FACILITY_TYPE_LABELS[type].zh);
      expect(messagesFor('en').types[type]).toBe(FACILITY_TYPE_LABELS[type].en);
    }
  });
});
