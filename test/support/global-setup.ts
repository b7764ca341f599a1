import { cp, rm } from 'node:fs/promises';
import { migrate, openDatabase } from '../../server/db/database';
import { seedDemo } from '../../server/import/seed';
import { silentProgress } from '../../server/import/progress';
import type { TestProject } from 'vitest/node';
import { adminQuery, newTestTemplates, TEST_DATABASE_URL, type DatabaseTemplate } from './database';
import { entities } from '../../server/entities';

/** Makes an empty template database (dropping a leftover of the same name) and opens it. */
async function createTemplate(template: DatabaseTemplate) {
  let databaseUrl: string | null = null;
  if (TEST_DATABASE_URL) {
    await adminQuery(`drop database if exists ${template.postgresName} with (force)`);
    await adminQuery(`create database ${template.postgresName}`);
    const url = new URL(TEST_DATABASE_URL);
    url.pathname = `/${template.postgresName}`;
    databaseUrl = url.toString();
  } else {
    await rm(template.pgliteDir, { recursive: true, force: true });
  }
  return openDatabase({ databaseUrl, dataDir: template.pgliteDir, entities });
}

async function removeTemplate(template: DatabaseTemplate) {
  if (TEST_DATABASE_URL) await adminQuery(`drop database if exists ${template.postgresName} with (force)`);
  else await rm(template.pgliteDir, { recursive: true, force: true });
}

/**
 * Migrates once and seeds the demo once per run; each test file then works on its own copy of the
 * empty or the seeded template. On PGlite the seeded one starts as a copy of the migrated folder.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const templates = newTestTemplates();
  project.provide('testTemplates', templates);
  const empty = await createTemplate(templates.empty);
  await migrate(empty);
  await empty.close();
  let seeded;
  if (TEST_DATABASE_URL) {
    seeded = await createTemplate(templates.seeded);
    await migrate(seeded);
  } else {
    await cp(templates.empty.pgliteDir, templates.seeded.pgliteDir, { recursive: true });
    seeded = await openDatabase({ databaseUrl: null, dataDir: templates.seeded.pgliteDir, entities });
  }
  await seedDemo(seeded, silentProgress);
  await seeded.close();
  return async () => {
    await removeTemplate(templates.seeded);
    await removeTemplate(templates.empty);
  };
}
