import { Migration20261122000000_init } from './migrations/Migration20261122000000_init';

/** Every migration, oldest first: listed explicitly so that they run the same from TypeScript sources. */
export const migrations = [{ name: 'Migration20261122000000_init', class: Migration20261122000000_init }];
