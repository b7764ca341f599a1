import { AllOrNothingOutcome } from '../import/import-outcome.type';
import { Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';

/** Formats of a boundary file sent through the API (Shapefiles go through the command line). */
export enum BoundaryFormat {
  GEOJSON = 'GEOJSON',
}
registerEnumType(BoundaryFormat, {
  name: 'BoundaryFormat',
  description:
    'GEOJSON (a FeatureCollection of Polygons/MultiPolygons); Shapefiles: `npm run import -- region-boundaries file.shp`.',
});

@ObjectType({ simpleResolvers: true, description: 'What is wrong with one feature of a boundary file.' })
export class BoundaryFeatureProblem {
  @Field(() => Int, { description: 'Feature number (from 1).' })
  feature!: number;

  @Field(() => String, { nullable: true })
  code!: string | null;

  @Field(() => String)
  message!: string;
}

@ObjectType({ simpleResolvers: true, description: 'A feature matched to a region.' })
export class BoundaryMatch {
  @Field(() => Int)
  feature!: number;

  @Field(() => String)
  code!: string;

  @Field(() => String)
  name!: string;
}

@ObjectType({
  simpleResolvers: true,
  description: 'Two outlines of the file under the same parent that overlap (reported, not refused).',
})
export class BoundaryOverlap {
  @Field(() => String)
  first!: string;

  @Field(() => String)
  second!: string;

  @Field(() => Float, { description: 'Overlap as a share (0–1) of the smaller outline.' })
  share!: number;
}

@ObjectType({
  simpleResolvers: true,
  description: 'Outcome of a boundary import: all outlines are written in one transaction, or none.',
})
export class BoundaryImportReport extends AllOrNothingOutcome {
  @Field(() => [BoundaryMatch])
  matched!: BoundaryMatch[];

  @Field(() => [BoundaryFeatureProblem])
  problems!: BoundaryFeatureProblem[];

  @Field(() => [BoundaryOverlap])
  overlaps!: BoundaryOverlap[];

  @Field(() => Int, {
    description: 'Population cells re-spread because a street or community with counts got its outline.',
  })
  cellsUpdated!: number;
}
