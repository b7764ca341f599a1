/** What the map currently draws of the facility layers. */
export interface RenderedFacilities {
  facilities: number;
  clusters: number;
  /** Facility types drawn, including those of single-type clusters; `mixed` for mixed clusters. */
  types: string[];
}

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
  let clusters = 0;
  for (const feature of features) {
    const props = feature.properties;
    if (props.point_count !== undefined) {
      clusters++;
      types.add(typeof props.type === 'string' ? props.type : 'mixed');
    } else if (feature.id !== undefined && !ids.has(feature.id)) {
      ids.add(feature.id);
      types.add(String(props.type));
    }
  }
  return { facilities: ids.size, clusters, types: [...types].sort() };
}
