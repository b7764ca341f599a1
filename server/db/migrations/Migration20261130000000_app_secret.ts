import { Migration } from '@mikro-orm/migrations';

/**
 * Secrets the platform generates for itself, kept with the data: the JWT signing secret when
 * CAREMAP_JWT_SECRET is not set (on PostgreSQL; the embedded database keeps it in a file of mode 0600).
 */
export class Migration20261130000000_app_secret extends Migration {
  override name = 'Migration20261130000000_app_secret';

  override up(): void {
    this.addSql(`create table app_secret (
      name text primary key,
      value text not null check (length(value) >= 32),
      created_at timestamptz not null default now());`);
  }
}
