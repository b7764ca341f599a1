import type { ApolloServerPlugin } from '@apollo/server';
import {
  getNamedType,
  GraphQLError,
  isCompositeType,
  isListType,
  isNonNullType,
  Kind,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLOutputType,
  type GraphQLSchema,
  type SelectionSetNode,
} from 'graphql';
import { getComplexity, type ComplexityEstimatorArgs } from 'graphql-query-complexity';
import type { RequestContext } from '../context';
import { RELATION_LIMITS } from '../kernel/relation-limits';
import { DEFAULT_SPEED_METERS_PER_MINUTE, type TravelMode } from '../routing/profile';
import { isStoredServiceArea } from '../kernel/stored-service-areas';

/** Bounds on what one request may ask for, so that no query can tie up the server. */
export const QUERY_LIMITS = { maxDepth: 12, maxAliases: 30, maxCost: 100_000 } as const;

/** Page size of a field with a `first` argument when the query gives none (as the resolvers default). */
const DEFAULT_PAGE: Record<string, number> = {
  'Query.facilities': 50,
  'Query.auditLog': 50,
  'Query.regions': 500,
  'Region.children': 50,
  'Query.gaps': 20,
  'Query.places': 10,
};

/**
 * The most items a list without `first` holds, by `Type.field`: each item's selection is priced this many times.
 * Connection `edges` count 1 because their page size is priced at the field that takes `first`.
 */
export const LIST_SIZES: Record<string, number> = {
  // Writes refuse more than these (kernel/relation-limits.ts).
  'Facility.partners': RELATION_LIMITS.partnershipsPerFacility,
  'Facility.partnerships': RELATION_LIMITS.partnershipsPerFacility,
  'Facility.consortia': RELATION_LIMITS.consortiaPerFacility,
  'Consortium.members': RELATION_LIMITS.membersPerConsortium,
  'Facility.fees': 4,
  'FacilityConnection.edges': 1,
  'AuditEntryConnection.edges': 1,
  'Query.regions': 500,
  'Query.indicators': 2_000,
  'Query.indicatorTargets': 20,
  'Query.isochrone': 10,
  'Query.travelTimes': 500,
  'CoverageReport.subRegions': 200,
  'Gap.missing': 11,
  // An import's report is built in memory by the import itself (ADMIN only, bounded by the body size): its
  // rows cost no resolver work, so they are priced as a typical report, not as the largest file.
  'ImportReport.rows': 1_000,
  'Query.needs': 1_000,
  'Query.careServiceSummary': 1_000,
  'ColocationReport.tallies': 2,
  'NeedCoverageReport.areas': 1_000,
  'ImportRowReport.problems': 5,
  'JobConnection.edges': 1,
  'RegionConnection.edges': 1,
  'Region.successors': 5,
  'PopulationImportReport.problems': 1_000,
  'PopulationImportReport.mismatches': 200,
  'BoundaryImportReport.matched': 1_000,
  'BoundaryImportReport.problems': 1_000,
  'BoundaryImportReport.overlaps': 200,
  'Query.scenarios': 100,
  'Scenario.changes': 200,
  'CoverageReport.comparison': 200,
  'SiteSuggestion.sites': 50,
};

/** Lists of objects not named above are priced as this many items, never as one. */
const UNDECLARED_LIST_SIZE = 100;

type Args = Record<string, unknown>;

const number = (value: unknown, fallback: number) => (typeof value === 'number' ? value : fallback);

/** Work of a network search relative to a 15-minute walk at 60 m/min: the area reached grows with reach². */
function reachFactor(minutes: number, speedMetersPerMinute = 60): number {
  return Math.max(1, ((minutes * speedMetersPerMinute) / 900) ** 2);
}

/** The speed a question travels at: its own, else its mode's usual speed (cars and bicycles reach further). */
const speedOf = (args: Args) =>
  number(
    args.speedMetersPerMinute,
    typeof args.mode === 'string' && Object.hasOwn(DEFAULT_SPEED_METERS_PER_MINUTE, args.mode)
      ? DEFAULT_SPEED_METERS_PER_MINUTE[args.mode as TravelMode]
      : 60,
  );

/** A search from every facility of a region at once stops growing once it reaches every street of the region. */
function regionSearchFactor(args: Args): number {
  return Math.min(25, reachFactor(number(args.minutes, 15), speedOf(args)));
}

/** What a field costs by itself, beyond the fields it selects: the network searches and polygons it computes. */
const OWN_COSTS: Record<string, (args: Args) => number> = {
  'Query.isochrone': (args) =>
    (Array.isArray(args.minutes) ? (args.minutes as number[]) : [5, 10, 15]).reduce(
      (sum, minutes) => sum + 80 * reachFactor(minutes, speedOf(args)),
      0,
    ),
  'Query.travelTimes': (args) => 400 * reachFactor(15, speedOf(args)),
  'Query.coverage': (args) =>
    400 * regionSearchFactor(args) * (args.capacityAware ? 2 : 1) * (args.scenario ? 2 : 1),
  'Query.gaps': (args) => 400 * regionSearchFactor(args),
  'Mutation.importPopulation': () => 2_000,
  'Mutation.importRegionBoundaries': () => 2_000,
  // Two indexed reads of at most 200 candidates each, every region, and one region lookup per answer.
  'Query.places': () => 20,
  // One search over the whole network, as travelTimes, and the way traced back.
  'Query.route': (args) => 400 * reachFactor(15, speedOf(args)),
  'Query.suggestSites': (args) =>
    400 * regionSearchFactor(args) +
    20 * Math.min(2_000, Array.isArray(args.candidates) ? args.candidates.length : 500),
  'Query.indicators': (args) => (args.scenario ? 4_000 : 2_000),
  'Query.needCoverage': (args) => 400 * regionSearchFactor(args),
  'Query.ruralColocation': () => 50,
  'Query.facilities': (args) => {
    const within = (args.filter as { within?: Args } | undefined)?.within;
    return within ? 80 * reachFactor(number(within.minutes, 15), speedOf(within)) : 1;
  },
  // A stored area (its mode and limit in STORED_SERVICE_AREAS) is one indexed read; any other is a search.
  'Facility.serviceArea': (args) => {
    const minutes = number(args.minutes, 15);
    const mode = typeof args.mode === 'string' ? args.mode : 'WALK';
    return isStoredServiceArea(mode, minutes) ? 2 : 40 * reachFactor(minutes, speedOf(args));
  },
};

function isList(type: GraphQLOutputType): boolean {
  return isListType(isNonNullType(type) ? type.ofType : type);
}

/** How many times a field's selection runs: its `first`, its declared list size, or once. */
function itemCount({ type, field, args }: ComplexityEstimatorArgs): number {
  const key = `${type.name}.${field.name}`;
  if (field.args.some((arg) => arg.name === 'first'))
    return Math.max(number(args.first, DEFAULT_PAGE[key] ?? 50), 1);
  if (!isList(field.type) || !isCompositeType(getNamedType(field.type))) return 1;
  return LIST_SIZES[key] ?? UNDECLARED_LIST_SIZE;
}

/** The cost of one field: its own cost plus its selection's cost times the items it returns. */
function estimateCost(options: ComplexityEstimatorArgs): number {
  const own = OWN_COSTS[`${options.type.name}.${options.field.name}`]?.(options.args) ?? 1;
  return own + itemCount(options) * options.childComplexity;
}

function badQuery(message: string, extensions: Record<string, number> = {}): GraphQLError {
  return new GraphQLError(message, {
    extensions: { code: 'BAD_USER_INPUT', ...extensions, http: { status: 400 } },
  });
}

function checkShape(document: DocumentNode): void {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  let aliases = 0;
  const walk = (selectionSet: SelectionSetNode, depth: number, seen: ReadonlySet<string>): void => {
    if (depth > QUERY_LIMITS.maxDepth) throw badQuery(`Query is deeper than ${QUERY_LIMITS.maxDepth} levels`);
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        if (selection.alias && ++aliases > QUERY_LIMITS.maxAliases)
          throw badQuery(`Query uses more than ${QUERY_LIMITS.maxAliases} aliases`);
        if (selection.selectionSet) walk(selection.selectionSet, depth + 1, seen);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        walk(selection.selectionSet, depth, seen);
      } else {
        const fragment = fragments.get(selection.name.value);
        if (fragment && !seen.has(fragment.name.value))
          walk(fragment.selectionSet, depth, new Set([...seen, fragment.name.value]));
      }
    }
  };
  for (const definition of document.definitions) {
    if (definition.kind === Kind.OPERATION_DEFINITION) walk(definition.selectionSet, 1, new Set());
  }
}

/**
 * The estimated cost of an operation: every field costs 1 (or its entry in OWN_COSTS), and a field's selection
 * counts once per item it can return (`first`, or LIST_SIZES for lists without one), so nested lists multiply.
 */
export function queryCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Record<string, unknown> = {},
  operationName?: string,
): number {
  return getComplexity({
    schema,
    query: document,
    variables,
    operationName,
    estimators: [estimateCost],
    maxQueryNodes: 20_000,
  });
}

/**
 * Throws BAD_USER_INPUT (HTTP 400) for an operation that is too deep, uses too many aliases, or would cost more
 * than QUERY_LIMITS.maxCost (with extensions `cost` and `maxCost`); run it before anything executes.
 */
export function checkQueryLimits(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Record<string, unknown> = {},
  operationName?: string,
): void {
  checkShape(document);
  let cost: number;
  try {
    cost = queryCost(schema, document, variables, operationName);
  } catch (error) {
    throw badQuery(error instanceof Error ? error.message : 'Query cost could not be estimated');
  }
  if (cost > QUERY_LIMITS.maxCost) {
    throw badQuery(
      `Query would cost ${Math.round(cost)}, more than ${QUERY_LIMITS.maxCost}; ask for fewer items (a smaller first) or fewer nested lists`,
      // In figures too, so that a client can size a smaller page without reading the message.
      { cost: Math.round(cost), maxCost: QUERY_LIMITS.maxCost },
    );
  }
}

/** Operations (by variables) that passed the limits, per parsed document; forgotten with the document. */
const passedOperations = new WeakMap<DocumentNode, Set<string>>();
const MAX_REMEMBERED_PER_DOCUMENT = 64;

/** Apollo plugin applying checkQueryLimits once the operation is known, before anything runs. */
export const queryLimitsPlugin: ApolloServerPlugin<RequestContext> = {
  async requestDidStart() {
    return {
      async didResolveOperation({ schema, document, request, operationName }) {
        const variables = request.variables ?? {};
        // Apollo hands the same parsed document for the same query text (its document store), so an operation
        // that passed with the same variables is not priced again; only passes are remembered.
        const key = `${operationName ?? ''}\u0000${JSON.stringify(variables)}`;
        const passed = passedOperations.get(document);
        if (passed?.has(key)) return;
        checkQueryLimits(schema, document, variables, operationName ?? undefined);
        const remembered = passed ?? new Set<string>();
        if (remembered.size >= MAX_REMEMBERED_PER_DOCUMENT) remembered.clear();
        remembered.add(key);
        passedOperations.set(document, remembered);
      },
    };
  },
};
