import { AllOrNothingOutcome } from '../import/import-outcome.type';
import { Field, Int, ObjectType } from 'type-graphql';

@ObjectType({ simpleResolvers: true, description: 'What is wrong with one row of a population table.' })
export class PopulationRowProblem {
  @Field(() => Int, { description: 'CSV line number (the header is line 1).' })
  row!: number;

  @Field(() => String, { nullable: true })
  code!: string | null;

  @Field(() => String)
  field!: string;

  @Field(() => String)
  message!: string;
}

@ObjectType({
  simpleResolvers: true,
  description: 'A parent whose counted children do not add up to its 60+ count, or are only partly counted.',
})
export class CountMismatch {
  @Field(() => String)
  parentCode!: string;

  @Field(() => String)
  parentName!: string;

  @Field(() => Int)
  parentAge60plus!: number;

  @Field(() => Int)
  childrenAge60plus!: number;

  @Field(() => Int)
  childrenCounted!: number;

  @Field(() => Int, { description: 'Regions in force directly below the parent.' })
  childrenInForce!: number;
}

@ObjectType({
  simpleResolvers: true,
  description:
    'Outcome of a population table import: all rows are written in one transaction, or none (dry run, or any row invalid).',
})
export class PopulationImportReport extends AllOrNothingOutcome {
  @Field(() => [PopulationRowProblem])
  problems!: PopulationRowProblem[];

  @Field(() => [CountMismatch], { description: 'Children checked against parents: reported, not refused.' })
  mismatches!: CountMismatch[];

  @Field(() => Int, { description: 'Population cells whose counts the spread changed.' })
  cellsUpdated!: number;

  @Field(() => [String], {
    description:
      'Counted units with an outline but no population cell inside it: their counts stay on the region.',
  })
  unitsWithoutCells!: string[];
}
