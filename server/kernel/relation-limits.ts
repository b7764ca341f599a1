/**
 * The most relations one facility or consortium may have. Writes refuse more, and the query cost prices a
 * facility's lists at these sizes, so the price of a page with its relations is a real upper bound.
 */
export const RELATION_LIMITS = {
  /** Pairings (ended ones included, kept for history) one facility takes part in. */
  partnershipsPerFacility: 30,
  /** Consortia (ended ones included) one facility leads or belongs to. */
  consortiaPerFacility: 10,
  /** Members of one consortium, its lead included. */
  membersPerConsortium: 50,
} as const;
