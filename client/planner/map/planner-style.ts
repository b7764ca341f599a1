import type { StyleSpecification } from 'maplibre-gl';
import type { FacilityType } from '../../domain';
import { NO_FILTERS, toTileQuery } from '../../filters';
import type { Lang } from '../../i18n/i18n';
import { platformBasemap, withFacilityOverlay } from '../../map/style';
import type { Choropleth } from '../choropleth';
import type { Classes } from '../classes';
import type { District, Gap, ServiceArea } from '../types';
import { plannerLayers } from './planner-layers';
import {
  districtsSource,
  gapLabelsSource,
  gapsSource,
  PLANNER_SOURCE_IDS,
  serviceAreasSource,
} from './planner-sources';

/** Everything the planner map shows. */
export interface PlannerStyleOptions {
  /** Where the platform's tiles are served, e.g. http://localhost:4000. */
  origin: string;
  lang: Lang;
  districts: readonly District[];
  selectedRegion: string;
  /** The indicator shading the districts, or null for none. */
  choropleth: Choropleth | null;
  serviceAreas: readonly ServiceArea[];
  gaps: readonly Gap[];
  gapClasses: Classes;
  selectedGapId: string | null;
  show: { serviceAreas: boolean; gaps: boolean };
  /** Facility types drawn as markers (those of the analysis). */
  facilityTypes: readonly FacilityType[];
}

/**
 * The planner map: the platform's base map, the choropleth, service areas, gaps and district
 * outlines, then the facilities of the analysed types on top. Returns a new style.
 */
export function plannerStyle(options: PlannerStyleOptions): StyleSpecification {
  const base = platformBasemap({ origin: options.origin, lang: options.lang, elder: false });
  const withPlanner: StyleSpecification = {
    ...base,
    name: 'CareMap planner',
    sources: {
      ...base.sources,
      [PLANNER_SOURCE_IDS.districts]: districtsSource(options.districts, options.choropleth),
      [PLANNER_SOURCE_IDS.serviceAreas]: serviceAreasSource(options.serviceAreas),
      [PLANNER_SOURCE_IDS.gaps]: gapsSource(options.gaps),
      [PLANNER_SOURCE_IDS.gapLabels]: gapLabelsSource(options.gaps),
    },
    layers: [
      ...base.layers,
      ...plannerLayers({
        selectedRegion: options.selectedRegion,
        selectedGapId: options.selectedGapId,
        choroplethClasses: options.choropleth?.classes ?? null,
        gapClasses: options.gapClasses,
        show: options.show,
      }),
    ],
  };
  return withFacilityOverlay(withPlanner, {
    origin: options.origin,
    lang: options.lang,
    elder: false,
    tileQuery: toTileQuery({ ...NO_FILTERS, types: [...options.facilityTypes] }),
    selection: null,
    near: null,
  });
}
