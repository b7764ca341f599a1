import { defineEntity, p } from '@mikro-orm/core';
import { Region } from '../regions/region.entity';

const NeedAssessmentSchema = defineEntity({
  name: 'NeedAssessment',
  tableName: 'need_assessment',
  checks: [
    { name: 'need_assessment_disabled_mild_check', expression: 'disabled_mild >= 0' },
    { name: 'need_assessment_disabled_moderate_check', expression: 'disabled_moderate >= 0' },
    { name: 'need_assessment_disabled_severe_check', expression: 'disabled_severe >= 0' },
    { name: 'need_assessment_dementia_check', expression: 'dementia >= 0' },
    { name: 'need_assessment_living_alone_check', expression: 'living_alone >= 0' },
    { name: 'need_assessment_family_care_beds_check', expression: 'family_care_beds >= 0' },
  ],
  properties: {
    region: () =>
      p.manyToOne(Region).primary().fieldName('region_code').deleteRule('cascade').updateRule('no action'),
    assessedOn: p.string().columnType('date'),
    disabledMild: p.integer(),
    disabledModerate: p.integer(),
    disabledSevere: p.integer(),
    dementia: p.integer(),
    livingAlone: p.integer(),
    familyCareBeds: p.integer().nullable(),
    isSample: p.boolean().default(false),
    source: p.text(),
  },
});

/** Needs-assessment aggregates (统一需求评估) of one street or community: counts only, never people. */
export class NeedAssessment extends NeedAssessmentSchema.class {}
NeedAssessmentSchema.setClass(NeedAssessment);
