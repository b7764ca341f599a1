import type { EntityManager } from '@mikro-orm/sql';
import { requireRole } from '../auth/authorize';
import type { Principal } from '../auth/role';
import {
  BoundaryImportRepository,
  type CandidateRegion,
  type OutlineOverlap,
} from './boundary-import.repository';
import { respreadCountedUnits } from '../population/population-import.service';
import type { BoundaryFeature } from './boundary-file';

/** What is wrong with one feature. */
export interface FeatureProblem {
  feature: number;
  code: string | null;
  message: string;
}

/** Outcome of a boundary import: nothing is written unless every feature is valid and it is not a dry run. */
export interface BoundaryImportReport {
  dryRun: boolean;
  written: boolean;
  total: number;
  invalid: number;
  updated: number;
  unchanged: number;
  matched: { feature: number; code: string; name: string }[];
  problems: FeatureProblem[];
  overlaps: OutlineOverlap[];
  /** Population cells re-spread because a counted street or community got its outline. */
  cellsUpdated: number;
}

/** Share of an outline that may lie outside its parent, or overlap a sibling, before it counts (2%). */
export const BOUNDARY_TOLERANCE = 0.02;

/**
 * Street and community outlines from a user's file: each feature is matched to a region in force by its code,
 * or by its name (with the parent's code when names repeat), checked (a valid polygon; no more than 2% of it
 * outside its parent), and written all or nothing. Overlaps between siblings are reported, not refused.
 */
export class BoundaryImportService {
  constructor(
    private readonly em: EntityManager,
    private readonly principal: Principal,
  ) {}

  /** Checks and (unless a dry run or a feature is invalid) stores the outlines. */
  async run(request: {
    features: BoundaryFeature[];
    dryRun: boolean;
    source: string;
  }): Promise<BoundaryImportReport> {
    requireRole(this.principal, ['ADMIN'], 'importRegionBoundaries');
    const { features, dryRun, source } = request;
    return this.em.transactional(async (tx) => {
      const repository = new BoundaryImportRepository(tx);
      const problems: FeatureProblem[] = [];
      const problem = (feature: BoundaryFeature, message: string) =>
        problems.push({ feature: feature.feature, code: feature.code, message });
      const byCode = new Map(
        (await repository.byCodes(features.flatMap((f) => (f.code ? [f.code] : [])))).map((r) => [r.code, r]),
      );
      const byName = await repository.byNames(features.flatMap((f) => (!f.code && f.name ? [f.name] : [])));

      const matched: { feature: BoundaryFeature; region: CandidateRegion }[] = [];
      const taken = new Map<string, number>();
      for (const feature of features) {
        if (feature.readError) {
          problem(feature, feature.readError);
          continue;
        }
        let region: CandidateRegion | undefined;
        if (feature.code) {
          region = byCode.get(feature.code);
          if (!region) problem(feature, `no region in force has the division code ${feature.code}`);
        } else if (feature.name) {
          const candidates = byName.filter(
            (r) => r.name === feature.name && (!feature.parentCode || r.parentCode === feature.parentCode),
          );
          if (candidates.length === 1) region = candidates[0];
          else if (candidates.length === 0)
            problem(feature, `no street or community is named ${feature.name}`);
          else
            problem(
              feature,
              `${candidates.length} regions are named ${feature.name} (${candidates.map((c) => c.code).join(', ')}): give code or parent_code`,
            );
        } else {
          problem(feature, 'each feature needs a code (区划代码) or a name');
        }
        if (!region) continue;
        const first = taken.get(region.code);
        if (first !== undefined) {
          problem(feature, `${region.name} ${region.code} already has feature ${first}`);
          continue;
        }
        taken.set(region.code, feature.feature);
        matched.push({ feature, region });
      }

      const outlines = matched.map(
        ({ feature, region }) =>
          [feature.feature, region.code, JSON.stringify(feature.geometry)] as [number, string, string],
      );
      const checks = new Map((await repository.check(outlines)).map((c) => [c.feature, c]));
      for (const { feature, region } of matched) {
        const check = checks.get(feature.feature)!;
        if (!check.valid) problem(feature, `${region.name}: not a valid polygon (${check.reason})`);
        else if (check.areaSquareMeters <= 0) problem(feature, `${region.name}: the outline has no area`);
        else if (check.outsideParent !== null && check.outsideParent > BOUNDARY_TOLERANCE)
          problem(
            feature,
            `${region.name}: ${(100 * check.outsideParent).toFixed(1)}% of it lies outside its parent ${region.parentCode} (at most ${100 * BOUNDARY_TOLERANCE}%)`,
          );
      }
      const overlaps = await repository.overlaps(outlines, BOUNDARY_TOLERANCE);
      const invalid = new Set(problems.map((p) => p.feature)).size;
      const base = {
        dryRun,
        total: features.length,
        invalid,
        matched: matched.map(({ feature, region }) => ({
          feature: feature.feature,
          code: region.code,
          name: region.name,
        })),
        problems: problems.sort((a, b) => a.feature - b.feature),
        overlaps,
      };
      if (dryRun || invalid > 0)
        return { ...base, written: false, updated: 0, unchanged: 0, cellsUpdated: 0 };
      const changed = await repository.write(outlines, source);
      const cellsUpdated = await respreadCountedUnits(tx, changed);
      return {
        ...base,
        written: true,
        updated: changed.length,
        unchanged: outlines.length - changed.length,
        cellsUpdated,
      };
    });
  }
}
