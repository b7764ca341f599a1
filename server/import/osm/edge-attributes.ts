import type { OsmTags } from './osm-data';

/** What the travel modes need to know of one road edge, read from OpenStreetMap tags. */
export interface EdgeAttributes {
  foot: boolean;
  bicycle: boolean;
  motorVehicle: boolean;
  /** For vehicles: 1 only along the way's node order, -1 only against it, 0 both ways. */
  oneway: -1 | 0 | 1;
  /** Mapped kerb: lowered (or flush), raised, or none mapped (null). */
  kerb: 'lowered' | 'raised' | null;
  maxspeedKmh: number | null;
}

const WALKABLE_HIGHWAYS = new Set([
  'footway',
  'pedestrian',
  'path',
  'steps',
  'living_street',
  'residential',
  'service',
  'unclassified',
  'tertiary',
  'tertiary_link',
  'secondary',
  'secondary_link',
  'primary',
  'primary_link',
  'trunk',
  'road',
  'track',
  'cycleway',
  'corridor',
]);
/** Roads for motor vehicles only: part of the network, closed to people on foot and to bicycles. */
const MOTOR_ONLY_HIGHWAYS = new Set(['motorway', 'motorway_link', 'trunk_link']);
const DRIVABLE_HIGHWAYS = new Set([
  'motorway',
  'motorway_link',
  'trunk',
  'trunk_link',
  'primary',
  'primary_link',
  'secondary',
  'secondary_link',
  'tertiary',
  'tertiary_link',
  'unclassified',
  'residential',
  'service',
  'living_street',
  'road',
  'track',
]);
/** Ways bicycles may not use at all (steps are closed by the profile, footways shared at walking pace). */
const NO_BICYCLE_HIGHWAYS = new Set(['motorway', 'motorway_link', 'trunk_link', 'corridor']);
const ALLOWED = new Set(['yes', 'designated', 'permissive']);
const DENIED = new Set(['private', 'no']);
const ONEWAY_FORWARD = new Set(['yes', 'true', '1']);
const ONEWAY_BACKWARD = new Set(['-1', 'reverse']);
const KERB_LOWERED = new Set(['lowered', 'flush', 'no']);
const KERB_RAISED = new Set(['raised', 'yes']);

/** Whether a way belongs to the road network: someone (on foot, by bicycle or by car) may use it. */
export function isRoutable(tags: OsmTags): boolean {
  const attributes = edgeAttributes(tags);
  return attributes !== null && (attributes.foot || attributes.bicycle || attributes.motorVehicle);
}

/**
 * Whether people may walk along a way. Trunk roads count (Hangzhou's trunk roads have pavements) but their
 * link ramps do not; cycleways count as shared use unless foot=no; foot=yes|designated|permissive
 * overrides access=private|no.
 */
export function isWalkable(tags: OsmTags): boolean {
  if (!WALKABLE_HIGHWAYS.has(tags.highway) || tags.foot === 'no') return false;
  return !DENIED.has(tags.access) || ALLOWED.has(tags.foot);
}

/** Whether a mode's own tag (or, failing it, the general access tag) lets it on the way. */
function allowed(tags: OsmTags, ...modeKeys: string[]): boolean {
  for (const key of modeKeys) {
    if (ALLOWED.has(tags[key])) return true;
    if (DENIED.has(tags[key])) return false;
  }
  return !DENIED.has(tags.access);
}

/** The speed limit in km/h from a maxspeed tag ("50", "50 km/h", "30 mph"); null when absent or unreadable. */
export function maxspeedKmh(value: string | undefined): number | null {
  const match = value ? /^\s*(\d+(?:\.\d+)?)\s*(km\/h|kmh|mph)?\s*$/.exec(value) : null;
  if (!match) return null;
  const speed = Number(match[1]) * (match[2] === 'mph' ? 1.609344 : 1);
  return speed > 0 ? speed : null;
}

/** One-way for vehicles: oneway=yes|-1, or implied by motorways and roundabouts. */
export function onewayOf(tags: OsmTags): -1 | 0 | 1 {
  if (ONEWAY_FORWARD.has(tags.oneway)) return 1;
  if (ONEWAY_BACKWARD.has(tags.oneway)) return -1;
  if (tags.oneway === 'no') return 0;
  const implied =
    tags.highway === 'motorway' ||
    tags.highway === 'motorway_link' ||
    tags.junction === 'roundabout' ||
    tags.junction === 'circular';
  return implied ? 1 : 0;
}

/** The kerb a tag set maps (kerb=* on a crossing way or a barrier=kerb node), or null. */
export function kerbOf(tags: OsmTags | undefined): 'lowered' | 'raised' | null {
  if (!tags) return null;
  const kerb = tags.kerb ?? (tags.barrier === 'kerb' ? 'raised' : undefined);
  if (kerb === undefined) return null;
  if (KERB_LOWERED.has(kerb)) return 'lowered';
  return KERB_RAISED.has(kerb) ? 'raised' : null;
}

/** A raised kerb anywhere along the edge wins over a lowered one: one raised kerb stops a wheelchair. */
export function worstKerb(kerbs: readonly ('lowered' | 'raised' | null)[]): 'lowered' | 'raised' | null {
  if (kerbs.includes('raised')) return 'raised';
  return kerbs.includes('lowered') ? 'lowered' : null;
}

/**
 * The attributes of a way's edges (the kerb of its own tags only; nodes along each edge add theirs), or
 * null when the way is not a road or path.
 */
export function edgeAttributes(tags: OsmTags): EdgeAttributes | null {
  const highway = tags.highway;
  if (!WALKABLE_HIGHWAYS.has(highway) && !MOTOR_ONLY_HIGHWAYS.has(highway)) return null;
  return {
    foot: isWalkable(tags),
    bicycle: !NO_BICYCLE_HIGHWAYS.has(highway) && allowed(tags, 'bicycle', 'vehicle'),
    motorVehicle: DRIVABLE_HIGHWAYS.has(highway) && allowed(tags, 'motorcar', 'motor_vehicle', 'vehicle'),
    oneway: onewayOf(tags),
    kerb: kerbOf(tags),
    maxspeedKmh: maxspeedKmh(tags.maxspeed),
  };
}
