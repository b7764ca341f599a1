import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import type { RequestContext } from '../context';
import { assertTextLength } from '../kernel/text-limits';
import { ImportFormat } from './facility-file';
import { FacilityImportService } from './facility-import.service';
import { ImportFileInput, ImportReport } from './facility-import.type';
import { CoordinateSystem } from './facility-row';

@Resolver()
export class FacilityImportResolver {
  @Mutation(() => ImportReport, {
    description:
      'Bulk import of facilities (ADMIN). Every row is checked first, by the rules of updateFacility against the stored row; a real run writes all rows in one transaction or none, and a dry run gives the verdict a real run would. Rows are matched by source_key, so importing the same file again changes nothing. Live vacancy of existing rows is not overwritten (use updateVacancy). A row with expected_version is a CONFLICT when the facility has moved on since; a row without it overwrites the stored fields (both writes stay in the audit log).',
  })
  importFacilities(
    @Arg('file', () => ImportFileInput) file: ImportFileInput,
    @Arg('format', () => ImportFormat) format: ImportFormat,
    @Arg('crs', () => CoordinateSystem, { defaultValue: 'WGS84' }) crs: CoordinateSystem,
    @Arg('dryRun', () => Boolean, { defaultValue: true }) dryRun: boolean,
    @Ctx() ctx: RequestContext,
  ) {
    assertTextLength(file.name, 'name', 'file.name');
    return new FacilityImportService(ctx.em, ctx.principal, ctx.network, { signal: ctx.signal }).run({
      content: file.content,
      format,
      crs,
      dryRun,
      sourceName: `import: ${file.name}`,
      restrictToChina: ctx.config.restrictToChina,
    });
  }
}
