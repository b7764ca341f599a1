import type { MultiPolygon } from 'geojson';
import { Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';
import { GeoJSONScalar } from '../graphql/scalars';
import { TravelMethod, TravelMode } from '../routing/travel-kind';

registerEnumType(TravelMode, {
  name: 'TravelMode',
  description:
    'How people travel. The stored network is a walk network (streets and footpaths), so walking only.',
  valuesConfig: {
    WALK: { description: 'On foot, 60 m/min unless a speed is given; steps take 1.5 times as long.' },
  },
});
registerEnumType(TravelMethod, {
  name: 'TravelMethod',
  description: 'What produced a travel time or an area; one answer never mixes the two.',
  valuesConfig: {
    NETWORK: { description: 'Along the street and footpath network.' },
    RADIUS: {
      description:
        'Straight line at the same speed: the point is more than 300 m from every street, so the network does not cover it.',
    },
  },
});

/** The area reachable within a time limit. */
@ObjectType({ description: 'The area reachable within a time limit.' })
export class Isochrone {
  @Field(() => Int)
  minutes!: number;

  @Field(() => GeoJSONScalar, {
    description:
      'MultiPolygon, WGS84. NETWORK: the straight walk from the point onto the nearest street and the streets reached from there (the reached part of partly reached ones too), widened by 50 m either side (the walk from a street to a front door), with holes where nothing is reached. RADIUS: a geodesic circle of speed × minutes.',
  })
  geometry!: MultiPolygon;

  @Field(() => Float, { description: 'Area on the WGS84 spheroid, in square metres.' })
  areaSquareMeters!: number;

  @Field(() => TravelMethod)
  method!: TravelMethod;
}
