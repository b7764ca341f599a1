import { readdirSync, readFileSync } from 'node:fs';
import { buildSchema, parse, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import { facilityNamesQuery, NAMES_PER_REQUEST } from '../../../client/planner/queries';
import { checkQueryLimits } from '../../../server/graphql/limits';

const schema = buildSchema(readFileSync('schema/schema.graphql', 'utf8'));
const folder = 'schema/operations';
const PLANNER_OPERATIONS = [
  'Coverage.graphql',
  'Gaps.graphql',
  'NeedCoverage.graphql',
  'PlannerDistricts.graphql',
  'PlannerScenario.graphql',
  'Scorecard.graphql',
  'ServiceAreas.graphql',
  'SuggestSites.graphql',
];
const operations = readdirSync(folder).filter((file) => PLANNER_OPERATIONS.includes(file));
const variables = {
  regionCode: '330102',
  cityCode: '330100',
  types: ['COMMUNITY_CARE_STATION'],
  minutes: 15,
  // The mode that reaches furthest, priced the highest.
  mode: 'DRIVE',
  weight: 'DISABLED',
  filter: {},
  first: 500,
  count: 3,
  name: '方案',
  scenarioId: '1',
  id: '1',
  expectedVersion: 1,
  changeId: '1',
  change: { kind: 'ADD', type: 'COMMUNITY_CARE_STATION', location: { lng: 120.16, lat: 30.25 } },
};

/**
 * The service areas the planner asks 500 at a time are priced as read from the table only where stored (DRIVE:
 * 20 minutes); other limits are asked on a smaller page the API's cost allows (api-variables.test.ts).
 */
const OWN_VARIABLES: Record<string, Record<string, unknown>> = { 'ServiceAreas.graphql': { minutes: 20 } };

const ids = (count: number) =>
  Object.fromEntries(Array.from({ length: count }, (_, i) => [`id${i}`, `${i + 1}`]));

describe('the planner’s GraphQL operations', () => {
  it('cover the scorecard, coverage, need-weighted coverage, gaps, service areas, districts, scenarios and suggested sites', () => {
    expect(operations.sort()).toEqual(PLANNER_OPERATIONS);
  });

  it.each(operations)('%s is valid against schema/schema.graphql and within the query limits', (file) => {
    const document = parse(readFileSync(`${folder}/${file}`, 'utf8'));
    expect(validate(schema, document).map((error) => error.message)).toEqual([]);
    expect(() => checkQueryLimits(schema, document, { ...variables, ...OWN_VARIABLES[file] })).not.toThrow();
  });

  it('names facilities by id in batches the API accepts', () => {
    const document = parse(facilityNamesQuery(NAMES_PER_REQUEST));
    expect(validate(schema, document).map((error) => error.message)).toEqual([]);
    expect(() => checkQueryLimits(schema, document, ids(NAMES_PER_REQUEST))).not.toThrow();
    expect(() =>
      checkQueryLimits(schema, parse(facilityNamesQuery(NAMES_PER_REQUEST + 1)), ids(NAMES_PER_REQUEST + 1)),
    ).toThrow(/aliases/);
  });
});
