/* eslint-disable */
import * as types from './graphql';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
  'fragment CoverageNumbers on CoverageArea {\n  regionCode\n  name\n  hasPopulationData\n  cellCount\n  elderly {\n    age60plus\n    age65plus\n    age80plus\n  }\n  withinReach {\n    age60plus\n    age65plus\n    age80plus\n  }\n  withinReachPercent {\n    age60plus\n    age65plus\n    age80plus\n  }\n  beyondReach {\n    age60plus\n    age65plus\n    age80plus\n  }\n  noNetworkAccess {\n    age60plus\n    age65plus\n    age80plus\n  }\n  noNetworkCellCount\n  census {\n    age60plus\n    age65plus\n    age80plus\n  }\n  notInCells {\n    age60plus\n    age65plus\n    age80plus\n  }\n  served {\n    age60plus\n    age65plus\n    age80plus\n  }\n  servedPercent {\n    age60plus\n    age65plus\n    age80plus\n  }\n  unservedNearUnrecordedPlaces {\n    age60plus\n    age65plus\n    age80plus\n  }\n}\n\nquery Coverage($regionCode: String!, $types: [FacilityType!]!, $minutes: Int, $basket: Boolean, $capacityAware: Boolean, $speedMetersPerMinute: Float, $scenario: ID) {\n  coverage(\n    regionCode: $regionCode\n    types: $types\n    minutes: $minutes\n    basket: $basket\n    capacityAware: $capacityAware\n    speedMetersPerMinute: $speedMetersPerMinute\n    scenario: $scenario\n  ) {\n    minutes\n    speedMetersPerMinute\n    basket\n    capacityAware\n    facilitiesCounted\n    facilitiesOffNetwork\n    isSample\n    notes\n    notesZh\n    subRegionNote\n    region {\n      ...CoverageNumbers\n    }\n    subRegions {\n      ...CoverageNumbers\n    }\n    scenario {\n      id\n      name\n      version\n      changeCount\n    }\n    comparison {\n      regionCode\n      name\n      coveredToday {\n        age60plus\n        age65plus\n        age80plus\n      }\n      coveredInScenario {\n        age60plus\n        age65plus\n        age80plus\n      }\n      newlyCovered {\n        age60plus\n        age65plus\n        age80plus\n      }\n      lostCover {\n        age60plus\n        age65plus\n        age80plus\n      }\n    }\n    capacity {\n      placesOffered\n      placesTaken\n      facilitiesWithoutPlacesData\n    }\n  }\n}': typeof types.CoverageNumbersFragmentDoc;
  'query FacilityDetails($id: ID!) {\n  facility(id: $id) {\n    id\n    type\n    name\n    nameEn\n    address\n    addressEn\n    phone\n    openingHours\n    operatorType\n    services\n    feeMinMonthly\n    feeMaxMonthly\n    fees {\n      careLevel\n      bedFee\n      careFee\n      mealFee\n      totalMonthly\n      isSample\n    }\n    totalBeds\n    nursingBeds\n    dementiaBeds\n    vacantBeds\n    vacancyUpdatedAt\n    residents\n    hasRehabRoom\n    hasInhouseMedical\n    ltcInsurance\n    medicalInsurance\n    starRating\n    hospitalGrade\n    regionCode\n    location\n    isSample\n    source\n    osmId\n    verifiedOn\n    partnerships {\n      id\n      careFacilityId\n      medicalFacilityId\n      signedOn\n      endsOn\n      services\n      greenChannel\n      twoWayReferral\n      primaryLevel\n      isSample\n    }\n    partners {\n      id\n      name\n      nameEn\n      type\n      isSample\n    }\n    consortia {\n      id\n      name\n      level\n      leadFacilityId\n      isSample\n      members {\n        facilityId\n        role\n      }\n    }\n  }\n}': typeof types.FacilityDetailsDocument;
  'query FacilityList($filter: FacilityFilter, $first: Int) {\n  facilities(filter: $filter, first: $first) {\n    totalCount\n    pageInfo {\n      hasNextPage\n    }\n    edges {\n      node {\n        id\n        type\n        name\n        nameEn\n        address\n        addressEn\n        location\n        isSample\n        vacantBeds\n        vacancyUpdatedAt\n        totalBeds\n        feeMinMonthly\n        feeMaxMonthly\n        fees {\n          careLevel\n          totalMonthly\n          isSample\n        }\n        distanceMeters\n      }\n    }\n  }\n}': typeof types.FacilityListDocument;
  'query Gaps($regionCode: String!, $types: [FacilityType!]!, $minutes: Int, $basket: Boolean, $speedMetersPerMinute: Float, $first: Int, $scenario: ID) {\n  gaps(\n    regionCode: $regionCode\n    types: $types\n    minutes: $minutes\n    basket: $basket\n    speedMetersPerMinute: $speedMetersPerMinute\n    first: $first\n    scenario: $scenario\n  ) {\n    id\n    reason\n    rank\n    area\n    cellCount\n    regionCodes\n    elderly {\n      age60plus\n      age65plus\n      age80plus\n    }\n    missing {\n      type\n      travelMinutes\n      elderly {\n        age60plus\n        age65plus\n        age80plus\n      }\n      nearestFacility {\n        id\n        name\n        nameEn\n        type\n        isSample\n        location\n      }\n    }\n  }\n}': typeof types.GapsDocument;
  'query Places($text: String!, $first: Int) {\n  places(text: $text, first: $first) {\n    id\n    kind\n    name\n    nameEn\n    address\n    addressEn\n    location\n    regionName\n    facilityId\n    facilityType\n  }\n}': typeof types.PlacesDocument;
  'query PlannerDistricts($cityCode: String!) {\n  regions(level: DISTRICT, parentCode: $cityCode) {\n    code\n    name\n    boundary\n    labelPoint\n  }\n}': typeof types.PlannerDistrictsDocument;
  'fragment ScenarioFields on Scenario {\n  id\n  name\n  version\n  shared\n  changes {\n    id\n    kind\n    facilityId\n    hypotheticalId\n    type\n    name\n    lng\n    lat\n    places\n  }\n}\n\nmutation CreateScenario($name: String!) {\n  createScenario(name: $name) {\n    ...ScenarioFields\n  }\n}\n\nmutation AddScenarioChange($scenarioId: ID!, $expectedVersion: Int!, $change: ScenarioChangeInput!) {\n  addScenarioChange(\n    scenarioId: $scenarioId\n    expectedVersion: $expectedVersion\n    change: $change\n  ) {\n    ...ScenarioFields\n  }\n}\n\nmutation ReplaceScenarioChange($scenarioId: ID!, $expectedVersion: Int!, $changeId: ID!, $change: ScenarioChangeInput!) {\n  replaceScenarioChange(\n    scenarioId: $scenarioId\n    expectedVersion: $expectedVersion\n    changeId: $changeId\n    change: $change\n  ) {\n    ...ScenarioFields\n  }\n}': typeof types.ScenarioFieldsFragmentDoc;
  'query RegionNames {\n  regions(level: DISTRICT) {\n    code\n    name\n  }\n}': typeof types.RegionNamesDocument;
  'query Route($from: PointInput!, $to: PointInput!, $speed: Float) {\n  route(from: $from, to: $to, speedMetersPerMinute: $speed) {\n    geometry\n    steps\n    meters\n    minutes\n    method\n  }\n}': typeof types.RouteDocument;
  'query Scorecard($regionCode: String!) {\n  indicators(regionCode: $regionCode) {\n    code\n    name\n    nameEn\n    regionCode\n    regionName\n    regionLevel\n    value\n    lowerBound\n    upperBound\n    target\n    unit\n    status\n    missingData\n    missingDataZh\n    facilityIds\n    failingFacilityIds\n    sourceNote\n    sourceNoteZh\n    isSample\n  }\n}': typeof types.ScorecardDocument;
  'query ServiceAreas($filter: FacilityFilter!, $minutes: Int!, $first: Int) {\n  facilities(filter: $filter, first: $first) {\n    totalCount\n    edges {\n      node {\n        id\n        name\n        nameEn\n        type\n        isSample\n        serviceArea(minutes: $minutes) {\n          method\n          geometry\n        }\n      }\n    }\n  }\n}': typeof types.ServiceAreasDocument;
  'query ServiceCircle($point: PointInput!, $speed: Float!, $filter: FacilityFilter!, $first: Int) {\n  isochrone(\n    point: $point\n    minutes: [5, 10, 15]\n    mode: WALK\n    speedMetersPerMinute: $speed\n  ) {\n    minutes\n    geometry\n    areaSquareMeters\n    method\n  }\n  facilities(filter: $filter, first: $first) {\n    totalCount\n    travelMethod\n    pageInfo {\n      hasNextPage\n    }\n    edges {\n      node {\n        id\n        type\n        name\n        nameEn\n        address\n        addressEn\n        location\n        isSample\n        vacantBeds\n        vacancyUpdatedAt\n        totalBeds\n        feeMinMonthly\n        feeMaxMonthly\n        fees {\n          careLevel\n          totalMonthly\n          isSample\n        }\n        distanceMeters\n        travelMinutes\n      }\n    }\n  }\n}': typeof types.ServiceCircleDocument;
  'query SuggestSites($regionCode: String!, $types: [FacilityType!]!, $minutes: Int, $count: Int!, $timeBudgetMs: Int) {\n  suggestSites(\n    regionCode: $regionCode\n    types: $types\n    minutes: $minutes\n    count: $count\n    timeBudgetMs: $timeBudgetMs\n  ) {\n    sites {\n      rank\n      location\n      newlyCovered\n      marginalGain\n    }\n    totalNewlyCovered\n    optimalityGap\n    method\n    candidatesConsidered\n    uncoveredToday\n    noNetworkAccess\n  }\n}': typeof types.SuggestSitesDocument;
  'subscription VacancyChanged($bbox: BBoxInput) {\n  vacancyChanged(bbox: $bbox) {\n    id\n    vacantBeds\n    vacancyUpdatedAt\n  }\n}': typeof types.VacancyChangedDocument;
};
const documents: Documents = {
  'fragment CoverageNumbers on CoverageArea {\n  regionCode\n  name\n  hasPopulationData\n  cellCount\n  elderly {\n    age60plus\n    age65plus\n    age80plus\n  }\n  withinReach {\n    age60plus\n    age65plus\n    age80plus\n  }\n  withinReachPercent {\n    age60plus\n    age65plus\n    age80plus\n  }\n  beyondReach {\n    age60plus\n    age65plus\n    age80plus\n  }\n  noNetworkAccess {\n    age60plus\n    age65plus\n    age80plus\n  }\n  noNetworkCellCount\n  census {\n    age60plus\n    age65plus\n    age80plus\n  }\n  notInCells {\n    age60plus\n    age65plus\n    age80plus\n  }\n  served {\n    age60plus\n    age65plus\n    age80plus\n  }\n  servedPercent {\n    age60plus\n    age65plus\n    age80plus\n  }\n  unservedNearUnrecordedPlaces {\n    age60plus\n    age65plus\n    age80plus\n  }\n}\n\nquery Coverage($regionCode: String!, $types: [FacilityType!]!, $minutes: Int, $basket: Boolean, $capacityAware: Boolean, $speedMetersPerMinute: Float, $scenario: ID) {\n  coverage(\n    regionCode: $regionCode\n    types: $types\n    minutes: $minutes\n    basket: $basket\n    capacityAware: $capacityAware\n    speedMetersPerMinute: $speedMetersPerMinute\n    scenario: $scenario\n  ) {\n    minutes\n    speedMetersPerMinute\n    basket\n    capacityAware\n    facilitiesCounted\n    facilitiesOffNetwork\n    isSample\n    notes\n    notesZh\n    subRegionNote\n    region {\n      ...CoverageNumbers\n    }\n    subRegions {\n      ...CoverageNumbers\n    }\n    scenario {\n      id\n      name\n      version\n      changeCount\n    }\n    comparison {\n      regionCode\n      name\n      coveredToday {\n        age60plus\n        age65plus\n        age80plus\n      }\n      coveredInScenario {\n        age60plus\n        age65plus\n        age80plus\n      }\n      newlyCovered {\n        age60plus\n        age65plus\n        age80plus\n      }\n      lostCover {\n        age60plus\n        age65plus\n        age80plus\n      }\n    }\n    capacity {\n      placesOffered\n      placesTaken\n      facilitiesWithoutPlacesData\n    }\n  }\n}':
    types.CoverageNumbersFragmentDoc,
  'query FacilityDetails($id: ID!) {\n  facility(id: $id) {\n    id\n    type\n    name\n    nameEn\n    address\n    addressEn\n    phone\n    openingHours\n    operatorType\n    services\n    feeMinMonthly\n    feeMaxMonthly\n    fees {\n      careLevel\n      bedFee\n      careFee\n      mealFee\n      totalMonthly\n      isSample\n    }\n    totalBeds\n    nursingBeds\n    dementiaBeds\n    vacantBeds\n    vacancyUpdatedAt\n    residents\n    hasRehabRoom\n    hasInhouseMedical\n    ltcInsurance\n    medicalInsurance\n    starRating\n    hospitalGrade\n    regionCode\n    location\n    isSample\n    source\n    osmId\n    verifiedOn\n    partnerships {\n      id\n      careFacilityId\n      medicalFacilityId\n      signedOn\n      endsOn\n      services\n      greenChannel\n      twoWayReferral\n      primaryLevel\n      isSample\n    }\n    partners {\n      id\n      name\n      nameEn\n      type\n      isSample\n    }\n    consortia {\n      id\n      name\n      level\n      leadFacilityId\n      isSample\n      members {\n        facilityId\n        role\n      }\n    }\n  }\n}':
    types.FacilityDetailsDocument,
  'query FacilityList($filter: FacilityFilter, $first: Int) {\n  facilities(filter: $filter, first: $first) {\n    totalCount\n    pageInfo {\n      hasNextPage\n    }\n    edges {\n      node {\n        id\n        type\n        name\n        nameEn\n        address\n        addressEn\n        location\n        isSample\n        vacantBeds\n        vacancyUpdatedAt\n        totalBeds\n        feeMinMonthly\n        feeMaxMonthly\n        fees {\n          careLevel\n          totalMonthly\n          isSample\n        }\n        distanceMeters\n      }\n    }\n  }\n}':
    types.FacilityListDocument,
  'query Gaps($regionCode: String!, $types: [FacilityType!]!, $minutes: Int, $basket: Boolean, $speedMetersPerMinute: Float, $first: Int, $scenario: ID) {\n  gaps(\n    regionCode: $regionCode\n    types: $types\n    minutes: $minutes\n    basket: $basket\n    speedMetersPerMinute: $speedMetersPerMinute\n    first: $first\n    scenario: $scenario\n  ) {\n    id\n    reason\n    rank\n    area\n    cellCount\n    regionCodes\n    elderly {\n      age60plus\n      age65plus\n      age80plus\n    }\n    missing {\n      type\n      travelMinutes\n      elderly {\n        age60plus\n        age65plus\n        age80plus\n      }\n      nearestFacility {\n        id\n        name\n        nameEn\n        type\n        isSample\n        location\n      }\n    }\n  }\n}':
    types.GapsDocument,
  'query Places($text: String!, $first: Int) {\n  places(text: $text, first: $first) {\n    id\n    kind\n    name\n    nameEn\n    address\n    addressEn\n    location\n    regionName\n    facilityId\n    facilityType\n  }\n}':
    types.PlacesDocument,
  'query PlannerDistricts($cityCode: String!) {\n  regions(level: DISTRICT, parentCode: $cityCode) {\n    code\n    name\n    boundary\n    labelPoint\n  }\n}':
    types.PlannerDistrictsDocument,
  'fragment ScenarioFields on Scenario {\n  id\n  name\n  version\n  shared\n  changes {\n    id\n    kind\n    facilityId\n    hypotheticalId\n    type\n    name\n    lng\n    lat\n    places\n  }\n}\n\nmutation CreateScenario($name: String!) {\n  createScenario(name: $name) {\n    ...ScenarioFields\n  }\n}\n\nmutation AddScenarioChange($scenarioId: ID!, $expectedVersion: Int!, $change: ScenarioChangeInput!) {\n  addScenarioChange(\n    scenarioId: $scenarioId\n    expectedVersion: $expectedVersion\n    change: $change\n  ) {\n    ...ScenarioFields\n  }\n}\n\nmutation ReplaceScenarioChange($scenarioId: ID!, $expectedVersion: Int!, $changeId: ID!, $change: ScenarioChangeInput!) {\n  replaceScenarioChange(\n    scenarioId: $scenarioId\n    expectedVersion: $expectedVersion\n    changeId: $changeId\n    change: $change\n  ) {\n    ...ScenarioFields\n  }\n}':
    types.ScenarioFieldsFragmentDoc,
  'query RegionNames {\n  regions(level: DISTRICT) {\n    code\n    name\n  }\n}': types.RegionNamesDocument,
  'query Route($from: PointInput!, $to: PointInput!, $speed: Float) {\n  route(from: $from, to: $to, speedMetersPerMinute: $speed) {\n    geometry\n    steps\n    meters\n    minutes\n    method\n  }\n}':
    types.RouteDocument,
  'query Scorecard($regionCode: String!) {\n  indicators(regionCode: $regionCode) {\n    code\n    name\n    nameEn\n    regionCode\n    regionName\n    regionLevel\n    value\n    lowerBound\n    upperBound\n    target\n    unit\n    status\n    missingData\n    missingDataZh\n    facilityIds\n    failingFacilityIds\n    sourceNote\n    sourceNoteZh\n    isSample\n  }\n}':
    types.ScorecardDocument,
  'query ServiceAreas($filter: FacilityFilter!, $minutes: Int!, $first: Int) {\n  facilities(filter: $filter, first: $first) {\n    totalCount\n    edges {\n      node {\n        id\n        name\n        nameEn\n        type\n        isSample\n        serviceArea(minutes: $minutes) {\n          method\n          geometry\n        }\n      }\n    }\n  }\n}':
    types.ServiceAreasDocument,
  'query ServiceCircle($point: PointInput!, $speed: Float!, $filter: FacilityFilter!, $first: Int) {\n  isochrone(\n    point: $point\n    minutes: [5, 10, 15]\n    mode: WALK\n    speedMetersPerMinute: $speed\n  ) {\n    minutes\n    geometry\n    areaSquareMeters\n    method\n  }\n  facilities(filter: $filter, first: $first) {\n    totalCount\n    travelMethod\n    pageInfo {\n      hasNextPage\n    }\n    edges {\n      node {\n        id\n        type\n        name\n        nameEn\n        address\n        addressEn\n        location\n        isSample\n        vacantBeds\n        vacancyUpdatedAt\n        totalBeds\n        feeMinMonthly\n        feeMaxMonthly\n        fees {\n          careLevel\n          totalMonthly\n          isSample\n        }\n        distanceMeters\n        travelMinutes\n      }\n    }\n  }\n}':
    types.ServiceCircleDocument,
  'query SuggestSites($regionCode: String!, $types: [FacilityType!]!, $minutes: Int, $count: Int!, $timeBudgetMs: Int) {\n  suggestSites(\n    regionCode: $regionCode\n    types: $types\n    minutes: $minutes\n    count: $count\n    timeBudgetMs: $timeBudgetMs\n  ) {\n    sites {\n      rank\n      location\n      newlyCovered\n      marginalGain\n    }\n    totalNewlyCovered\n    optimalityGap\n    method\n    candidatesConsidered\n    uncoveredToday\n    noNetworkAccess\n  }\n}':
    types.SuggestSitesDocument,
  'subscription VacancyChanged($bbox: BBoxInput) {\n  vacancyChanged(bbox: $bbox) {\n    id\n    vacantBeds\n    vacancyUpdatedAt\n  }\n}':
    types.VacancyChangedDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: 'fragment CoverageNumbers on CoverageArea {\n  regionCode\n  name\n  hasPopulationData\n  cellCount\n  elderly {\n    age60plus\n    age65plus\n    age80plus\n  }\n  withinReach {\n    age60plus\n    age65plus\n    age80plus\n  }\n  withinReachPercent {\n    age60plus\n    age65plus\n    age80plus\n  }\n  beyondReach {\n    age60plus\n    age65plus\n    age80plus\n  }\n  noNetworkAccess {\n    age60plus\n    age65plus\n    age80plus\n  }\n  noNetworkCellCount\n  census {\n    age60plus\n    age65plus\n    age80plus\n  }\n  notInCells {\n    age60plus\n    age65plus\n    age80plus\n  }\n  served {\n    age60plus\n    age65plus\n    age80plus\n  }\n  servedPercent {\n    age60plus\n    age65plus\n    age80plus\n  }\n  unservedNearUnrecordedPlaces {\n    age60plus\n    age65plus\n    age80plus\n  }\n}\n\nquery Coverage($regionCode: String!, $types: [FacilityType!]!, $minutes: Int, $basket: Boolean, $capacityAware: Boolean, $speedMetersPerMinute: Float, $scenario: ID) {\n  coverage(\n    regionCode: $regionCode\n    types: $types\n    minutes: $minutes\n    basket: $basket\n    capacityAware: $capacityAware\n    speedMetersPerMinute: $speedMetersPerMinute\n    scenario: $scenario\n  ) {\n    minutes\n    speedMetersPerMinute\n    basket\n    capacityAware\n    facilitiesCounted\n    facilitiesOffNetwork\n    isSample\n    notes\n    notesZh\n    subRegionNote\n    region {\n      ...CoverageNumbers\n    }\n    subRegions {\n      ...CoverageNumbers\n    }\n    scenario {\n      id\n      name\n      version\n      changeCount\n    }\n    comparison {\n      regionCode\n      name\n      coveredToday {\n        age60plus\n        age65plus\n        age80plus\n      }\n      coveredInScenario {\n        age60plus\n        age65plus\n        age80plus\n      }\n      newlyCovered {\n        age60plus\n        age65plus\n        age80plus\n      }\n      lostCover {\n        age60plus\n        age65plus\n        age80plus\n      }\n    }\n    capacity {\n      placesOffered\n      placesTaken\n      facilitiesWithoutPlacesData\n    }\n  }\n}',
): typeof import('./graphql').CoverageNumbersFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: 'query FacilityDetails($id: ID!) {\n  facility(id: $id) {\n    id\n    type\n    name\n    nameEn\n    address\n    addressEn\n    phone\n    openingHours\n    operatorType\n    services\n    feeMinMonthly\n    feeMaxMonthly\n    fees {\n      careLevel\n      bedFee\n      careFee\n      mealFee\n      totalMonthly\n      isSample\n    }\n    totalBeds\n    nursingBeds\n    dementiaBeds\n    vacantBeds\n    vacancyUpdatedAt\n    residents\n    hasRehabRoom\n    hasInhouseMedical\n    ltcInsurance\n    medicalInsurance\n    starRating\n    hospitalGrade\n    regionCode\n    location\n    isSample\n    source\n    osmId\n    verifiedOn\n    partnerships {\n      id\n      careFacilityId\n      medicalFacilityId\n      signedOn\n      endsOn\n      services\n      greenChannel\n      twoWayReferral\n      primaryLevel\n      isSample\n    }\n    partners {\n      id\n      name\n      nameEn\n      type\n      isSample\n    }\n    consortia {\n      id\n      name\n      level\n      leadFacilityId\n      isSample\n      members {\n        facilityId\n        role\n      }\n    }\n  }\n}',
): typeof import('./graphql').FacilityDetailsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: 'query FacilityList($filter: FacilityFilter, $first: Int) {\n  facilities(filter: $filter, first: $first) {\n    totalCount\n    pageInfo {\n      hasNextPage\n    }\n    edges {\n      node {\n        id\n        type\n        name\n        nameEn\n        address\n        addressEn\n        location\n        isSample\n        vacantBeds\n        vacancyUpdatedAt\n        totalBeds\n        feeMinMonthly\n        feeMaxMonthly\n        fees {\n          careLevel\n          totalMonthly\n          isSample\n        }\n        distanceMeters\n      }\n    }\n  }\n}',
): typeof import('./graphql').FacilityListDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: 'query Gaps($regionCode: String!, $types: [FacilityType!]!, $minutes: Int, $basket: Boolean, $speedMetersPerMinute: Float, $first: Int, $scenario: ID) {\n  gaps(\n    regionCode: $regionCode\n    types: $types\n    minutes: $minutes\n    basket: $basket\n    speedMetersPerMinute: $speedMetersPerMinute\n    first: $first\n    scenario: $scenario\n  ) {\n    id\n    reason\n    rank\n    area\n    cellCount\n    regionCodes\n    elderly {\n      age60plus\n      age65plus\n      age80plus\n    }\n    missing {\n      type\n      travelMinutes\n      elderly {\n        age60plus\n        age65plus\n        age80plus\n      }\n      nearestFacility {\n        id\n        name\n        nameEn\n        type\n        isSample\n        location\n      }\n    }\n  }\n}',
): typeof import('./graphql').GapsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: 'query Places($text: String!, $first: Int) {\n  places(text: $text, first: $first) {\n    id\n    kind\n    name\n    nameEn\n    address\n    addressEn\n    location\n    regionName\n    facilityId\n    facilityType\n  }\n}',
): typeof import('./graphql').PlacesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: 'query PlannerDistricts($cityCode: String!) {\n  regions(level: DISTRICT, parentCode: $cityCode) {\n    code\n    name\n    boundary\n    labelPoint\n  }\n}',
): typeof import('./graphql').PlannerDistrictsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: 'fragment ScenarioFields on Scenario {\n  id\n  name\n  version\n  shared\n  changes {\n    id\n    kind\n    facilityId\n    hypotheticalId\n    type\n    name\n    lng\n    lat\n    places\n  }\n}\n\nmutation CreateScenario($name: String!) {\n  createScenario(name: $name) {\n    ...ScenarioFields\n  }\n}\n\nmutation AddScenarioChange($scenarioId: ID!, $expectedVersion: Int!, $change: ScenarioChangeInput!) {\n  addScenarioChange(\n    scenarioId: $scenarioId\n    expectedVersion: $expectedVersion\n    change: $change\n  ) {\n    ...ScenarioFields\n  }\n}\n\nmutation ReplaceScenarioChange($scenarioId: ID!, $expectedVersion: Int!, $changeId: ID!, $change: ScenarioChangeInput!) {\n  replaceScenarioChange(\n    scenarioId: $scenarioId\n    expectedVersion: $expectedVersion\n    changeId: $changeId\n    change: $change\n  ) {\n    ...ScenarioFields\n  }\n}',
): typeof import('./graphql').ScenarioFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: 'query RegionNames {\n  regions(level: DISTRICT) {\n    code\n    name\n  }\n}',
): typeof import('./graphql').RegionNamesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: 'query Route($from: PointInput!, $to: PointInput!, $speed: Float) {\n  route(from: $from, to: $to, speedMetersPerMinute: $speed) {\n    geometry\n    steps\n    meters\n    minutes\n    method\n  }\n}',
): typeof import('./graphql').RouteDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: 'query Scorecard($regionCode: String!) {\n  indicators(regionCode: $regionCode) {\n    code\n    name\n    nameEn\n    regionCode\n    regionName\n    regionLevel\n    value\n    lowerBound\n    upperBound\n    target\n    unit\n    status\n    missingData\n    missingDataZh\n    facilityIds\n    failingFacilityIds\n    sourceNote\n    sourceNoteZh\n    isSample\n  }\n}',
): typeof import('./graphql').ScorecardDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: 'query ServiceAreas($filter: FacilityFilter!, $minutes: Int!, $first: Int) {\n  facilities(filter: $filter, first: $first) {\n    totalCount\n    edges {\n      node {\n        id\n        name\n        nameEn\n        type\n        isSample\n        serviceArea(minutes: $minutes) {\n          method\n          geometry\n        }\n      }\n    }\n  }\n}',
): typeof import('./graphql').ServiceAreasDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: 'query ServiceCircle($point: PointInput!, $speed: Float!, $filter: FacilityFilter!, $first: Int) {\n  isochrone(\n    point: $point\n    minutes: [5, 10, 15]\n    mode: WALK\n    speedMetersPerMinute: $speed\n  ) {\n    minutes\n    geometry\n    areaSquareMeters\n    method\n  }\n  facilities(filter: $filter, first: $first) {\n    totalCount\n    travelMethod\n    pageInfo {\n      hasNextPage\n    }\n    edges {\n      node {\n        id\n        type\n        name\n        nameEn\n        address\n        addressEn\n        location\n        isSample\n        vacantBeds\n        vacancyUpdatedAt\n        totalBeds\n        feeMinMonthly\n        feeMaxMonthly\n        fees {\n          careLevel\n          totalMonthly\n          isSample\n        }\n        distanceMeters\n        travelMinutes\n      }\n    }\n  }\n}',
): typeof import('./graphql').ServiceCircleDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: 'query SuggestSites($regionCode: String!, $types: [FacilityType!]!, $minutes: Int, $count: Int!, $timeBudgetMs: Int) {\n  suggestSites(\n    regionCode: $regionCode\n    types: $types\n    minutes: $minutes\n    count: $count\n    timeBudgetMs: $timeBudgetMs\n  ) {\n    sites {\n      rank\n      location\n      newlyCovered\n      marginalGain\n    }\n    totalNewlyCovered\n    optimalityGap\n    method\n    candidatesConsidered\n    uncoveredToday\n    noNetworkAccess\n  }\n}',
): typeof import('./graphql').SuggestSitesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: 'subscription VacancyChanged($bbox: BBoxInput) {\n  vacancyChanged(bbox: $bbox) {\n    id\n    vacantBeds\n    vacancyUpdatedAt\n  }\n}',
): typeof import('./graphql').VacancyChangedDocument;

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
