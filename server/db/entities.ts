import { MapFeature } from '../basemap/map-feature.entity';
import { Consortium, ConsortiumMember } from '../consortia/consortium.entity';
import { Facility } from '../facilities/facility.entity';
import { RoadEdge } from '../network/road-edge.entity';
import { Partnership } from '../partnerships/partnership.entity';
import { PopulationCell } from '../population/population-cell.entity';
import { Region } from '../regions/region.entity';
import { ServiceArea } from '../service-areas/service-area.entity';

/** Every entity the ORM maps. */
export const entities = [
  Region,
  Facility,
  Partnership,
  Consortium,
  ConsortiumMember,
  PopulationCell,
  RoadEdge,
  MapFeature,
  ServiceArea,
];
