import { defineEntity, p } from '@mikro-orm/core';

const RateLimitHitSchema = defineEntity({
  name: 'RateLimitHit',
  tableName: 'rate_limit_hit',
  indexes: [{ name: 'rate_limit_hit_resets_at_idx', properties: ['resetsAt'] }],
  properties: {
    key: p.text().primary(),
    hits: p.integer(),
    resetsAt: p.datetime(),
  },
});

/** One client's requests in the current window, shared by every API node on the database. */
export class RateLimitHit extends RateLimitHitSchema.class {}
RateLimitHitSchema.setClass(RateLimitHit);
