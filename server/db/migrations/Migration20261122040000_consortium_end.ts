import { Migration } from '@mikro-orm/migrations';

/** Consortia can end (kept for history, like pairings' ends_on). */
export class Migration20261122040000_consortium_end extends Migration {
  override name = 'Migration20261122040000_consortium_end';

  override up(): void {
    this.addSql(`alter table consortium add column ended_on date null;`);
  }
}
