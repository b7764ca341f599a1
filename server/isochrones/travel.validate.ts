import { badUserInput } from '../kernel/errors';
import { MAX_ISOCHRONE_LIMITS, MAX_ISOCHRONE_MINUTES } from '../routing/isochrone';
import { travelProfile, type TravelProfile } from '../routing/profile';
import { TravelMode } from '../routing/travel-kind';

/** Fastest walking speed accepted, in metres per minute (9 km/h, already a jog). */
export const MAX_WALK_SPEED_METERS_PER_MINUTE = 150;

/** Fastest cycling speed accepted, in metres per minute (30 km/h). */
export const MAX_CYCLE_SPEED_METERS_PER_MINUTE = 500;

const MODES: ReadonlySet<string> = new Set(Object.values(TravelMode));
const CYCLE_MODES: ReadonlySet<string> = new Set([TravelMode.BICYCLE, TravelMode.EBIKE]);

/** Checks the mode and speed of a travel-time question and turns them into a routing profile. */
export function travelProfileOf(
  mode: TravelMode | null | undefined,
  speedMetersPerMinute: number | null | undefined,
  argumentPrefix = '',
): TravelProfile {
  const travelMode = mode ?? TravelMode.WALK;
  if (!MODES.has(travelMode)) {
    const argument = `${argumentPrefix}mode`;
    throw badUserInput(`${argument}: "${String(travelMode).slice(0, 40)}" is not a travel mode`, argument);
  }
  if (speedMetersPerMinute == null) return travelProfile(travelMode);
  const argument = `${argumentPrefix}speedMetersPerMinute`;
  if (travelMode === TravelMode.DRIVE) {
    throw badUserInput(`${argument} does not apply to DRIVE: speeds come from the roads`, argument);
  }
  const max = CYCLE_MODES.has(travelMode)
    ? MAX_CYCLE_SPEED_METERS_PER_MINUTE
    : MAX_WALK_SPEED_METERS_PER_MINUTE;
  if (!Number.isFinite(speedMetersPerMinute) || speedMetersPerMinute <= 0 || speedMetersPerMinute > max) {
    throw badUserInput(
      `${argument} must be above 0 and at most ${max} metres per minute for ${travelMode}, got ${speedMetersPerMinute}`,
      argument,
    );
  }
  return travelProfile(travelMode, speedMetersPerMinute);
}

/**
 * Rejects a speed given with a mode other than WALK, for questions whose speed is a walking speed only
 * (suggested sites, need-weighted coverage): every other mode travels at its own speed.
 */
export function assertWalkingSpeedOnly(
  mode: TravelMode | null | undefined,
  speedMetersPerMinute: number | null | undefined,
  argument = 'speedMetersPerMinute',
): void {
  if (speedMetersPerMinute == null || (mode ?? TravelMode.WALK) === TravelMode.WALK) return;
  throw badUserInput(
    `${argument} is a walking speed and does not apply to ${String(mode).slice(0, 40)}: that mode travels at its own speed`,
    argument,
  );
}

/** Rejects a time limit that is not a whole number of minutes from 1 to 60. */
export function assertMinutes(minutes: number, argument: string): void {
  if (!Number.isInteger(minutes) || minutes <= 0 || minutes > MAX_ISOCHRONE_MINUTES) {
    throw badUserInput(
      `${argument} must be a whole number of minutes from 1 to ${MAX_ISOCHRONE_MINUTES}, got ${minutes}`,
      argument,
    );
  }
}

/** Rejects a list of time limits that is empty, longer than 10, repeats itself or holds a bad limit. */
export function assertMinutesList(minutesList: readonly number[], argument: string): void {
  if (minutesList.length === 0 || minutesList.length > MAX_ISOCHRONE_LIMITS) {
    throw badUserInput(`${argument} must list 1 to ${MAX_ISOCHRONE_LIMITS} time limits`, argument);
  }
  for (const minutes of minutesList) assertMinutes(minutes, argument);
  if (new Set(minutesList).size !== minutesList.length) {
    throw badUserInput(`${argument} lists a time limit twice`, argument);
  }
}
