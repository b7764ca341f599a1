import { Field, Float, ObjectType } from 'type-graphql';
import type { LineString, MultiPoint } from 'geojson';
import { GeoJSONScalar } from '../graphql/scalars';
import { TravelMethod } from '../routing/travel-kind';

/** A walking route between two points. */
@ObjectType({ simpleResolvers: true, description: 'A walking route between two points.' })
export class Route {
  @Field(() => GeoJSONScalar, {
    description:
      'GeoJSON LineString, WGS84: from the start, onto its street, along the network, off it to the end.',
  })
  geometry!: LineString;

  @Field(() => GeoJSONScalar, {
    description: 'GeoJSON MultiPoint of the steps: where the way passes from one street or path to the next.',
  })
  steps!: MultiPoint;

  @Field(() => Float, { description: 'Length in metres.' })
  meters!: number;

  @Field(() => Float, {
    description: 'Minutes at the speed asked; equal to travelTimes.travelMinutes for the same pair.',
  })
  minutes!: number;

  @Field(() => TravelMethod, {
    description:
      'NETWORK along the streets; RADIUS, a straight line, when the start is 300 m or more from every street.',
  })
  method!: TravelMethod;
}
