import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import type { RequestContext } from '../context';
import { ImportFormat } from './facility-file';
import { FacilityImportService } from './facility-import.service';
import { ImportFileInput, ImportReport } from './facility-import.type';
import { CoordinateSystem } from './facility-row';

@Resolver()
export class FacilityImportResolver {
  @Mutation(() => ImportReport, {
    description:
      'Bulk import of facilities (ADMIN). Every row is checked first; a real run writes all rows in one transaction or none. Rows are matched by source_key, so importing the same file again changes nothing. Live vacancy of existing rows is not overwritten (use updateVacancy).',
  })
  importFacilities(
    @Arg('file', () => ImportFileInput) file: ImportFileInput,
    @Arg('format', () => ImportFormat) format: ImportFormat,
    @Arg('crs', () => CoordinateSystem, { defaultValue: 'WGS84' }) crs: CoordinateSystem,
    @Arg('dryRun', () => Boolean, { defaultValue: true }) dryRun: boolean,
    @Ctx() ctx: RequestContext,
  ) {
    return new FacilityImportService(ctx.em, ctx.principal, ctx.network, { signal: ctx.signal }).run({
      content: file.content,
      format,
      crs,
      dryRun,
      sourceName: `import: ${file.name.slice(0, 100)}`,
      restrictToChina: ctx.config.restrictToChina,
    });
  }
}
