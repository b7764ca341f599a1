import { Migration } from '@mikro-orm/migrations';

/**
 * Needs-assessment aggregates (统一需求评估) per street or community: older people assessed 失能 at each
 * level (轻度/中度/重度), with dementia (失智), living alone (独居), and family care beds (家庭养老照护床位).
 */
export class Migration20261201140010_need extends Migration {
  override name = 'Migration20261201140010_need';

  override up(): void {
    this.addSql(`create table need_assessment (
      region_code text not null primary key references region (code) on update no action on delete cascade,
      assessed_on date not null,
      disabled_mild int not null constraint need_assessment_disabled_mild_check check (disabled_mild >= 0),
      disabled_moderate int not null constraint need_assessment_disabled_moderate_check check (disabled_moderate >= 0),
      disabled_severe int not null constraint need_assessment_disabled_severe_check check (disabled_severe >= 0),
      dementia int not null constraint need_assessment_dementia_check check (dementia >= 0),
      living_alone int not null constraint need_assessment_living_alone_check check (living_alone >= 0),
      family_care_beds int null constraint need_assessment_family_care_beds_check check (family_care_beds >= 0),
      is_sample boolean not null default false,
      source text not null);`);
  }
}
