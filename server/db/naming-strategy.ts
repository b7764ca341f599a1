import { UnderscoreNamingStrategy } from '@mikro-orm/core';

const SUFFIX = { foreign: 'fkey', unique: 'key', check: 'check', index: 'idx' } as const;

/**
 * Underscore names, with constraints named as PostgreSQL names them itself (`facility_source_key_key`,
 * `facility_region_code_fkey`): the hand-written migrations leave those names, and the schema diff of
 * the entities against the database compares constraints by name.
 */
export class PostgresNamingStrategy extends UnderscoreNamingStrategy {
  override indexName(
    tableName: string,
    columns: string[],
    type: Parameters<UnderscoreNamingStrategy['indexName']>[2],
  ): string {
    if (!(type in SUFFIX) || columns.length === 0) return super.indexName(tableName, columns, type);
    return `${tableName}_${columns.join('_')}_${SUFFIX[type as keyof typeof SUFFIX]}`;
  }
}
