/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> =
  T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
/** A WGS84 bounding box; west < east, south < north, at most 5° on a side. */
export type BBoxInput = {
  east: number;
  north: number;
  south: number;
  west: number;
};

/** Assessed care level a care home prices by. */
export type CareLevel =
  /** 失智 dementia */
  | 'DEMENTIA'
  /** 失能 disabled */
  | 'DISABLED'
  /** 半失能 partly disabled */
  | 'PARTLY_DISABLED'
  /** 自理 self-care */
  | 'SELF_CARE';

/** Filters of the facilities query; every filter given must hold. */
export type FacilityFilter = {
  bbox?: BBoxInput | null | undefined;
  /** The care level maxMonthlyFee is for; alone, it changes nothing. */
  careLevel?: CareLevel | null | undefined;
  /** Only facilities with at least one vacant bed. */
  hasVacancy?: boolean | null | undefined;
  /** Only these facilities (at most 500 ids). */
  ids?: Array<string | number> | null | undefined;
  /** Only sample (true) or only real (false) rows. */
  isSample?: boolean | null | undefined;
  /** Monthly budget in CNY. With careLevel: homes whose total for that level (bed + care + meals, Facility.fees) is at most this; a home that publishes no fee for the level matches when its highest monthly fee is within it. Without careLevel: facilities whose highest monthly fee is within it, whatever the level. Facilities without fees are left out. */
  maxMonthlyFee?: number | null | undefined;
  near?: NearInput | null | undefined;
  /** Division code; facilities inside that region. */
  regionCode?: string | null | undefined;
  /** Facilities offering all of these. */
  services?: Array<FacilityService> | null | undefined;
  /** Substring of the Chinese name or address, or of the name in pinyin (full or initials). */
  text?: string | null | undefined;
  types?: Array<FacilityType> | null | undefined;
  within?: WithinInput | null | undefined;
};

/** A service a facility offers. */
export type FacilityService =
  | 'ASSISTIVE_DEVICES'
  | 'BATHING'
  | 'DAY_CARE'
  | 'DEMENTIA_CARE'
  | 'EMERGENCY'
  | 'FAMILY_DOCTOR'
  | 'HEALTH_CHECK'
  | 'HOME_VISIT'
  | 'HOSPICE'
  | 'MEAL'
  | 'MEAL_DELIVERY'
  | 'MEDICAL'
  | 'NURSING'
  | 'REHABILITATION'
  | 'RESPITE'
  | 'TCM';

/** Kind of care resource (../shared/domain.md "Resource types"). */
export type FacilityType =
  /** 康复辅助器具租赁 */
  | 'ASSISTIVE_DEVICE_RENTAL'
  /** 社区居家养老服务照料中心, 康养驿站, 日间照料 */
  | 'COMMUNITY_CARE_STATION'
  /** 医院 hospital (一/二/三级, general or TCM) */
  | 'HOSPITAL'
  /** 老年食堂, 助餐点 meal point */
  | 'MEAL_POINT'
  /** 养老机构 elderly-care institution (公办/民办/公建民营, 敬老院) */
  | 'NURSING_HOME'
  /** 护理院, 康复医院, 老年病医院, 安宁疗护 */
  | 'NURSING_HOSPITAL'
  /** 药店 pharmacy */
  | 'PHARMACY'
  /** 社区卫生服务中心/站, 乡镇卫生院, 村卫生室, clinics */
  | 'PRIMARY_CARE'
  /** 康复场所, 康复诊所, 中医推拿馆 */
  | 'REHABILITATION'
  /** 农村幸福院 rural care home */
  | 'RURAL_CARE'
  /** 街道居家养老服务中心 street home-care centre */
  | 'STREET_CARE_CENTER';

/** Why older people are listed: BEYOND_REACH is a real gap; NO_NETWORK_ACCESS is unknown (无路网数据), not a gap. */
export type GapReason =
  /** On the street network, but not within the time limit. */
  | 'BEYOND_REACH'
  /** The cell centroid is more than 300 m from every street of the loaded network (water, or outside the OpenStreetMap extract): travel times are unknown. */
  | 'NO_NETWORK_ACCESS';

/** 医院等级: 一级, 二级, 三级. */
export type HospitalGrade = 'GRADE_1' | 'GRADE_2' | 'GRADE_3';

/** A target of the planner scorecard (../shared/domain.md "Targets a planner checks"). */
export type IndicatorCode =
  | 'CERTIFIED_SOCIAL_WORKERS_PER_500_ELDERLY'
  | 'COMMUNITIES_WITH_MEAL_SERVICE'
  | 'DEMENTIA_BED_SHARE_IN_DESIGNATED'
  | 'ELDERLY_SERVICE_AREA_IN_NEW_HOUSING'
  | 'ELDERLY_WITHIN_15_MIN_COMMUNITY_CARE'
  | 'ELDERLY_WITHIN_20_MIN_MEDICAL_AND_CARE'
  | 'FAMILY_DOCTOR_SIGNING_65PLUS'
  | 'INSTITUTIONS_SIGNED_WITH_MEDICAL'
  | 'MEDICAL_CARE_IN_INSTITUTIONS_50_RESIDENTS'
  | 'NURSING_BEDS_PER_100_ELDERLY'
  | 'NURSING_BED_SHARE'
  | 'REHAB_ROOM_IN_LARGE_INSTITUTIONS'
  | 'SOCIAL_WORKERS_PER_60_BEDS'
  | 'STREETS_WITH_CONSORTIUM';

/** PASS or FAIL against the target; UNKNOWN when the data to decide is absent (missingData names it). */
export type IndicatorStatus = 'FAIL' | 'PASS' | 'UNKNOWN';

/** Facilities within a straight-line radius, nearest first. */
export type NearInput = {
  point: PointInput;
  /** Radius in metres, up to 50,000. */
  radiusMeters: number;
};

/** Which people in need (统一需求评估) a coverage question counts. */
export type NeedWeight =
  /** 失智. */
  | 'DEMENTIA'
  /** 失能 at any assessed level (轻度 + 中度 + 重度). */
  | 'DISABLED'
  /** 独居 (living alone). */
  | 'LIVING_ALONE'
  /** 中度 or 重度 失能. */
  | 'MODERATELY_OR_SEVERELY_DISABLED'
  /** 重度 失能. */
  | 'SEVERELY_DISABLED';

/** Who runs the facility: 公办, 民办, 公建民营. */
export type OperatorType = 'PRIVATE' | 'PUBLIC' | 'PUBLIC_BUILT_PRIVATE_RUN';

/** 巡诊 ROUNDS, 随访 FOLLOW_UP, 中医药 TCM, 远程医疗 TELEMEDICINE, 上门体检 HOME_CHECKUP. */
export type PartnershipService = 'FOLLOW_UP' | 'HOME_CHECKUP' | 'ROUNDS' | 'TCM' | 'TELEMEDICINE';

/** What a place found by the place search is. */
export type PlaceKind =
  /** A street address (addr:street + addr:housenumber) of an unnamed building. */
  | 'ADDRESS'
  /** A named building. */
  | 'BUILDING'
  /** A residential compound (小区) or neighbourhood. */
  | 'COMPOUND'
  /** A facility of the directory (facilityId names it). */
  | 'FACILITY'
  /** A named landmark: a shop, a park, a station, a school… */
  | 'LANDMARK'
  /** A district, street (街道) or other division (regionCode names it). */
  | 'REGION'
  /** A named road or path, at the middle of its longest stretch. */
  | 'ROAD';

/** A point in WGS84 degrees. */
export type PointInput = {
  /** Latitude, -90 to 90. */
  lat: number;
  /** Longitude, -180 to 180. */
  lng: number;
};

/** 省 PROVINCE, 市 CITY, 区/县 DISTRICT, 街道/乡镇 STREET, 社区/村 COMMUNITY. */
export type RegionLevel = 'CITY' | 'COMMUNITY' | 'DISTRICT' | 'PROVINCE' | 'STREET';

/** ADD: type and location (places optional, name optional). MOVE: facilityId and location. CLOSE: facilityId. CAPACITY: facilityId and places. */
export type ScenarioChangeInput = {
  facilityId?: string | number | null | undefined;
  kind: ScenarioChangeKind;
  location?: PointInput | null | undefined;
  name?: string | null | undefined;
  /** Places (beds or capacity), 0–100000. */
  places?: number | null | undefined;
  type?: FacilityType | null | undefined;
};

/** What a scenario change does to today’s directory. */
export type ScenarioChangeKind =
  /** A hypothetical facility (type, location, places). */
  | 'ADD'
  /** An existing facility with another number of places (vacant beds). */
  | 'CAPACITY'
  /** An existing facility closed. */
  | 'CLOSE'
  /** An existing facility at another location. */
  | 'MOVE';

/** How suggested sites were chosen. */
export type SolveMethod =
  /** The MILP solver (HiGHS) proved the choice optimal within the time budget. */
  | 'EXACT'
  /** Greedy then pairwise interchange, after the time budget ran out; optimalityGap is against the LP bound. */
  | 'HEURISTIC';

/** What produced a travel time or an area; one answer never mixes the two. */
export type TravelMethod =
  /** Along the street and footpath network. */
  | 'NETWORK'
  /** Straight line at the same speed: the point is more than 300 m from every street, so the network does not cover it. */
  | 'RADIUS';

/** How people travel along the street and footpath network (OpenStreetMap). People on foot and in wheelchairs may go both ways along one-way streets; bicycles and cars may not. */
export type TravelMode =
  /** By bicycle, 250 m/min (15 km/h) unless a speed is given; one-way streets one way; no steps; footways at half speed. */
  | 'BICYCLE'
  /** By car: roads open to motor vehicles only, one-way streets one way, at the mapped speed limit (maxspeed) or else by road class (60 km/h motorway … 20 km/h residential, 10 km/h living street). No speed argument; straight-line fallback at 30 km/h. */
  | 'DRIVE'
  /** By e-bike (电动自行车), 333 m/min (20 km/h) unless a speed is given; rules as BICYCLE. */
  | 'EBIKE'
  /** On foot at older people's speed, 48 m/min (0.8 m/s) unless a speed is given; steps 1.5×. */
  | 'ELDERLY_WALK'
  /** On foot at the planning speed, 60 m/min unless a speed is given; steps take 1.5 times as long; not on motorways or ramps. */
  | 'WALK'
  /** In a wheelchair, 50 m/min unless a speed is given; never up or down steps, never over a mapped raised kerb (lowered or flush kerbs pass; kerbs not mapped are assumed passable). */
  | 'WHEELCHAIR';

/** Facilities reachable within a travel time, soonest first, each with travelMinutes. Along the street network; when no street is within 300 m of the point, by straight line at the same speed (FacilityConnection.travelMethod says which). */
export type WithinInput = {
  /** Time limit in whole minutes, 1 to 60. */
  minutes: number;
  /** Default WALK. */
  mode?: TravelMode | null | undefined;
  /** Where the trip starts. */
  point: PointInput;
  /** Metres per minute, above 0 and at most 150; default 60. */
  speedMetersPerMinute?: number | null | undefined;
};

export type CoverageNumbersFragment = {
  regionCode: string | null;
  name: string;
  hasPopulationData: boolean;
  cellCount: number;
  noNetworkCellCount: number;
  elderly: { age60plus: number; age65plus: number; age80plus: number };
  withinReach: { age60plus: number; age65plus: number; age80plus: number };
  withinReachPercent: { age60plus: number | null; age65plus: number | null; age80plus: number | null };
  beyondReach: { age60plus: number; age65plus: number; age80plus: number };
  noNetworkAccess: { age60plus: number; age65plus: number; age80plus: number };
  census: { age60plus: number; age65plus: number; age80plus: number } | null;
  notInCells: { age60plus: number; age65plus: number; age80plus: number } | null;
  served: { age60plus: number; age65plus: number; age80plus: number } | null;
  servedPercent: { age60plus: number | null; age65plus: number | null; age80plus: number | null } | null;
  unservedNearUnrecordedPlaces: { age60plus: number; age65plus: number; age80plus: number } | null;
};

export type CoverageQueryVariables = Exact<{
  regionCode: string;
  types: Array<FacilityType> | FacilityType;
  minutes?: number | null | undefined;
  basket?: boolean | null | undefined;
  capacityAware?: boolean | null | undefined;
  speedMetersPerMinute?: number | null | undefined;
  mode?: TravelMode | null | undefined;
  scenario?: string | number | null | undefined;
}>;

export type CoverageQuery = {
  coverage: {
    minutes: number;
    speedMetersPerMinute: number;
    mode: TravelMode;
    basket: boolean;
    capacityAware: boolean;
    facilitiesCounted: number;
    facilitiesOffNetwork: Array<string>;
    isSample: boolean;
    notes: Array<string>;
    notesZh: Array<string>;
    subRegionNote: string | null;
    region: {
      regionCode: string | null;
      name: string;
      hasPopulationData: boolean;
      cellCount: number;
      noNetworkCellCount: number;
      elderly: { age60plus: number; age65plus: number; age80plus: number };
      withinReach: { age60plus: number; age65plus: number; age80plus: number };
      withinReachPercent: { age60plus: number | null; age65plus: number | null; age80plus: number | null };
      beyondReach: { age60plus: number; age65plus: number; age80plus: number };
      noNetworkAccess: { age60plus: number; age65plus: number; age80plus: number };
      census: { age60plus: number; age65plus: number; age80plus: number } | null;
      notInCells: { age60plus: number; age65plus: number; age80plus: number } | null;
      served: { age60plus: number; age65plus: number; age80plus: number } | null;
      servedPercent: { age60plus: number | null; age65plus: number | null; age80plus: number | null } | null;
      unservedNearUnrecordedPlaces: { age60plus: number; age65plus: number; age80plus: number } | null;
    };
    subRegions: Array<{
      regionCode: string | null;
      name: string;
      hasPopulationData: boolean;
      cellCount: number;
      noNetworkCellCount: number;
      elderly: { age60plus: number; age65plus: number; age80plus: number };
      withinReach: { age60plus: number; age65plus: number; age80plus: number };
      withinReachPercent: { age60plus: number | null; age65plus: number | null; age80plus: number | null };
      beyondReach: { age60plus: number; age65plus: number; age80plus: number };
      noNetworkAccess: { age60plus: number; age65plus: number; age80plus: number };
      census: { age60plus: number; age65plus: number; age80plus: number } | null;
      notInCells: { age60plus: number; age65plus: number; age80plus: number } | null;
      served: { age60plus: number; age65plus: number; age80plus: number } | null;
      servedPercent: { age60plus: number | null; age65plus: number | null; age80plus: number | null } | null;
      unservedNearUnrecordedPlaces: { age60plus: number; age65plus: number; age80plus: number } | null;
    }> | null;
    scenario: { id: string; name: string; version: number; changeCount: number } | null;
    comparison: Array<{
      regionCode: string | null;
      name: string;
      coveredToday: { age60plus: number; age65plus: number; age80plus: number };
      coveredInScenario: { age60plus: number; age65plus: number; age80plus: number };
      newlyCovered: { age60plus: number; age65plus: number; age80plus: number };
      lostCover: { age60plus: number; age65plus: number; age80plus: number };
    }> | null;
    capacity: {
      placesOffered: number;
      placesTaken: number;
      facilitiesWithoutPlacesData: Array<string>;
    } | null;
  };
};

export type FacilityDetailsQueryVariables = Exact<{
  id: string | number;
}>;

export type FacilityDetailsQuery = {
  facility: {
    id: string;
    type: FacilityType;
    name: string;
    nameEn: string | null;
    address: string | null;
    addressEn: string | null;
    phone: string | null;
    openingHours: string | null;
    operatorType: OperatorType | null;
    services: Array<FacilityService>;
    feeMinMonthly: number | null;
    feeMaxMonthly: number | null;
    totalBeds: number | null;
    nursingBeds: number | null;
    dementiaBeds: number | null;
    vacantBeds: number | null;
    vacancyUpdatedAt: string | null;
    residents: number | null;
    hasRehabRoom: boolean | null;
    hasInhouseMedical: boolean | null;
    ltcInsurance: boolean | null;
    medicalInsurance: boolean | null;
    starRating: number | null;
    hospitalGrade: HospitalGrade | null;
    regionCode: string | null;
    location: import('geojson').GeoJSON;
    isSample: boolean;
    source: string;
    osmId: string | null;
    verifiedOn: string | null;
    fees: Array<{
      careLevel: CareLevel;
      bedFee: number;
      careFee: number;
      mealFee: number;
      totalMonthly: number;
      isSample: boolean;
    }>;
    partnerships: Array<{
      id: string;
      careFacilityId: string;
      medicalFacilityId: string;
      signedOn: string;
      endsOn: string | null;
      services: Array<PartnershipService>;
      greenChannel: boolean;
      twoWayReferral: boolean;
      primaryLevel: boolean;
      isSample: boolean;
    }>;
    partners: Array<{
      id: string;
      name: string;
      nameEn: string | null;
      type: FacilityType;
      isSample: boolean;
    }>;
    consortia: Array<{
      id: string;
      name: string;
      level: string;
      leadFacilityId: string;
      isSample: boolean;
      members: Array<{ facilityId: string; role: string }>;
    }>;
  } | null;
};

export type FacilityListQueryVariables = Exact<{
  filter?: FacilityFilter | null | undefined;
  first?: number | null | undefined;
}>;

export type FacilityListQuery = {
  facilities: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean };
    edges: Array<{
      node: {
        id: string;
        type: FacilityType;
        name: string;
        nameEn: string | null;
        address: string | null;
        addressEn: string | null;
        location: import('geojson').GeoJSON;
        isSample: boolean;
        vacantBeds: number | null;
        vacancyUpdatedAt: string | null;
        totalBeds: number | null;
        feeMinMonthly: number | null;
        feeMaxMonthly: number | null;
        distanceMeters: number | null;
        fees: Array<{ careLevel: CareLevel; totalMonthly: number; isSample: boolean }>;
      };
    }>;
  };
};

export type GapsQueryVariables = Exact<{
  regionCode: string;
  types: Array<FacilityType> | FacilityType;
  minutes?: number | null | undefined;
  basket?: boolean | null | undefined;
  speedMetersPerMinute?: number | null | undefined;
  mode?: TravelMode | null | undefined;
  first?: number | null | undefined;
  scenario?: string | number | null | undefined;
}>;

export type GapsQuery = {
  gaps: Array<{
    id: string;
    reason: GapReason;
    rank: number | null;
    area: import('geojson').GeoJSON;
    cellCount: number;
    regionCodes: Array<string>;
    elderly: { age60plus: number; age65plus: number; age80plus: number };
    missing: Array<{
      type: FacilityType;
      travelMinutes: number | null;
      elderly: { age60plus: number; age65plus: number; age80plus: number };
      nearestFacility: {
        id: string;
        name: string;
        nameEn: string | null;
        type: FacilityType;
        isSample: boolean;
        location: import('geojson').GeoJSON;
      } | null;
    }>;
  }>;
};

export type NeedCoverageQueryVariables = Exact<{
  regionCode: string;
  types: Array<FacilityType> | FacilityType;
  weight: NeedWeight;
  minutes?: number | null | undefined;
  mode?: TravelMode | null | undefined;
  speedMetersPerMinute?: number | null | undefined;
}>;

export type NeedCoverageQuery = {
  needCoverage: {
    regionCode: string;
    weight: NeedWeight;
    minutes: number;
    mode: TravelMode;
    people: number;
    withinReach: number;
    withinReachPercent: number | null;
    isSample: boolean;
    areas: Array<{
      regionCode: string;
      name: string;
      people: number;
      withinReach: number | null;
      withinReachPercent: number | null;
      shareFrom: string | null;
      includedIn: string | null;
      isSample: boolean;
    }>;
  };
};

export type PlacesQueryVariables = Exact<{
  text: string;
  first?: number | null | undefined;
}>;

export type PlacesQuery = {
  places: Array<{
    id: string;
    kind: PlaceKind;
    name: string;
    nameEn: string | null;
    address: string | null;
    addressEn: string | null;
    location: import('geojson').GeoJSON;
    regionName: string | null;
    facilityId: string | null;
    facilityType: FacilityType | null;
  }>;
};

export type PlannerDistrictsQueryVariables = Exact<{
  cityCode: string;
}>;

export type PlannerDistrictsQuery = {
  regions: Array<{
    code: string;
    name: string;
    boundary: import('geojson').GeoJSON | null;
    labelPoint: import('geojson').GeoJSON | null;
  }>;
};

export type ScenarioFieldsFragment = {
  id: string;
  name: string;
  version: number;
  shared: boolean;
  changes: Array<{
    id: string;
    kind: ScenarioChangeKind;
    facilityId: string | null;
    hypotheticalId: string | null;
    type: FacilityType | null;
    name: string | null;
    lng: number | null;
    lat: number | null;
    places: number | null;
  }>;
};

export type CreateScenarioMutationVariables = Exact<{
  name: string;
}>;

export type CreateScenarioMutation = {
  createScenario: {
    id: string;
    name: string;
    version: number;
    shared: boolean;
    changes: Array<{
      id: string;
      kind: ScenarioChangeKind;
      facilityId: string | null;
      hypotheticalId: string | null;
      type: FacilityType | null;
      name: string | null;
      lng: number | null;
      lat: number | null;
      places: number | null;
    }>;
  };
};

export type AddScenarioChangeMutationVariables = Exact<{
  scenarioId: string | number;
  expectedVersion: number;
  change: ScenarioChangeInput;
}>;

export type AddScenarioChangeMutation = {
  addScenarioChange: {
    id: string;
    name: string;
    version: number;
    shared: boolean;
    changes: Array<{
      id: string;
      kind: ScenarioChangeKind;
      facilityId: string | null;
      hypotheticalId: string | null;
      type: FacilityType | null;
      name: string | null;
      lng: number | null;
      lat: number | null;
      places: number | null;
    }>;
  };
};

export type ReplaceScenarioChangeMutationVariables = Exact<{
  scenarioId: string | number;
  expectedVersion: number;
  changeId: string | number;
  change: ScenarioChangeInput;
}>;

export type ReplaceScenarioChangeMutation = {
  replaceScenarioChange: {
    id: string;
    name: string;
    version: number;
    shared: boolean;
    changes: Array<{
      id: string;
      kind: ScenarioChangeKind;
      facilityId: string | null;
      hypotheticalId: string | null;
      type: FacilityType | null;
      name: string | null;
      lng: number | null;
      lat: number | null;
      places: number | null;
    }>;
  };
};

export type ScenarioQueryVariables = Exact<{
  id: string | number;
}>;

export type ScenarioQuery = {
  scenario: {
    id: string;
    name: string;
    version: number;
    shared: boolean;
    changes: Array<{
      id: string;
      kind: ScenarioChangeKind;
      facilityId: string | null;
      hypotheticalId: string | null;
      type: FacilityType | null;
      name: string | null;
      lng: number | null;
      lat: number | null;
      places: number | null;
    }>;
  };
};

export type RegionNamesQueryVariables = Exact<{ [key: string]: never }>;

export type RegionNamesQuery = { regions: Array<{ code: string; name: string }> };

export type RouteQueryVariables = Exact<{
  from: PointInput;
  to: PointInput;
  speed?: number | null | undefined;
}>;

export type RouteQuery = {
  route: {
    geometry: import('geojson').GeoJSON;
    steps: import('geojson').GeoJSON;
    meters: number;
    minutes: number;
    method: TravelMethod;
  } | null;
};

export type ScorecardQueryVariables = Exact<{
  regionCode: string;
}>;

export type ScorecardQuery = {
  indicators: Array<{
    code: IndicatorCode;
    name: string;
    nameEn: string;
    regionCode: string | null;
    regionName: string;
    regionLevel: RegionLevel;
    value: number | null;
    lowerBound: number | null;
    upperBound: number | null;
    target: number;
    unit: string;
    status: IndicatorStatus;
    missingData: Array<string>;
    missingDataZh: Array<string>;
    facilityIds: Array<string>;
    failingFacilityIds: Array<string>;
    sourceNote: string;
    sourceNoteZh: string;
    isSample: boolean;
  }>;
};

export type ServiceAreasQueryVariables = Exact<{
  filter: FacilityFilter;
  minutes: number;
  mode: TravelMode;
  first?: number | null | undefined;
}>;

export type ServiceAreasQuery = {
  facilities: {
    totalCount: number;
    edges: Array<{
      node: {
        id: string;
        name: string;
        nameEn: string | null;
        type: FacilityType;
        isSample: boolean;
        serviceArea: { method: TravelMethod; geometry: import('geojson').GeoJSON };
      };
    }>;
  };
};

export type ServiceCircleQueryVariables = Exact<{
  point: PointInput;
  speed: number;
  filter: FacilityFilter;
  first?: number | null | undefined;
}>;

export type ServiceCircleQuery = {
  isochrone: Array<{
    minutes: number;
    geometry: import('geojson').GeoJSON;
    areaSquareMeters: number;
    method: TravelMethod;
  }>;
  facilities: {
    totalCount: number;
    travelMethod: TravelMethod | null;
    pageInfo: { hasNextPage: boolean };
    edges: Array<{
      node: {
        id: string;
        type: FacilityType;
        name: string;
        nameEn: string | null;
        address: string | null;
        addressEn: string | null;
        location: import('geojson').GeoJSON;
        isSample: boolean;
        vacantBeds: number | null;
        vacancyUpdatedAt: string | null;
        totalBeds: number | null;
        feeMinMonthly: number | null;
        feeMaxMonthly: number | null;
        distanceMeters: number | null;
        travelMinutes: number | null;
        fees: Array<{ careLevel: CareLevel; totalMonthly: number; isSample: boolean }>;
      };
    }>;
  };
};

export type SuggestSitesQueryVariables = Exact<{
  regionCode: string;
  types: Array<FacilityType> | FacilityType;
  minutes?: number | null | undefined;
  count: number;
  timeBudgetMs?: number | null | undefined;
  speedMetersPerMinute?: number | null | undefined;
  mode?: TravelMode | null | undefined;
  weight?: NeedWeight | null | undefined;
}>;

export type SuggestSitesQuery = {
  suggestSites: {
    totalNewlyCovered: number;
    optimalityGap: number;
    method: SolveMethod;
    candidatesConsidered: number;
    uncoveredToday: number;
    noNetworkAccess: number;
    mode: TravelMode;
    weight: NeedWeight | null;
    sites: Array<{
      rank: number;
      location: import('geojson').GeoJSON;
      newlyCovered: number;
      marginalGain: number;
    }>;
  };
};

export type VacancyChangedSubscriptionVariables = Exact<{
  bbox?: BBoxInput | null | undefined;
}>;

export type VacancyChangedSubscription = {
  vacancyChanged: { id: string; vacantBeds: number | null; vacancyUpdatedAt: string | null };
};

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}
export const CoverageNumbersFragmentDoc = new TypedDocumentString(
  `
    fragment CoverageNumbers on CoverageArea {
  regionCode
  name
  hasPopulationData
  cellCount
  elderly {
    age60plus
    age65plus
    age80plus
  }
  withinReach {
    age60plus
    age65plus
    age80plus
  }
  withinReachPercent {
    age60plus
    age65plus
    age80plus
  }
  beyondReach {
    age60plus
    age65plus
    age80plus
  }
  noNetworkAccess {
    age60plus
    age65plus
    age80plus
  }
  noNetworkCellCount
  census {
    age60plus
    age65plus
    age80plus
  }
  notInCells {
    age60plus
    age65plus
    age80plus
  }
  served {
    age60plus
    age65plus
    age80plus
  }
  servedPercent {
    age60plus
    age65plus
    age80plus
  }
  unservedNearUnrecordedPlaces {
    age60plus
    age65plus
    age80plus
  }
}
    `,
  { fragmentName: 'CoverageNumbers' },
) as unknown as TypedDocumentString<CoverageNumbersFragment, unknown>;
export const ScenarioFieldsFragmentDoc = new TypedDocumentString(
  `
    fragment ScenarioFields on Scenario {
  id
  name
  version
  shared
  changes {
    id
    kind
    facilityId
    hypotheticalId
    type
    name
    lng
    lat
    places
  }
}
    `,
  { fragmentName: 'ScenarioFields' },
) as unknown as TypedDocumentString<ScenarioFieldsFragment, unknown>;
export const CoverageDocument = new TypedDocumentString(`
    query Coverage($regionCode: String!, $types: [FacilityType!]!, $minutes: Int, $basket: Boolean, $capacityAware: Boolean, $speedMetersPerMinute: Float, $mode: TravelMode, $scenario: ID) {
  coverage(
    regionCode: $regionCode
    types: $types
    minutes: $minutes
    basket: $basket
    capacityAware: $capacityAware
    speedMetersPerMinute: $speedMetersPerMinute
    mode: $mode
    scenario: $scenario
  ) {
    minutes
    speedMetersPerMinute
    mode
    basket
    capacityAware
    facilitiesCounted
    facilitiesOffNetwork
    isSample
    notes
    notesZh
    subRegionNote
    region {
      ...CoverageNumbers
    }
    subRegions {
      ...CoverageNumbers
    }
    scenario {
      id
      name
      version
      changeCount
    }
    comparison {
      regionCode
      name
      coveredToday {
        age60plus
        age65plus
        age80plus
      }
      coveredInScenario {
        age60plus
        age65plus
        age80plus
      }
      newlyCovered {
        age60plus
        age65plus
        age80plus
      }
      lostCover {
        age60plus
        age65plus
        age80plus
      }
    }
    capacity {
      placesOffered
      placesTaken
      facilitiesWithoutPlacesData
    }
  }
}
    fragment CoverageNumbers on CoverageArea {
  regionCode
  name
  hasPopulationData
  cellCount
  elderly {
    age60plus
    age65plus
    age80plus
  }
  withinReach {
    age60plus
    age65plus
    age80plus
  }
  withinReachPercent {
    age60plus
    age65plus
    age80plus
  }
  beyondReach {
    age60plus
    age65plus
    age80plus
  }
  noNetworkAccess {
    age60plus
    age65plus
    age80plus
  }
  noNetworkCellCount
  census {
    age60plus
    age65plus
    age80plus
  }
  notInCells {
    age60plus
    age65plus
    age80plus
  }
  served {
    age60plus
    age65plus
    age80plus
  }
  servedPercent {
    age60plus
    age65plus
    age80plus
  }
  unservedNearUnrecordedPlaces {
    age60plus
    age65plus
    age80plus
  }
}`) as unknown as TypedDocumentString<CoverageQuery, CoverageQueryVariables>;
export const FacilityDetailsDocument = new TypedDocumentString(`
    query FacilityDetails($id: ID!) {
  facility(id: $id) {
    id
    type
    name
    nameEn
    address
    addressEn
    phone
    openingHours
    operatorType
    services
    feeMinMonthly
    feeMaxMonthly
    fees {
      careLevel
      bedFee
      careFee
      mealFee
      totalMonthly
      isSample
    }
    totalBeds
    nursingBeds
    dementiaBeds
    vacantBeds
    vacancyUpdatedAt
    residents
    hasRehabRoom
    hasInhouseMedical
    ltcInsurance
    medicalInsurance
    starRating
    hospitalGrade
    regionCode
    location
    isSample
    source
    osmId
    verifiedOn
    partnerships {
      id
      careFacilityId
      medicalFacilityId
      signedOn
      endsOn
      services
      greenChannel
      twoWayReferral
      primaryLevel
      isSample
    }
    partners {
      id
      name
      nameEn
      type
      isSample
    }
    consortia {
      id
      name
      level
      leadFacilityId
      isSample
      members {
        facilityId
        role
      }
    }
  }
}
    `) as unknown as TypedDocumentString<FacilityDetailsQuery, FacilityDetailsQueryVariables>;
export const FacilityListDocument = new TypedDocumentString(`
    query FacilityList($filter: FacilityFilter, $first: Int) {
  facilities(filter: $filter, first: $first) {
    totalCount
    pageInfo {
      hasNextPage
    }
    edges {
      node {
        id
        type
        name
        nameEn
        address
        addressEn
        location
        isSample
        vacantBeds
        vacancyUpdatedAt
        totalBeds
        feeMinMonthly
        feeMaxMonthly
        fees {
          careLevel
          totalMonthly
          isSample
        }
        distanceMeters
      }
    }
  }
}
    `) as unknown as TypedDocumentString<FacilityListQuery, FacilityListQueryVariables>;
export const GapsDocument = new TypedDocumentString(`
    query Gaps($regionCode: String!, $types: [FacilityType!]!, $minutes: Int, $basket: Boolean, $speedMetersPerMinute: Float, $mode: TravelMode, $first: Int, $scenario: ID) {
  gaps(
    regionCode: $regionCode
    types: $types
    minutes: $minutes
    basket: $basket
    speedMetersPerMinute: $speedMetersPerMinute
    mode: $mode
    first: $first
    scenario: $scenario
  ) {
    id
    reason
    rank
    area
    cellCount
    regionCodes
    elderly {
      age60plus
      age65plus
      age80plus
    }
    missing {
      type
      travelMinutes
      elderly {
        age60plus
        age65plus
        age80plus
      }
      nearestFacility {
        id
        name
        nameEn
        type
        isSample
        location
      }
    }
  }
}
    `) as unknown as TypedDocumentString<GapsQuery, GapsQueryVariables>;
export const NeedCoverageDocument = new TypedDocumentString(`
    query NeedCoverage($regionCode: String!, $types: [FacilityType!]!, $weight: NeedWeight!, $minutes: Int, $mode: TravelMode, $speedMetersPerMinute: Float) {
  needCoverage(
    regionCode: $regionCode
    types: $types
    weight: $weight
    minutes: $minutes
    mode: $mode
    speedMetersPerMinute: $speedMetersPerMinute
  ) {
    regionCode
    weight
    minutes
    mode
    people
    withinReach
    withinReachPercent
    isSample
    areas {
      regionCode
      name
      people
      withinReach
      withinReachPercent
      shareFrom
      includedIn
      isSample
    }
  }
}
    `) as unknown as TypedDocumentString<NeedCoverageQuery, NeedCoverageQueryVariables>;
export const PlacesDocument = new TypedDocumentString(`
    query Places($text: String!, $first: Int) {
  places(text: $text, first: $first) {
    id
    kind
    name
    nameEn
    address
    addressEn
    location
    regionName
    facilityId
    facilityType
  }
}
    `) as unknown as TypedDocumentString<PlacesQuery, PlacesQueryVariables>;
export const PlannerDistrictsDocument = new TypedDocumentString(`
    query PlannerDistricts($cityCode: String!) {
  regions(level: DISTRICT, parentCode: $cityCode) {
    code
    name
    boundary
    labelPoint
  }
}
    `) as unknown as TypedDocumentString<PlannerDistrictsQuery, PlannerDistrictsQueryVariables>;
export const CreateScenarioDocument = new TypedDocumentString(`
    mutation CreateScenario($name: String!) {
  createScenario(name: $name) {
    ...ScenarioFields
  }
}
    fragment ScenarioFields on Scenario {
  id
  name
  version
  shared
  changes {
    id
    kind
    facilityId
    hypotheticalId
    type
    name
    lng
    lat
    places
  }
}`) as unknown as TypedDocumentString<CreateScenarioMutation, CreateScenarioMutationVariables>;
export const AddScenarioChangeDocument = new TypedDocumentString(`
    mutation AddScenarioChange($scenarioId: ID!, $expectedVersion: Int!, $change: ScenarioChangeInput!) {
  addScenarioChange(
    scenarioId: $scenarioId
    expectedVersion: $expectedVersion
    change: $change
  ) {
    ...ScenarioFields
  }
}
    fragment ScenarioFields on Scenario {
  id
  name
  version
  shared
  changes {
    id
    kind
    facilityId
    hypotheticalId
    type
    name
    lng
    lat
    places
  }
}`) as unknown as TypedDocumentString<AddScenarioChangeMutation, AddScenarioChangeMutationVariables>;
export const ReplaceScenarioChangeDocument = new TypedDocumentString(`
    mutation ReplaceScenarioChange($scenarioId: ID!, $expectedVersion: Int!, $changeId: ID!, $change: ScenarioChangeInput!) {
  replaceScenarioChange(
    scenarioId: $scenarioId
    expectedVersion: $expectedVersion
    changeId: $changeId
    change: $change
  ) {
    ...ScenarioFields
  }
}
    fragment ScenarioFields on Scenario {
  id
  name
  version
  shared
  changes {
    id
    kind
    facilityId
    hypotheticalId
    type
    name
    lng
    lat
    places
  }
}`) as unknown as TypedDocumentString<ReplaceScenarioChangeMutation, ReplaceScenarioChangeMutationVariables>;
export const ScenarioDocument = new TypedDocumentString(`
    query Scenario($id: ID!) {
  scenario(id: $id) {
    ...ScenarioFields
  }
}
    fragment ScenarioFields on Scenario {
  id
  name
  version
  shared
  changes {
    id
    kind
    facilityId
    hypotheticalId
    type
    name
    lng
    lat
    places
  }
}`) as unknown as TypedDocumentString<ScenarioQuery, ScenarioQueryVariables>;
export const RegionNamesDocument = new TypedDocumentString(`
    query RegionNames {
  regions(level: DISTRICT) {
    code
    name
  }
}
    `) as unknown as TypedDocumentString<RegionNamesQuery, RegionNamesQueryVariables>;
export const RouteDocument = new TypedDocumentString(`
    query Route($from: PointInput!, $to: PointInput!, $speed: Float) {
  route(from: $from, to: $to, speedMetersPerMinute: $speed) {
    geometry
    steps
    meters
    minutes
    method
  }
}
    `) as unknown as TypedDocumentString<RouteQuery, RouteQueryVariables>;
export const ScorecardDocument = new TypedDocumentString(`
    query Scorecard($regionCode: String!) {
  indicators(regionCode: $regionCode) {
    code
    name
    nameEn
    regionCode
    regionName
    regionLevel
    value
    lowerBound
    upperBound
    target
    unit
    status
    missingData
    missingDataZh
    facilityIds
    failingFacilityIds
    sourceNote
    sourceNoteZh
    isSample
  }
}
    `) as unknown as TypedDocumentString<ScorecardQuery, ScorecardQueryVariables>;
export const ServiceAreasDocument = new TypedDocumentString(`
    query ServiceAreas($filter: FacilityFilter!, $minutes: Int!, $mode: TravelMode!, $first: Int) {
  facilities(filter: $filter, first: $first) {
    totalCount
    edges {
      node {
        id
        name
        nameEn
        type
        isSample
        serviceArea(minutes: $minutes, mode: $mode) {
          method
          geometry
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<ServiceAreasQuery, ServiceAreasQueryVariables>;
export const ServiceCircleDocument = new TypedDocumentString(`
    query ServiceCircle($point: PointInput!, $speed: Float!, $filter: FacilityFilter!, $first: Int) {
  isochrone(
    point: $point
    minutes: [5, 10, 15]
    mode: WALK
    speedMetersPerMinute: $speed
  ) {
    minutes
    geometry
    areaSquareMeters
    method
  }
  facilities(filter: $filter, first: $first) {
    totalCount
    travelMethod
    pageInfo {
      hasNextPage
    }
    edges {
      node {
        id
        type
        name
        nameEn
        address
        addressEn
        location
        isSample
        vacantBeds
        vacancyUpdatedAt
        totalBeds
        feeMinMonthly
        feeMaxMonthly
        fees {
          careLevel
          totalMonthly
          isSample
        }
        distanceMeters
        travelMinutes
      }
    }
  }
}
    `) as unknown as TypedDocumentString<ServiceCircleQuery, ServiceCircleQueryVariables>;
export const SuggestSitesDocument = new TypedDocumentString(`
    query SuggestSites($regionCode: String!, $types: [FacilityType!]!, $minutes: Int, $count: Int!, $timeBudgetMs: Int, $speedMetersPerMinute: Float, $mode: TravelMode, $weight: NeedWeight) {
  suggestSites(
    regionCode: $regionCode
    types: $types
    minutes: $minutes
    count: $count
    timeBudgetMs: $timeBudgetMs
    speedMetersPerMinute: $speedMetersPerMinute
    mode: $mode
    weight: $weight
  ) {
    sites {
      rank
      location
      newlyCovered
      marginalGain
    }
    totalNewlyCovered
    optimalityGap
    method
    candidatesConsidered
    uncoveredToday
    noNetworkAccess
    mode
    weight
  }
}
    `) as unknown as TypedDocumentString<SuggestSitesQuery, SuggestSitesQueryVariables>;
export const VacancyChangedDocument = new TypedDocumentString(`
    subscription VacancyChanged($bbox: BBoxInput) {
  vacancyChanged(bbox: $bbox) {
    id
    vacantBeds
    vacancyUpdatedAt
  }
}
    `) as unknown as TypedDocumentString<VacancyChangedSubscription, VacancyChangedSubscriptionVariables>;
