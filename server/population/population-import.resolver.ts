import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import type { RequestContext } from '../context';
import { ImportFileInput } from '../facility-import/facility-import.type';
import { assertTextLength } from '../kernel/text-limits';
import { PopulationImportService } from './population-import.service';
import { PopulationImportReport } from './population-import.type';

@Resolver()
export class PopulationImportResolver {
  @Mutation(() => PopulationImportReport, {
    description:
      'Import of older people per street or community (ADMIN): CSV code,name,year,source,age60plus,age65plus,age80plus[,pop_total][,is_sample], the shape of the 2020 census street tables. Every row is checked against the regions in force; a real run writes all rows or none. Children are checked against parents and mismatches reported. Counts of a unit with an outline are spread over the population cells inside it in proportion to housing, the sum exact.',
  })
  importPopulation(
    @Arg('file', () => ImportFileInput) file: ImportFileInput,
    @Arg('dryRun', () => Boolean, { defaultValue: true }) dryRun: boolean,
    @Ctx() ctx: RequestContext,
  ) {
    assertTextLength(file.name, 'name', 'file.name');
    return new PopulationImportService(ctx.em, ctx.principal).run({ content: file.content, dryRun });
  }
}
