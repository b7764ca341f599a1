import type { RequestContext } from '../context';
import type { ComputeCaller } from './compute-pool';

/** A request as the compute pool sees it: cancelled when its client leaves, and within the configured budget. */
export function requestCaller(ctx: RequestContext): ComputeCaller {
  return { signal: ctx.signal, budgetMs: ctx.config.computeBudgetMs };
}
