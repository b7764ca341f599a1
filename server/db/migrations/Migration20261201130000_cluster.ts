import { Migration } from '@mikro-orm/migrations';

/**
 * What several API nodes on one database share: rate-limit counters (unlogged: losing them in a crash only
 * forgives a minute of requests), durable background jobs with their progress and result, and triggers that
 * announce, on commit, a change to the road network or to facilities' locations to every node listening.
 */
export class Migration20261201130000_cluster extends Migration {
  override name = 'Migration20261201130000_cluster';

  override up(): void {
    this.addSql(`create unlogged table rate_limit_hit (
      key text primary key,
      hits int not null,
      resets_at timestamptz not null);`);
    this.addSql(`create index rate_limit_hit_resets_at_idx on rate_limit_hit (resets_at);`);
    this.addSql(`create table background_job (
      id uuid primary key,
      kind text not null,
      input jsonb not null,
      state text not null,
      progress double precision not null default 0,
      progress_label text null,
      attempts int not null default 0,
      result jsonb null,
      error text null,
      requested_by text not null,
      requester_role text not null,
      created_at timestamptz not null default now(),
      started_at timestamptz null,
      finished_at timestamptz null);`);
    this.addSql(`create index background_job_created_at_idx on background_job (created_at);`);
    this.addSql(`create index background_job_kind_state_idx on background_job (kind, state);`);
    this.addSql(`create function cluster_cache_changed() returns trigger language plpgsql as $$
      begin
        perform pg_notify('caremap_cache', tg_argv[0]);
        return null;
      end $$;`);
    this
      .addSql(`create trigger road_edge_cache_changed after insert or update or delete or truncate on road_edge
      for each statement execute function cluster_cache_changed('network');`);
    this
      .addSql(`create trigger facility_location_cache_changed after insert or update of location, archived_at or delete
      on facility for each statement execute function cluster_cache_changed('facilities');`);
  }
}
