import { createApp } from './app';
import { resolveJwtSecret } from './auth/jwt-secret';
import { loadConfig } from './config';
import { DataDirInUseError, newAdminKey } from './db/data-dir-lock';
import { migrate, openDatabase, type Database } from './db/database';
import { startProgress } from './import/progress';
import { ensureDemoData } from './import/seed';
import { createSchema } from './schema';
import { ServiceAreaService } from './service-areas/service-area.service';
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
await new ServiceAreaService(db.fork(), await app.network.computation()).refresh(startProgress);
const port = await app.listen(config.port, config.host);
if (adminKey) db.dataDirLock?.announce({ port, host: config.host, adminKey });
console.log(
  `康养一张图 CareMap on http://localhost:${port}  (GraphQL: /graphql, database: ${db.kind === 'pglite' ? `embedded PGlite in ${config.dataDir}` : 'PostgreSQL'})`,
);

const shutdown = async () => {
  await app.close();
  await db.close();
  process.exit(0);
};
process.once('SIGINT', shutdown);
process.once('SIGTERM', shutdown);
