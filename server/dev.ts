import { createServer as createViteServer } from 'vite';
import { createApp } from './app';
import { loadConfig } from './config';
import { migrate, openDatabase } from './db/database';
import { ensureDemoData } from './import/seed';
import { createSchema } from './schema';

// Development: the API on a private port, Vite with hot reload in front of it, proxying the API paths.
const config = loadConfig();
const db = await openDatabase(config);
const applied = await migrate(db);
if (applied.length) console.log(`Applied migrations: ${applied.join(', ')}`);
await ensureDemoData(db);
const app = await createApp({ config, db, schema: await createSchema() });
const apiPort = await app.listen(0, '127.0.0.1');
const api = `http://127.0.0.1:${apiPort}`;

const vite = await createViteServer({
  configFile: 'vite.config.ts',
  server: {
    port: config.port,
    host: config.host,
    strictPort: true,
    proxy: Object.fromEntries(
      ['/graphql', '/tiles', '/config.json', '/health'].map((path) => [
        path,
        { target: api, ws: path === '/graphql' },
      ]),
    ),
  },
});
await vite.listen();
console.log(
  `康养一张图 CareMap (development) on http://localhost:${config.port}  (API: ${api}, database: ${db.kind})`,
);

const shutdown = async () => {
  await vite.close();
  await app.close();
  await db.close();
  process.exit(0);
};
process.once('SIGINT', shutdown);
process.once('SIGTERM', shutdown);
