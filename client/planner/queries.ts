/** Page sizes and the one query the planner builds at run time (the others are in schema/operations/). */

/** Gaps asked for: the API's largest page, so that the map and the export hold every gap of a district. */
export const GAP_PAGE_SIZE = 500;
/** Service areas asked for at most (the API's largest page). */
export const SERVICE_AREA_PAGE_SIZE = 500;

/**
 * A smaller page that fits the API's cost limit, from the figures of a refused query (extensions `cost` and
 * `maxCost`): the cost of a page grows with its size, so the page shrinks by the same ratio, one less for
 * what the query costs besides its items. Null when the refusal has no such figures or no page would fit.
 */
export function pageWithinCost(first: number, refusal: Readonly<Record<string, unknown>>): number | null {
  const { cost, maxCost } = refusal;
  if (typeof cost !== 'number' || typeof maxCost !== 'number' || !(cost > maxCost)) return null;
  const page = Math.floor((first * maxCost) / cost) - 1;
  return page >= 1 ? page : null;
}
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
