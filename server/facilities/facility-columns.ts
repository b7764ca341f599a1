import type { GraphQLResolveInfo } from 'graphql';
import { selectedFieldNames } from '../graphql/selection';
import { ALL_FACILITY_COLUMNS, type FacilityColumn } from './facility.repository';

/** Facility fields that need no column but the id: relations and service areas (their own reads), per-query figures. */
const ID_ONLY = new Set([
  '__typename',
  'distanceMeters',
  'travelMinutes',
  'partners',
  'partnerships',
  'consortia',
  'fees',
  'serviceArea',
]);
const COLUMNS = new Set<string>(ALL_FACILITY_COLUMNS);

/**
 * The columns a query's selection of Facility fields at `path` needs, so that a page reads (and parses,
 * and romanizes) only what is asked. A field unknown here reads every column: a new field is never empty.
 */
export function facilityColumns(
  info: GraphQLResolveInfo,
  path: readonly string[] = [],
): readonly FacilityColumn[] {
  const columns: FacilityColumn[] = [];
  for (const name of selectedFieldNames(info, path)) {
    if (COLUMNS.has(name)) columns.push(name as FacilityColumn);
    else if (!ID_ONLY.has(name)) return ALL_FACILITY_COLUMNS;
  }
  return columns;
}
