import type { Bounds } from '../domain';
import { MAX_BBOX_DEGREES } from '../filters';

/** Share of the view's size added on every side, so that small moves keep the same subscription. */
const BBOX_MARGIN = 0.25;
/** Grid the subscribed area is rounded out to, in degrees. */
const BBOX_GRID = 0.01;

/**
 * The area to subscribe to for a map view: the view with a margin, rounded out to a 0.01° grid; null
 * (every facility) when that is larger than the API accepts for a bbox.
 */
export function subscriptionBBox(view: Bounds): Bounds | null {
  const dx = (view.east - view.west) * BBOX_MARGIN;
  const dy = (view.north - view.south) * BBOX_MARGIN;
  const out = (value: number, direction: 1 | -1, limit: number) => {
    const rounded = direction > 0 ? Math.ceil(value / BBOX_GRID) : Math.floor(value / BBOX_GRID);
    const clamped = Math.max(-limit, Math.min(limit, rounded * BBOX_GRID));
    return Number(clamped.toFixed(2));
  };
  const bbox = {
    west: out(view.west - dx, -1, 180),
    south: out(view.south - dy, -1, 90),
    east: out(view.east + dx, 1, 180),
    north: out(view.north + dy, 1, 90),
  };
  const tooLarge = bbox.east - bbox.west > MAX_BBOX_DEGREES || bbox.north - bbox.south > MAX_BBOX_DEGREES;
  return tooLarge ? null : bbox;
}

/** The subscription endpoint next to the page: GraphQL over WebSocket on /graphql of the same server. */
export function liveEndpoint(location: { protocol: string; host: string }): string {
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/graphql`;
}
