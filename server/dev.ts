import { createServer as createViteServer } from 'vite';
import { createApp } from './app';
import { resolveJwtSecret } from './auth/jwt-secret';
import { loadConfig } from './config';
import { newAdminKey } from './db/data-dir-lock';
import { migrate, openDatabase } from './db/database';
import { ensureDemoData } from './import/seed';
import { createSchema } from './schema';
import { entities } from './entities';

// Development: the API on a private port, Vite with hot reload in front of it, proxying the API paths.
const config = loadConfig();
const db = await openDatabase(
  { ...config, entities },
  { kind: 'server', label: 'the CareMap development server' },
);
const applied = await migrate(db);
if (applied.length) console.log(`Applied migrations: ${applied.join(', ')}`);
const jwt = await resolveJwtSecret(db, config);
console.log(`JWT secret: ${jwt.origin}`);
await ensureDemoData(db);
const adminKey = db.dataDirLock ? newAdminKey() : null;
const app = await createApp({
  config: { ...config, jwtSecret: jwt.secret },
  db,
  schema: await createSchema(),
  adminKey,
});
const apiPort = await app.listen(0, '127.0.0.1');
if (adminKey) db.dataDirLock?.announce({ port: apiPort, host: '127.0.0.1', adminKey });
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
