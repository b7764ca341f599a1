import type { EntityManager } from '@mikro-orm/sql';
import { AuditRepository } from '../audit/audit.repository';
import type { Principal } from '../auth/role';
import { badUserInput } from '../kernel/errors';
import {
  indicatorDefinition,
  INDICATORS,
  type IndicatorCode,
  type IndicatorDefinition,
} from './indicator-definitions';
import { IndicatorRepository, type StoredTarget } from './indicator.repository';
import type { IndicatorTarget } from './indicator.type';

/** Largest target accepted for a ratio; shares (in %) are at most 100. */
const MAX_RATIO_TARGET = 100_000;

/** An indicator's target in force: the stored one, else the seed default. */
export function targetOf(definition: IndicatorDefinition, stored: readonly StoredTarget[]): IndicatorTarget {
  const row = stored.find((target) => target.code === definition.code);
  return {
    code: definition.code,
    name: definition.nameZh,
    nameEn: definition.nameEn,
    unit: definition.unit,
    target: row?.target ?? definition.defaultTarget,
    defaultTarget: definition.defaultTarget,
    seeds: definition.seeds,
    updatedAt: row?.updatedAt ?? null,
    updatedBy: row?.updatedBy ?? null,
  };
}

/** Rules of configurable targets: the seed defaults, overridden by an ADMIN, every change audited. */
export class IndicatorTargetService {
  private readonly indicators: IndicatorRepository;

  constructor(
    private readonly em: EntityManager,
    private readonly principal: Principal,
  ) {
    this.indicators = new IndicatorRepository(em);
  }

  /** Every indicator's target in force. */
  async targets(): Promise<IndicatorTarget[]> {
    const stored = await this.indicators.storedTargets();
    return INDICATORS.map((definition) => targetOf(definition, stored));
  }

  /** Sets a target (null: back to the seed default), with an audit record. The resolver checks the role. */
  async setTarget(code: IndicatorCode, target: number | null): Promise<IndicatorTarget> {
    const definition = indicatorDefinition(code);
    const max = definition.unit.startsWith('%') ? 100 : MAX_RATIO_TARGET;
    if (target !== null && (!Number.isFinite(target) || target < 0 || target > max)) {
      throw badUserInput(
        `target of ${code} must be a number from 0 to ${max} (${definition.unit}), got ${target}`,
        'target',
      );
    }
    await this.em.transactional(async (tx) => {
      const before = await new IndicatorRepository(tx).setTarget(code, target, this.principal.subject);
      await new AuditRepository(tx).record(this.principal, {
        action: 'SET_INDICATOR_TARGET',
        entity: 'indicator_target',
        entityId: code,
        oldValues: { target: before?.target ?? definition.defaultTarget },
        newValues: { target: target ?? definition.defaultTarget },
      });
    });
    return targetOf(definition, await this.indicators.storedTargets());
  }
}
