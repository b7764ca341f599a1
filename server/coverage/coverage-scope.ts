import { requireRole } from '../auth/authorize';
import { Role, type Principal } from '../auth/role';
import { notFound } from '../kernel/errors';
import { RegionLevel } from '../regions/region-level';
import { assertRegionCode } from '../regions/region.service';
import { cellRegionChains, isBelowDistrict, type RegionNode } from './cell-regions';
import type { CellRow, CoverageRepository } from './coverage.repository';

/** Roles that may read population below district level (cells, streets, communities, gaps). */
export const PLANNER_ROLES = [Role.PLANNER, Role.ADMIN] as const;

/** A region, the regions around it and the population cells inside it, each with the regions it belongs to. */
export interface RegionScope {
  readonly region: RegionNode;
  /** The region, its ancestors and every region below its district (or itself, at district level and above). */
  readonly regions: ReadonlyMap<string, RegionNode>;
  /** The cells inside the region, by key. */
  readonly cells: readonly CellRow[];
  /** Per cell, the codes of the regions it belongs to, lowest first. */
  readonly chains: readonly string[][];
}

/** Whether the caller may read population below district level. */
export function readsSmallAreas(principal: Principal): boolean {
  return (PLANNER_ROLES as readonly string[]).includes(principal.role);
}

/**
 * Loads a region's scope; NOT_FOUND for an unknown code, FORBIDDEN for a street or community
 * unless the caller is a planner (population there is planner-only).
 */
export async function loadRegionScope(
  repository: CoverageRepository,
  principal: Principal,
  regionCode: string,
  argument: string,
): Promise<RegionScope> {
  assertRegionCode(regionCode, argument);
  const lineage = await repository.regionWithAncestors(regionCode);
  if (lineage.length === 0) throw notFound(`No region with division code ${regionCode}`);
  const region = lineage[0];
  if (isBelowDistrict(region.level)) {
    requireRole(
      principal,
      PLANNER_ROLES,
      `Population of a ${region.level.toLowerCase()} (below district level)`,
    );
  }
  const root = isBelowDistrict(region.level)
    ? (lineage.find((node) => node.level === RegionLevel.DISTRICT) ?? region)
    : region;
  const below = await repository.descendants(root.code);
  const regions = new Map<string, RegionNode>([...lineage, ...below].map((node) => [node.code, node]));
  const localCodes = below
    .filter((node) => isBelowDistrict(node.level) && node.hasBoundary)
    .map((node) => node.code);
  const districtCodes = [
    root.code,
    ...below.filter((node) => !isBelowDistrict(node.level)).map((node) => node.code),
  ];
  const candidates = await repository.cellsOfDistricts(districtCodes, localCodes);
  const candidateChains = cellRegionChains(regions, candidates);
  const cells: CellRow[] = [];
  const chains: string[][] = [];
  candidates.forEach((cell, index) => {
    if (!candidateChains[index].includes(region.code)) return;
    cells.push(cell);
    chains.push(candidateChains[index]);
  });
  return { region, regions, cells, chains };
}
