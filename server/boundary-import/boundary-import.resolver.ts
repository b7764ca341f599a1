import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import type { RequestContext } from '../context';
import { ImportFileInput } from '../facility-import/facility-import.type';
import { CoordinateSystem } from '../facility-import/facility-row';
import { badUserInput } from '../kernel/errors';
import { assertTextLength } from '../kernel/text-limits';
import { BoundaryFileError, readBoundaryGeoJson } from './boundary-file';
import { BoundaryImportService } from './boundary-import.service';
import { BoundaryFormat, BoundaryImportReport } from './boundary-import.type';

@Resolver()
export class BoundaryImportResolver {
  @Mutation(() => BoundaryImportReport, {
    description:
      'Street and community outlines from a file (ADMIN). Features are matched by code (区划代码) or by name (with parent_code where names repeat), converted from the given coordinate system to WGS84 and checked: valid polygons, at most 2% outside the parent outline; overlaps between siblings are reported. A real run writes all outlines or none; a dry run gives the verdict a real run would.',
  })
  importRegionBoundaries(
    @Arg('file', () => ImportFileInput) file: ImportFileInput,
    @Arg('format', () => BoundaryFormat, { defaultValue: BoundaryFormat.GEOJSON }) _format: BoundaryFormat,
    @Arg('crs', () => CoordinateSystem, { defaultValue: 'WGS84' }) crs: CoordinateSystem,
    @Arg('dryRun', () => Boolean, { defaultValue: true }) dryRun: boolean,
    @Ctx() ctx: RequestContext,
  ) {
    assertTextLength(file.name, 'name', 'file.name');
    let features;
    try {
      features = readBoundaryGeoJson(file.content, crs);
    } catch (error) {
      if (error instanceof BoundaryFileError) throw badUserInput(error.message, 'file');
      throw error;
    }
    return new BoundaryImportService(ctx.em, ctx.principal).run({
      features,
      dryRun,
      source: `import: ${file.name} (${crs})`,
    });
  }
}
