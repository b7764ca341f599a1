import 'reflect-metadata';
import { ComputePool } from './compute/compute-pool';
import { loadConfig } from './config';
import { migrate, openDatabase } from './db/database';
import { entities } from './entities';
import { startNodeServices } from './ops/node-services';

/**
 * `npm run worker`: works jobs (coverage, service areas …) without serving HTTP, on the PostgreSQL database
 * of DATABASE_URL; run as many as wanted, on any machine that reaches the database. A worker killed mid-job
 * loses nothing: after CAREMAP_JOB_EXPIRE_SECONDS the job is retried by another worker.
 */
const config = loadConfig();
if (!config.databaseUrl) {
  console.error(
    'npm run worker needs DATABASE_URL (PostgreSQL): on the embedded database the server runs jobs itself.',
  );
  process.exit(2);
}
const db = await openDatabase({ ...config, entities }, { kind: 'cli', label: 'a CareMap worker' });
await migrate(db);
const compute = new ComputePool();
const node = await startNodeServices(db, config, compute, true);
console.log(`CareMap worker ${process.pid} working jobs (${node.queue.engine}, ${node.bus.transport} bus)`);

const shutdown = async () => {
  setTimeout(() => process.exit(1), config.shutdownGraceMs + 15_000).unref();
  await node.stop();
  await compute.close();
  await db.close();
  process.exit(0);
};
process.once('SIGINT', shutdown);
process.once('SIGTERM', shutdown);
