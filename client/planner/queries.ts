/** Page sizes and the one query the planner builds at run time (the others are in schema/operations/). */

/** Gaps asked for: the API's largest page, so that the map and the export hold every gap of a district. */
export const GAP_PAGE_SIZE = 500;
/** Service areas asked for at most (the API's largest page). */
export const SERVICE_AREA_PAGE_SIZE = 500;
/** Facilities named per request: the API allows 30 aliases in one query. */
export const NAMES_PER_REQUEST = 30;

/**
 * One query naming up to NAMES_PER_REQUEST facilities by id, one alias each (the API has no
 * facilities-by-ids filter).
 */
export function facilityNamesQuery(count: number): string {
  const variables = Array.from({ length: count }, (_, i) => `$id${i}: ID!`).join(', ');
  const fields = Array.from(
    { length: count },
    (_, i) => `f${i}: facility(id: $id${i}) { id name nameEn type isSample }`,
  ).join('\n  ');
  return `query FacilityNames(${variables}) {\n  ${fields}\n}`;
}
