import { createPubSub } from '@graphql-yoga/subscription';
import type { FacilityRecord } from './facility.record';

/** Topic of vacancy changes; payload: the facility as it is after the change. */
export const VACANCY_CHANGED = 'VACANCY_CHANGED';

/** In-process publish/subscribe of facility changes, fed after each committed write. */
export const facilityEvents = createPubSub<{ [VACANCY_CHANGED]: [FacilityRecord] }>();

/** Whether a division code lies inside another (codes nest: 33 ⊃ 3301 ⊃ 330102). */
export function codeWithin(code: string | null, regionCode: string): boolean {
  if (!code) return false;
  const prefix = regionCode.length === 6 ? regionCode.replace(/(00)+$/, '') : regionCode;
  return code.startsWith(prefix);
}
