import { Migration } from '@mikro-orm/migrations';

/** Access tokens (people's JWTs and systems' API keys) and the audit log of every change. */
export class Migration20261122020000_access extends Migration {
  override name = 'Migration20261122020000_access';

  override up(): void {
    this.addSql(`create table access_token (
      id text primary key,
      kind text not null check (kind in ('JWT', 'API_KEY')),
      subject text not null check (length(subject) between 1 and 200),
      role text not null check (role in ('OPERATOR', 'PLANNER', 'ADMIN')),
      facility_ids int[] not null default '{}',
      secret_hash text null,
      created_at timestamptz not null default now(),
      expires_at timestamptz null,
      revoked_at timestamptz null,
      check ((kind = 'API_KEY') = (secret_hash is not null)));`);
    this.addSql(`create table audit_log (
      id bigserial primary key,
      at timestamptz not null default now(),
      actor text not null,
      role text not null,
      token_id text null,
      action text not null,
      entity text not null,
      entity_id text not null,
      old_values jsonb null,
      new_values jsonb null);`);
    this.addSql(`create index audit_log_entity_idx on audit_log (entity, entity_id, id);`);
    this.addSql(`create index audit_log_at_idx on audit_log (at);`);
  }
}
