import { AllOrNothingOutcome } from '../import/import-outcome.type';
import { Field, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { ImportFormat } from './facility-file';
import { CoordinateSystem } from './facility-row';

registerEnumType(ImportFormat, {
  name: 'ImportFormat',
  description: 'CSV (lng, lat columns) or GEOJSON (Point features).',
});
registerEnumType(CoordinateSystem, {
  name: 'CoordinateSystem',
  description: 'WGS84; GCJ02 (国测局, 高德/腾讯); BD09 (百度). Imports are converted to WGS84.',
});

/** An uploaded file, sent inline. */
@InputType({
  description: 'An import file sent inline as text (UTF-8); at most 5 MB per request, use the CLI for more.',
})
export class ImportFileInput {
  @Field(() => String, { description: 'File name, for the audit log and reports (at most 200 characters).' })
  name!: string;

  @Field(() => String)
  content!: string;
}

@ObjectType({ simpleResolvers: true })
export class FieldProblem {
  @Field(() => String)
  field!: string;

  @Field(() => String)
  message!: string;

  @Field(() => String, {
    description:
      'BAD_USER_INPUT, or CONFLICT when the row carries an expected_version that is no longer the stored version.',
  })
  code!: string;
}

@ObjectType({ simpleResolvers: true, description: 'What happened to one row.' })
export class ImportRowReport {
  @Field(() => Int, { description: 'CSV line number or GeoJSON feature number (from 1).' })
  row!: number;

  @Field(() => String, { nullable: true })
  sourceKey!: string | null;

  @Field(() => String, { description: 'VALID (dry run), INVALID, CREATED, UPDATED or UNCHANGED.' })
  status!: string;

  @Field(() => [FieldProblem])
  problems!: FieldProblem[];
}

@ObjectType({
  simpleResolvers: true,
  description: 'Outcome of an import: all rows are written in one transaction, or none.',
})
export class ImportReport extends AllOrNothingOutcome {
  @Field(() => Int)
  created!: number;

  @Field(() => [ImportRowReport])
  rows!: ImportRowReport[];
}
