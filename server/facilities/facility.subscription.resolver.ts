import { filter, pipe } from '@graphql-yoga/subscription';
import { Arg, Resolver, Root, Subscription } from 'type-graphql';
import { BBoxInput } from '../graphql/geo.input';
import { assertBBox } from '../graphql/geo.validate';
import { assertRegionCode } from '../regions/region.service';
import { codeWithin, facilityEvents, VACANCY_CHANGED } from './facility-events';
import type { FacilityRecord } from './facility.record';
import { Facility } from './facility.type';

interface VacancyArgs {
  bbox?: BBoxInput | null;
  regionCode?: string | null;
}

function insideBBox(facility: FacilityRecord, bbox: BBoxInput): boolean {
  const [lng, lat] = facility.location.coordinates;
  return lng >= bbox.west && lng <= bbox.east && lat >= bbox.south && lat <= bbox.north;
}

@Resolver()
export class FacilitySubscriptionResolver {
  @Subscription(() => Facility, {
    description:
      'Live vacancy: each facility in the bbox or region whose vacant beds change, as it is after the change.',
    subscribe: ({ args }) => {
      const { bbox, regionCode } = args as VacancyArgs;
      if (bbox) assertBBox(bbox, 'bbox');
      if (regionCode != null) assertRegionCode(regionCode, 'regionCode');
      return pipe(
        facilityEvents.subscribe(VACANCY_CHANGED),
        filter(
          (facility: FacilityRecord) =>
            (!bbox || insideBBox(facility, bbox)) &&
            (regionCode == null || codeWithin(facility.regionCode, regionCode)),
        ),
      );
    },
  })
  vacancyChanged(
    @Root() facility: FacilityRecord,
    @Arg('bbox', () => BBoxInput, { nullable: true }) _bbox: BBoxInput | null,
    @Arg('regionCode', () => String, { nullable: true }) _regionCode: string | null,
  ): FacilityRecord {
    return facility;
  }
}
