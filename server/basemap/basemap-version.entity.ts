import { defineEntity, p } from '@mikro-orm/core';

const BasemapVersionSchema = defineEntity({
  name: 'BasemapVersion',
  tableName: 'basemap_version',
  checks: [{ name: 'basemap_version_id_check', expression: 'id' }],
  properties: {
    id: p.boolean().primary().default(true),
    version: p.bigint(),
  },
});

/** One row: a counter every write to the base map's tables advances (triggers), so cached tiles know they are stale. */
export class BasemapVersion extends BasemapVersionSchema.class {}
BasemapVersionSchema.setClass(BasemapVersion);
