import { defineEntity, p } from '@mikro-orm/core';
import { Region } from '../regions/region.entity';
import { StatisticKind } from './indicator-definitions';

const RegionStatisticSchema = defineEntity({
  name: 'RegionStatistic',
  tableName: 'region_statistic',
  checks: [
    {
      name: 'region_statistic_kind_check',
      expression: `kind in (${Object.values(StatisticKind)
        .map((k) => `'${k}'`)
        .join(', ')})`,
    },
    { name: 'region_statistic_value_check', expression: 'value >= 0' },
  ],
  properties: {
    region: () =>
      p.manyToOne(Region).primary().fieldName('region_code').deleteRule('cascade').updateRule('no action'),
    kind: p.text().primary(),
    value: p.double(),
    asOf: p.date(),
    isSample: p.boolean().default(false),
    source: p.text(),
  },
});

/** A region figure no facility row carries (social workers, family-doctor signing, new housing). */
export class RegionStatistic extends RegionStatisticSchema.class {}
RegionStatisticSchema.setClass(RegionStatistic);
