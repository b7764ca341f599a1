import type { MultiPolygon } from 'geojson';
import { Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';
import { GeoJSONScalar } from '../graphql/scalars';
import { TravelMethod, TravelMode } from '../routing/travel-kind';

registerEnumType(TravelMode, {
  name: 'TravelMode',
  description:
    'How people travel along the street and footpath network (OpenStreetMap). People on foot and in wheelchairs may go both ways along one-way streets; bicycles and cars may not.',
  valuesConfig: {
    WALK: {
      description:
        'On foot at the planning speed, 60 m/min unless a speed is given; steps take 1.5 times as long; not on motorways or ramps.',
    },
    ELDERLY_WALK: {
      description: "On foot at older people's speed, 48 m/min (0.8 m/s) unless a speed is given; steps 1.5×.",
    },
    WHEELCHAIR: {
      description:
        'In a wheelchair, 50 m/min unless a speed is given; never up or down steps, never over a mapped raised kerb (lowered or flush kerbs pass; kerbs not mapped are assumed passable).',
    },
    BICYCLE: {
      description:
        'By bicycle, 250 m/min (15 km/h) unless a speed is given; one-way streets one way; no steps; footways at half speed.',
    },
    EBIKE: {
      description: 'By e-bike (电动自行车), 333 m/min (20 km/h) unless a speed is given; rules as BICYCLE.',
    },
    DRIVE: {
      description:
        'By car: roads open to motor vehicles only, one-way streets one way, at the mapped speed limit (maxspeed) or else by road class (60 km/h motorway … 20 km/h residential, 10 km/h living street). No speed argument; straight-line fallback at 30 km/h.',
    },
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
@ObjectType({ simpleResolvers: true, description: 'The area reachable within a time limit.' })
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
