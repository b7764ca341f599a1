import { existsSync, statSync } from 'node:fs';
import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { inject } from 'vitest';
import { JWT_SECRET_FILE } from '../../server/auth/jwt-secret';
import { readDataDirOwner } from '../../server/db/data-dir-lock';
import { SqlRunner } from '../../server/db/sql';
import { openTestDatabase, TEST_DATABASE_URL, type TestDatabase } from '../support/database';
import { issuedToken, runCliScript, startServerChild, type ServerChild } from './processes';

/** The signing secret that was published in server/config.ts (DEVELOPMENT_JWT_SECRET) until it was removed. */
const PUBLISHED_SECRET = 'caremap-development-secret-do-not-use-in-production';

const VIEWER = '{ viewer { role subject } }';
const token = (env: NodeJS.ProcessEnv, ...args: string[]) => runCliScript('server/cli/token.ts', args, env);

/** A JWT for token `jti` as ADMIN, signed with the published constant, as an attacker would mint it. */
function forgedJwt(jti: string): Promise<string> {
  return new SignJWT({ role: 'ADMIN', fac: [] })
    .setProtectedHeader({ alg: 'HS256' })
    .setIssuer('caremap')
    .setSubject('intruder')
    .setJti(jti)
    .setIssuedAt()
    .sign(new TextEncoder().encode(PUBLISHED_SECRET));
}

describe.skipIf(TEST_DATABASE_URL)('the token CLI while the server runs on the embedded database', () => {
  let dataDir: string;
  let env: NodeJS.ProcessEnv;
  let server: ServerChild;

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'caremap-owner-'));
    await cp(inject('testTemplates').seeded.pgliteDir, dataDir, { recursive: true });
    env = { CAREMAP_DATA_DIR: dataDir };
    server = await startServerChild(env);
  });
  afterAll(async () => {
    await server?.stop();
    await rm(dataDir, { recursive: true, force: true });
  });

  test('data loss on the default database: a token issued with `npm run token` while the server runs is accepted on the next request, not "not known to this server"', async () => {
    const jwt = issuedToken(await token(env, 'issue', '--role', 'PLANNER', '--subject', '规划员'));
    expect(await server.query(VIEWER, jwt.token)).toEqual({
      data: { viewer: { role: 'PLANNER', subject: '规划员' } },
    });
    const key = issuedToken(await token(env, 'issue', '--role', 'ADMIN', '--subject', '浙里养', '--api-key'));
    expect(await server.query(VIEWER, key.token)).toEqual({
      data: { viewer: { role: 'ADMIN', subject: '浙里养' } },
    });
    expect(server.output()).toMatch(/token-issue ran through the server/);
  });

  test('data loss on the default database: a revoked ADMIN API key is refused on the very next request', async () => {
    const key = issuedToken(
      await token(env, 'issue', '--role', 'ADMIN', '--subject', 'to revoke', '--api-key'),
    );
    expect((await server.query(VIEWER, key.token)).data).toEqual({
      viewer: { role: 'ADMIN', subject: 'to revoke' },
    });
    const revoked = await token(env, 'revoke', key.id);
    expect(revoked).toMatchObject({ code: 0, stdout: `Revoked ${key.id}\n` });
    const refused = await server.query(VIEWER, key.token);
    expect(refused.errors?.[0]).toMatchObject({
      message: 'This token has been revoked',
      extensions: { code: 'UNAUTHENTICATED' },
    });
  });

  test('data loss on the default database: `token list` while the server runs lists the tokens through the server', async () => {
    const key = issuedToken(
      await token(env, 'issue', '--role', 'OPERATOR', '--subject', '王护士长', '--facility', '21'),
    );
    const list = await token(env, 'list');
    expect(list.code).toBe(0);
    expect(list.stdout).toContain(key.id);
    expect(list.stdout).toContain('王护士长');
    expect(server.output()).toMatch(/token-list ran through the server/);
  });

  test('a published default secret: a JWT signed with the old constant from the source and a real token id is refused', async () => {
    const jwt = issuedToken(await token(env, 'issue', '--role', 'ADMIN', '--subject', 'real admin'));
    expect((await server.query(VIEWER, jwt.token)).data).toEqual({
      viewer: { role: 'ADMIN', subject: 'real admin' },
    });
    const forged = await server.query(VIEWER, await forgedJwt(jwt.id));
    expect(forged.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect(forged.data ?? null).toBeNull();
  });

  test('without CAREMAP_JWT_SECRET a random secret is generated on first start, kept in the data folder with mode 0600, and the start-up says so', () => {
    const file = path.join(dataDir, JWT_SECRET_FILE);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(statSync(file).size).toBeGreaterThanOrEqual(32);
    expect(server.output()).toContain(`JWT secret: generated on first start, kept in ${file}`);
  });

  test('the admin path runs nothing without the key the server wrote into the data folder', async () => {
    const post = (authorization?: string) =>
      fetch(`${server.url}/admin/cli`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
        body: JSON.stringify({ command: { name: 'token-list' } }),
      });
    expect((await post()).status).toBe(401);
    expect((await post('Bearer wrong-key')).status).toBe(401);
    const owner = readDataDirOwner(dataDir)!;
    expect(owner).toMatchObject({ pid: server.child.pid, port: server.port, kind: 'server' });
    expect(statSync(path.join(dataDir, 'caremap-owner.json')).mode & 0o777).toBe(0o600);
    const answered = await post(`Bearer ${owner.adminKey}`);
    expect(answered.status).toBe(200);
    expect((await answered.text()).trim().split('\n').at(-1)).toBe('{"type":"exit","code":0}');
  });

  test('`npm run import -- facilities` while the server runs goes through the server, prints its report, and the rows are served at once', async () => {
    const file = path.join(dataDir, '..', `${path.basename(dataDir)}-import.csv`);
    await writeFile(
      file,
      'source_key,name,type,lng,lat\ncli:1,命令行导入助餐点,MEAL_POINT,120.1702,30.2601\n',
    );
    try {
      const run = await runCliScript('server/cli/import.ts', ['facilities', file], env);
      expect(run).toMatchObject({ code: 0 });
      expect(run.stdout).toContain('Written.');
      expect(run.stdout).toMatch(/facility\s*│\s*1\s*│\s*0\s*│\s*0\s*│\s*0/);
      expect(server.output()).toMatch(/import-facilities ran through the server \(exit 0\)/);
      const found = await server.query(
        '{ facilities(filter: { text: "命令行导入" }, first: 5) { totalCount } }',
      );
      expect(found).toEqual({ data: { facilities: { totalCount: 1 } } });
    } finally {
      await rm(file, { force: true });
    }
  });

  test('a second server on the same folder fails fast with a message that says what to do, and the folder stays whole', async () => {
    const second = await runCliScript('server/index.ts', [], env);
    expect(second.code).toBe(1);
    expect(second.stderr).toContain(
      `is in use by the CareMap server (pid ${server.child.pid}, port ${server.port}). Stop it, or run the command while it runs: it will go through the server.`,
    );
    expect(second.stdout).not.toContain('CareMap on');
    expect((await server.query('{ facilities(first: 1) { totalCount } }')).errors).toBeUndefined();
  });

  test('data loss on the default database: after a clean stop the folder opens again and holds every token (the CLI then opens it directly)', async () => {
    const kept = issuedToken(await token(env, 'issue', '--role', 'PLANNER', '--subject', 'kept'));
    expect(await server.stop()).toBe(0);
    const direct = await token(env, 'list');
    expect(direct.code).toBe(0);
    expect(direct.stderr).toBe('');
    for (const subject of ['规划员', '浙里养', 'to revoke', '王护士长', 'real admin'])
      expect(direct.stdout).toContain(subject);
    expect(direct.stdout).toContain(kept.id);
    const revokedRow = direct.stdout.split('\n').find((line) => line.includes("'to revoke'"));
    expect(revokedRow).toMatch(/'\d{4}-\d{2}-\d{2}T[^']+'\s*│\s*$/);
    expect(existsSync(path.join(dataDir, 'caremap.lock'))).toBe(false);
  });
});

describe.skipIf(!TEST_DATABASE_URL)('the token CLI while the server runs on PostgreSQL', () => {
  let database: TestDatabase;
  let env: NodeJS.ProcessEnv;
  let server: ServerChild;

  beforeAll(async () => {
    database = await openTestDatabase({ seeded: true });
    env = { DATABASE_URL: database.url! };
    server = await startServerChild(env);
  });
  afterAll(async () => {
    await server?.stop();
    await database?.dispose();
  });

  test('data loss on the default database (PostgreSQL variant): a token the CLI writes directly is accepted by the running server at once', async () => {
    const jwt = issuedToken(await token(env, 'issue', '--role', 'PLANNER', '--subject', '规划员'));
    expect(await server.query(VIEWER, jwt.token)).toEqual({
      data: { viewer: { role: 'PLANNER', subject: '规划员' } },
    });
    expect(server.output()).not.toMatch(/ran through the server/);
  });

  test('data loss on the default database (PostgreSQL variant): a revoked ADMIN API key is refused on the very next request', async () => {
    const key = issuedToken(
      await token(env, 'issue', '--role', 'ADMIN', '--subject', 'to revoke', '--api-key'),
    );
    expect((await server.query(VIEWER, key.token)).data).toEqual({
      viewer: { role: 'ADMIN', subject: 'to revoke' },
    });
    expect(await token(env, 'revoke', key.id)).toMatchObject({ code: 0, stdout: `Revoked ${key.id}\n` });
    expect((await server.query(VIEWER, key.token)).errors?.[0].message).toBe('This token has been revoked');
    const list = await token(env, 'list');
    expect(list.code).toBe(0);
    expect(list.stdout).toContain(key.id);
  });

  test('a published default secret (PostgreSQL variant): the old constant is refused; the generated secret is kept in table app_secret and shared by CLI and server', async () => {
    const jwt = issuedToken(await token(env, 'issue', '--role', 'ADMIN', '--subject', 'real admin'));
    expect((await server.query(VIEWER, jwt.token)).data).toEqual({
      viewer: { role: 'ADMIN', subject: 'real admin' },
    });
    expect((await server.query(VIEWER, await forgedJwt(jwt.id))).errors?.[0].extensions?.code).toBe(
      'UNAUTHENTICATED',
    );
    const kept = await new SqlRunner(database.db.fork()).all<{ length: number }>(
      `select length(value) as length from app_secret where name = 'jwt'`,
    );
    expect(kept).toEqual([{ length: 43 }]);
    expect(server.output()).toContain(
      'JWT secret: generated on first start, kept in the database (table app_secret)',
    );
  });
});
