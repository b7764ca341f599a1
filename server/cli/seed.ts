import { loadConfig } from '../config';
import { migrate, openDatabase } from '../db/database';
import { seedDemo } from '../import/seed';

/** `npm run seed`: builds (or refreshes) the demo from the files the repository ships. */
const config = loadConfig();
const db = await openDatabase(config);
try {
  await migrate(db);
  const report = await seedDemo(db);
  console.table(report);
} finally {
  await db.close();
}
