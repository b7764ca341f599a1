import { AuditEntry } from './audit/audit-entry.entity';
import { AccessToken } from './auth/access-token.entity';
import { AppSecret } from './auth/app-secret.entity';
import { BasemapVersion } from './basemap/basemap-version.entity';
import { MapFeature } from './basemap/map-feature.entity';
import { RegionBoundaryPiece } from './basemap/region-boundary-piece.entity';
import { Consortium, ConsortiumMember } from './consortia/consortium.entity';
import { Facility } from './facilities/facility.entity';
import { FacilityDesignation } from './indicators/facility-designation.entity';
import { IndicatorTarget } from './indicators/indicator-target.entity';
import { RegionStatistic } from './indicators/region-statistic.entity';
import { RoadEdge } from './network/road-edge.entity';
import { Partnership } from './partnerships/partnership.entity';
import { PopulationCell } from './population/population-cell.entity';
import { Region } from './regions/region.entity';
import { RegionSuccession } from './regions/region-succession.entity';
import { ServiceArea } from './facilities/service-area.entity';
import { Place } from './places/place.entity';
import { FacilityFee } from './facilities/facility-fee.entity';
import { RateLimitHit } from './cluster/rate-limit-hit.entity';
import { BackgroundJob } from './jobs/background-job.entity';
import { Scenario } from './scenarios/scenario.entity';
import { NeedAssessment } from './need/need.entity';
import { CareServiceRecord } from './care-services/care-service.entity';

/** Every entity the ORM maps: one per table, the description migrations are checked against. */
export const entities = [
  Region,
  Facility,
  Partnership,
  Consortium,
  ConsortiumMember,
  PopulationCell,
  RoadEdge,
  MapFeature,
  BasemapVersion,
  RegionBoundaryPiece,
  ServiceArea,
  FacilityDesignation,
  RegionStatistic,
  IndicatorTarget,
  AccessToken,
  AppSecret,
  AuditEntry,
  RegionSuccession,
  Place,
  FacilityFee,
  RateLimitHit,
  BackgroundJob,
  Scenario,
  NeedAssessment,
  CareServiceRecord,
];
