import type { EntityManager } from '@mikro-orm/sql';
import type { AppConfig } from './config';

/** What every resolver gets: its own entity manager, forked for this request, and the configuration. */
export interface RequestContext {
  em: EntityManager;
  config: AppConfig;
}
