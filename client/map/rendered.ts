/** What the map currently draws of the facility layers. */
export interface RenderedFacilities {
  facilities: number;
  clusters: number;
  /** Facility types drawn, including those of single-type clusters; `mixed` for mixed clusters. */
  types: string[];
  /** Vacant beds on the badge of each facility drawn with one, by facility id. */
  vacantBeds: Record<string, number>;
}

/** What the map currently draws of the 15-minute circle and the service-area layer. */
export interface RenderedAreas {
  /** Time limits of the circle's areas drawn, ascending. */
  circleMinutes: number[];
  /** Service areas drawn (one per facility and time limit). */
  serviceAreas: number;
}

/** Everything the map reports having drawn. */
export type RenderedMap = RenderedFacilities & RenderedAreas;

/** A drawn feature as MapLibre's queryRenderedFeatures reports it. */
export interface DrawnFeature {
  id?: string | number;
  properties: Record<string, unknown>;
}

/**
 * Counts facilities (once each, though a feature near a tile edge can be reported by two tiles) and
 * clusters among drawn features, and the types they show.
 */
export function summarizeRendered(features: DrawnFeature[]): RenderedFacilities {
  const ids = new Set<string | number>();
  const types = new Set<string>();
  const vacantBeds: Record<string, number> = {};
  let clusters = 0;
  for (const feature of features) {
    const props = feature.properties;
    if (props.point_count !== undefined) {
      clusters++;
      types.add(typeof props.type === 'string' ? props.type : 'mixed');
    } else if (feature.id !== undefined && !ids.has(feature.id)) {
      ids.add(feature.id);
      types.add(String(props.type));
      if (typeof props.vacant_beds === 'number' && props.vacant_beds > 0)
        vacantBeds[String(feature.id)] = props.vacant_beds;
    }
  }
  return { facilities: ids.size, clusters, types: [...types].sort(), vacantBeds };
}

/** The circle's time limits and the service areas (counted once each, whichever tiles report them) drawn. */
export function summarizeAreas(circle: DrawnFeature[], serviceAreas: DrawnFeature[]): RenderedAreas {
  const minutes = new Set(circle.map((feature) => Number(feature.properties.minutes)));
  const areas = new Set(
    serviceAreas.map((feature) => `${feature.properties.facility_id}/${feature.properties.minutes}`),
  );
  return { circleMinutes: [...minutes].sort((a, b) => a - b), serviceAreas: areas.size };
}
