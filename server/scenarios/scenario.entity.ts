import { defineEntity, p } from '@mikro-orm/core';
import type { StoredChange } from './scenario-changes';

const ScenarioSchema = defineEntity({
  name: 'Scenario',
  tableName: 'scenario',
  indexes: [{ name: 'scenario_owner_idx', properties: ['owner'] }],
  checks: [{ name: 'scenario_name_check', expression: 'length(name) >= 1 and length(name) <= 200' }],
  properties: {
    id: p.integer().primary().autoincrement(),
    name: p.text(),
    owner: p.text(),
    shared: p.boolean().default(false),
    changes: p.json<StoredChange[]>().default('[]'),
    nextChangeId: p.integer().default(1),
    version: p.integer().default(1),
    createdAt: p.datetime().defaultRaw('now()'),
    updatedAt: p.datetime().defaultRaw('now()'),
  },
});

/** A planner's what-if scenario: changes over today's directory, never part of it. */
export class Scenario extends ScenarioSchema.class {}
ScenarioSchema.setClass(Scenario);
