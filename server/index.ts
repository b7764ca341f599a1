import { createApp } from './app';
import { resolveJwtSecret } from './auth/jwt-secret';
import { loadConfig } from './config';
import { DataDirInUseError, newAdminKey } from './db/data-dir-lock';
import { migrate, openDatabase, type Database } from './db/database';
import { ensureDemoData } from './import/seed';
import { JobService } from './jobs/job.service';
import { SERVICE_AREAS_JOB } from './jobs/service-areas.job';
import { createSchema } from './schema';
import { entities } from './entities';

const config = loadConfig();
let db: Database;
try {
  db = await openDatabase({ ...config, entities }, { kind: 'server', label: 'the CareMap server' });
} catch (error) {
  if (!(error instanceof DataDirInUseError)) throw error;
  console.error(error.message);
  process.exit(1);
}
const applied = await migrate(db);
if (applied.length) console.log(`Applied migrations: ${applied.join(', ')}`);
const jwt = await resolveJwtSecret(db, config);
console.log(`JWT secret: ${jwt.origin}`);
await ensureDemoData(db);
// The command line reaches a server that holds the embedded database through its admin path, with this key.
const adminKey = db.dataDirLock ? newAdminKey() : null;
const app = await createApp({
  config: { ...config, jwtSecret: jwt.secret },
  db,
  schema: await createSchema(),
  adminKey,
});
const roadNetwork = await app.network.current();
console.log(
  `Road network: ${roadNetwork.graph.vertexCount} vertices, ${roadNetwork.graph.edgeCount} edges, ${(roadNetwork.memoryBytes() / 1e6).toFixed(1)} MB`,
);
// Service areas missing or drawn on another network are recomputed by a job: on any worker on PostgreSQL
// (once, however many nodes start), in this process on the embedded database.
const areasJob = await new JobService(
  db.fork(),
  { role: 'ADMIN', subject: 'system:startup', facilityIds: [], tokenId: null },
  { queue: app.node.queue, bus: app.node.bus },
).start(SERVICE_AREAS_JOB, {});
console.log(`Service areas: job ${areasJob.id} (${app.node.queue.engine})`);
const port = await app.listen(config.port, config.host);
if (adminKey) db.dataDirLock?.announce({ port, host: config.host, adminKey });
console.log(
  `康养一张图 CareMap on http://localhost:${port}  (GraphQL: /graphql, database: ${db.kind === 'pglite' ? `embedded PGlite in ${config.dataDir}` : 'PostgreSQL'})`,
);

// SIGTERM (a rolling deploy) and Ctrl-C: readiness fails at once, running requests finish, subscriptions end
// with 1001 so that their clients reconnect to another node, running jobs get the queue's grace.
const shutdown = async () => {
  setTimeout(() => process.exit(1), config.shutdownGraceMs + 15_000).unref();
  await app.drain();
  await db.close();
  process.exit(0);
};
process.once('SIGINT', shutdown);
process.once('SIGTERM', shutdown);
