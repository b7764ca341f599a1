import type { TravelMode } from '../routing/travel-kind';

/**
 * The service areas stored for every facility, by travel mode (each at the mode's usual speed), because a map
 * layer draws them: walking 5, 10 and 15 minutes (the life circles of GB 50180-2018); older people walking
 * 15 minutes at 48 m/min (their own 15-minute circle); driving 20 minutes (the 20-minute 医养结合 circle of
 * seed 002 in rural counties). Every other mode and limit is computed on demand and never stored.
 */
export const STORED_SERVICE_AREAS: Readonly<Partial<Record<TravelMode, readonly number[]>>> = {
  WALK: [5, 10, 15],
  ELDERLY_WALK: [15],
  DRIVE: [20],
};

/** The modes whose areas are stored, in the order of STORED_SERVICE_AREAS. */
export const STORED_SERVICE_AREA_MODES = Object.keys(STORED_SERVICE_AREAS) as TravelMode[];

/** The limits stored for a mode, ascending; none for a mode whose areas are computed on demand only. */
export function storedMinutes(mode: TravelMode): readonly number[] {
  return STORED_SERVICE_AREAS[mode] ?? [];
}

/** Whether the area of a facility for this mode and limit is stored (and so cheap to read). */
export function isStoredServiceArea(mode: string, minutes: number): boolean {
  return Object.hasOwn(STORED_SERVICE_AREAS, mode) && storedMinutes(mode as TravelMode).includes(minutes);
}

/** How many areas each facility has stored: one per mode and limit. */
export const STORED_AREAS_PER_FACILITY = Object.values(STORED_SERVICE_AREAS).reduce(
  (sum, minutes) => sum + minutes.length,
  0,
);
