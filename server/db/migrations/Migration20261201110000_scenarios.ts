import { Migration } from '@mikro-orm/migrations';

/**
 * Planners' what-if scenarios: changes sketched over today's directory (hypothetical facilities, moves,
 * closures, capacity), kept apart from the facility table so that nothing hypothetical reaches the directory.
 */
export class Migration20261201110000_scenarios extends Migration {
  override name = 'Migration20261201110000_scenarios';

  override up(): void {
    this.addSql(`create table scenario (
      id serial primary key,
      name text not null check (length(name) >= 1 and length(name) <= 200),
      owner text not null,
      shared boolean not null default false,
      changes jsonb not null default '[]',
      next_change_id int not null default 1,
      version int not null default 1,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now());`);
    this.addSql(`create index scenario_owner_idx on scenario (owner);`);
  }
}
