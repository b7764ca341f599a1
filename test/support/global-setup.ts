import { rm } from 'node:fs/promises';
import { migrate, openDatabase } from '../../server/db/database';
import { seedDemo } from '../../server/import/seed';
import { silentProgress } from '../../server/import/progress';
import type { TestProject } from 'vitest/node';
import { adminQuery, newSeededTemplate, TEST_DATABASE_URL } from './database';
import { entities } from '../../server/entities';

/** Seeds the demo once per run; each test file then works on its own copy of it. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const template = newSeededTemplate();
  project.provide('seededTemplate', template);
  const name = template.postgresName;
  let databaseUrl: string | null = null;
  if (TEST_DATABASE_URL) {
    await adminQuery(`drop database if exists ${name} with (force)`);
    await adminQuery(`create database ${name}`);
    const url = new URL(TEST_DATABASE_URL);
    url.pathname = `/${name}`;
    databaseUrl = url.toString();
  } else {
    await rm(template.pgliteDir, { recursive: true, force: true });
  }
  const db = await openDatabase({ databaseUrl, dataDir: template.pgliteDir, entities });
  await migrate(db);
  await seedDemo(db, silentProgress);
  await db.close();
  return async () => {
    if (TEST_DATABASE_URL) await adminQuery(`drop database if exists ${name} with (force)`);
    else await rm(template.pgliteDir, { recursive: true, force: true });
  };
}
