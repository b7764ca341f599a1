import { createPubSub } from '@graphql-yoga/subscription';
import { MAX_MESSAGE_BYTES, type ClusterBus } from '../cluster/cluster-bus';
import type { FacilityRecord } from './facility.record';

/** Topic of vacancy changes; payload: the facility as it is after the change. */
export const VACANCY_CHANGED = 'VACANCY_CHANGED';

type Topics = { [VACANCY_CHANGED]: [FacilityRecord] };
const local = createPubSub<Topics>();

/** A vacancy change as it crosses nodes: the record, or its id when the record is too large for a message. */
type VacancyMessage = { facility: FacilityRecord } | { facilityId: string };

interface Route {
  bus: ClusterBus;
  read: (id: string) => Promise<FacilityRecord | null>;
}
/** The cluster buses connected, latest last: only the latest one carries changes, so each arrives once. */
const routes: Route[] = [];

/**
 * Publish/subscribe of facility changes, fed after each committed write. Subscribers are in this process;
 * a change is published through the node's cluster bus when one is connected (see connectFacilityEvents), so
 * that it reaches the subscribers of every node exactly once, this node's included.
 */
export const facilityEvents = {
  subscribe: local.subscribe,
  async publish(topic: typeof VACANCY_CHANGED, facility: FacilityRecord): Promise<void> {
    const route = routes.at(-1);
    if (!route) return local.publish(topic, facility);
    const whole: VacancyMessage = { facility };
    const fits = Buffer.byteLength(JSON.stringify(whole)) < MAX_MESSAGE_BYTES - 100;
    await route.bus.publish('vacancy', fits ? whole : { facilityId: facility.id });
  },
};

/** A record that crossed as JSON, with its dates made dates again. */
function revived(facility: FacilityRecord): FacilityRecord {
  return {
    ...facility,
    vacancyUpdatedAt: facility.vacancyUpdatedAt ? new Date(facility.vacancyUpdatedAt) : null,
    updatedAt: new Date(facility.updatedAt),
  };
}

/**
 * Carries this process's facility changes over a cluster bus, and hands the changes arriving on it to this
 * process's subscribers; `read` reads a facility whose record was too large to travel. Returns the
 * function that disconnects.
 */
export function connectFacilityEvents(bus: ClusterBus, read: Route['read']): () => void {
  const route: Route = { bus, read };
  routes.push(route);
  const stop = bus.subscribe('vacancy', (message) => {
    if (routes.at(-1) !== route) return;
    const change = message as VacancyMessage;
    if ('facility' in change) return local.publish(VACANCY_CHANGED, revived(change.facility));
    read(change.facilityId).then(
      (facility) => facility && local.publish(VACANCY_CHANGED, facility),
      (error: unknown) => console.error('A vacancy change could not be read:', error),
    );
  });
  return () => {
    stop();
    routes.splice(routes.indexOf(route), 1);
  };
}

/** Whether a division code lies inside another (codes nest: 33 ⊃ 3301 ⊃ 330102). */
export function codeWithin(code: string | null, regionCode: string): boolean {
  if (!code) return false;
  const prefix = regionCode.length === 6 ? regionCode.replace(/(00)+$/, '') : regionCode;
  return code.startsWith(prefix);
}
