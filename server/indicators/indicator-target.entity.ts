import { defineEntity, p } from '@mikro-orm/core';

const IndicatorTargetSchema = defineEntity({
  name: 'IndicatorTarget',
  tableName: 'indicator_target',
  checks: [{ name: 'indicator_target_target_check', expression: 'target >= 0' }],
  properties: {
    code: p.text().primary(),
    target: p.double(),
    updatedAt: p.datetime().defaultRaw('now()'),
    updatedBy: p.text(),
  },
});

/** A scorecard target changed from the domain brief's default. */
export class IndicatorTarget extends IndicatorTargetSchema.class {}
IndicatorTargetSchema.setClass(IndicatorTarget);
