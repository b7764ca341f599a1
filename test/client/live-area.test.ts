import { describe, expect, it } from 'vitest';
import { liveEndpoint, subscriptionBBox } from '../../client/api/live-area';
import { MAX_BBOX_DEGREES } from '../../server/graphql/geo.validate';

describe('live vacancy', () => {
  it('subscribes for the view with a margin, rounded out so that small moves keep the subscription', () => {
    const view = { west: 120.151, south: 30.281, east: 120.175, north: 30.294 };
    const bbox = subscriptionBBox(view)!;
    expect(bbox.west).toBeLessThan(view.west);
    expect(bbox.east).toBeGreaterThan(view.east);
    expect(bbox.south).toBeLessThan(view.south);
    expect(bbox.north).toBeGreaterThan(view.north);
    for (const value of Object.values(bbox)) expect(Number(value.toFixed(2))).toBe(value);
    const nudged = { west: 120.1512, south: 30.2812, east: 120.1752, north: 30.2942 };
    expect(subscriptionBBox(nudged)).toEqual(bbox);
  });

  it('subscribes everywhere when the view is larger than the API accepts for a bbox', () => {
    expect(subscriptionBBox({ west: 100, south: 20, east: 104.5, north: 24 })).toBeNull();
    expect(MAX_BBOX_DEGREES).toBe(5);
  });

  it('stays inside the world', () => {
    expect(subscriptionBBox({ west: 179.5, south: 89.5, east: 179.9, north: 89.9 })).toMatchObject({
      east: 180,
      north: 90,
    });
  });

  it('talks GraphQL over WebSocket to /graphql of the page’s own server', () => {
    expect(liveEndpoint({ protocol: 'http:', host: '127.0.0.1:4000' })).toBe('ws://127.0.0.1:4000/graphql');
    expect(liveEndpoint({ protocol: 'https:', host: 'caremap.example.cn' })).toBe(
      'wss://caremap.example.cn/graphql',
    );
  });
});
