import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import type { Point } from 'geojson';
import { FacilityType } from '../facilities/facility-kind';
import { GeoJSONScalar } from '../graphql/scalars';
import { PlaceKind } from './place.record';

registerEnumType(PlaceKind, {
  name: 'PlaceKind',
  description: 'What a place found by the place search is.',
  valuesConfig: {
    FACILITY: { description: 'A facility of the directory (facilityId names it).' },
    REGION: { description: 'A district, street (街道) or other division (regionCode names it).' },
    ROAD: { description: 'A named road or path, at the middle of its longest stretch.' },
    COMPOUND: { description: 'A residential compound (小区) or neighbourhood.' },
    LANDMARK: { description: 'A named landmark: a shop, a park, a station, a school…' },
    BUILDING: { description: 'A named building.' },
    ADDRESS: { description: 'A street address (addr:street + addr:housenumber) of an unnamed building.' },
  },
});

/** A place to start a journey from. */
@ObjectType({
  simpleResolvers: true,
  description: 'A place to start from, found by name, address, pinyin or initials.',
})
export class Place {
  @Field(() => ID, {
    description: 'Stable within a data release: `facility:12`, `region:330102`, `place:34`.',
  })
  id!: string;

  @Field(() => PlaceKind)
  kind!: PlaceKind;

  @Field(() => String, { description: 'Name, usually Chinese; for an ADDRESS, the address.' })
  name!: string;

  @Field(() => String, {
    nullable: true,
    description: 'English name: OpenStreetMap name:en where mapped, else the name in pinyin.',
  })
  nameEn!: string | null;

  @Field(() => String, { nullable: true })
  address!: string | null;

  @Field(() => String, { nullable: true, description: 'The address in pinyin, for English readers.' })
  addressEn!: string | null;

  @Field(() => GeoJSONScalar, { description: 'GeoJSON Point, WGS84.' })
  location!: Point;

  @Field(() => String, {
    nullable: true,
    description: 'Division code of the smallest region the place is in.',
  })
  regionCode!: string | null;

  @Field(() => String, { nullable: true, description: 'Name of that region.' })
  regionName!: string | null;

  @Field(() => ID, { nullable: true, description: 'The facility, for kind FACILITY.' })
  facilityId!: string | null;

  @Field(() => FacilityType, { nullable: true, description: 'Its type, for kind FACILITY.' })
  facilityType!: FacilityType | null;
}
