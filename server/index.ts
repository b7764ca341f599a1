import { createApp } from './app';
import { loadConfig } from './config';
import { migrate, openDatabase } from './db/database';
import { startProgress } from './import/progress';
import { ensureDemoData } from './import/seed';
import { createSchema } from './schema';
import { ServiceAreaService } from './service-areas/service-area.service';

const config = loadConfig();
const db = await openDatabase(config);
const applied = await migrate(db);
if (applied.length) console.log(`Applied migrations: ${applied.join(', ')}`);
await ensureDemoData(db);
const app = await createApp({ config, db, schema: await createSchema() });
const roadNetwork = await app.network.current();
console.log(
  `Road network: ${roadNetwork.graph.vertexCount} vertices, ${roadNetwork.graph.edgeCount} edges, ${(roadNetwork.memoryBytes() / 1e6).toFixed(1)} MB`,
);
await new ServiceAreaService(db.fork(), await app.network.computation()).refresh(startProgress);
const port = await app.listen(config.port, config.host);
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
