import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { connect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { createApp } from '../../server/app';
import { loadConfig } from '../../server/config';
import { HTTP_LIMITS } from '../../server/http/http-limits';
import { createSchema } from '../../server/schema';
import { QUERY_LIMITS } from '../../server/graphql/limits';
import { useTestServer } from '../support/test-server';

const fixture = useTestServer({ env: { CAREMAP_RATE_LIMIT_PER_MINUTE: '1000' } });

const NESTED_PARTNERS = '{facility(id:"14"){partners{partners{partners{partners{partners{id}}}}}}}';

const post = (query: string) =>
  fetch(`${fixture.server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query }),
  });

const alive = async () =>
  (await fetch(`${fixture.server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: '{ region(code: "330102") { name } }' }),
  }).then((r) => r.json())) as { data: { region: { name: string } } };

describe('hostile requests get a clear error and the server stays up', () => {
  test('a 10 MB string is refused before it is read whole', async () => {
    const res = await fetch(`${fixture.server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: '{ facilities(filter: { text: $t }) { totalCount } }',
        variables: { t: 'x'.repeat(10_000_000) },
      }),
    });
    expect(res.status).toBe(413);
    expect(JSON.stringify(await res.json())).toMatch(/larger than 5000000 bytes/);
    expect((await alive()).data.region.name).toBe('上城区');
  });

  test('a deep query is refused', async () => {
    let selection = 'id';
    for (let i = 0; i < 14; i++) selection = `partners { ${selection} }`;
    const result = await fixture.server.query(`{ facilities(first: 1) { edges { node { ${selection} } } } }`);
    expect(result.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
    expect(result.errors?.[0].message).toMatch(/deeper than 12/);
  });

  test('a wide query with many aliases is refused', async () => {
    const fields = Array.from({ length: 40 }, (_, i) => `a${i}: facilities(first: 500) { totalCount }`).join(
      ' ',
    );
    const result = await fixture.server.query(`{ ${fields} }`);
    expect(result.errors?.[0].message).toMatch(/more than 30 aliases/);
  });

  test('a query over the cost limit answers HTTP 400 with BAD_USER_INPUT (was 500)', async () => {
    const page =
      'facilities(first: 500) { edges { node { id name type address phone location services vacantBeds } } }';
    const fields = Array.from({ length: 20 }, (_, i) => `p${i}: ${page}`).join(' ');
    const res = await post(`{ ${fields} }`);
    const body = (await res.json()) as { data?: unknown; errors: { message: string; extensions: object }[] };
    expect(res.status).toBe(400);
    expect(body.errors[0].message).toMatch(new RegExp(`more than ${QUERY_LIMITS.maxCost}`));
    expect(body.errors[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
  });

  test('one 73-byte public query freezes the server: nested partners are refused with 400 before executing', async () => {
    expect(NESTED_PARTNERS).toHaveLength(73);
    const res = await post(NESTED_PARTNERS);
    const body = (await res.json()) as { data?: unknown; errors: { message: string; extensions: object }[] };
    expect(res.status).toBe(400);
    expect(body).not.toHaveProperty('data');
    expect(body.errors[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
    expect(body.errors[0].message).toMatch(/would cost/);
  });

  test('one 73-byte public query freezes the server: /health answers while it is sent 20 times at once', async () => {
    const finished: string[] = [];
    const floods = Array.from({ length: 20 }, (_, i) =>
      post(NESTED_PARTNERS).then(async (res) => {
        finished.push(`query ${i}`);
        return { status: res.status, body: (await res.json()) as object };
      }),
    );
    const health = fetch(`${fixture.server.url}/health`).then(async (res) => {
      finished.push('health');
      return res.json() as Promise<{ status: string }>;
    });
    expect((await health).status).toBe('ok');
    const answers = await Promise.all(floods);
    expect(finished).toHaveLength(21);
    for (const answer of answers) {
      expect(answer.status).toBe(400);
      expect(answer.body).not.toHaveProperty('data');
    }
  });

  test('a subscription sent over HTTP answers 400 and points to WebSocket (was INTERNAL_SERVER_ERROR)', async () => {
    const res = await post('subscription { vacancyChanged(regionCode: "330102") { id } }');
    expect(res.status).toBe(400);
    expect(JSON.stringify(await res.json())).toMatch(/WebSocket/);
  });

  test.each(['/%', '/assets/%ZZ', '/tiles/%ZZ/1/0/0.mvt', '/graphql%'])(
    'GET %s (a malformed path) answers 400 or 404, never 500',
    async (path) => {
      const res = await fetch(`${fixture.server.url}${path}`);
      expect([400, 404]).toContain(res.status);
      expect((await alive()).data.region.name).toBe('上城区');
    },
  );

  test('slow-body connections live 300 s with no per-client cap: the request timeout is 30 s', () => {
    const server = fixture.server.app.server;
    expect(server.requestTimeout).toBe(HTTP_LIMITS.requestTimeoutMs);
    expect(HTTP_LIMITS.requestTimeoutMs).toBeLessThanOrEqual(30_000);
    expect(server.headersTimeout).toBeLessThanOrEqual(server.requestTimeout);
  });

  test('slow-body connections live 300 s with no per-client cap: one address gets a bounded number of connections', async () => {
    const open = (): Promise<Socket> =>
      new Promise((resolve, reject) => {
        const url = new URL(fixture.server.url);
        const socket = connect(Number(url.port), url.hostname, () => {
          // A request whose body never comes: the connection stays busy until the request timeout.
          socket.write(
            `POST /graphql HTTP/1.1\r\nhost: ${url.host}\r\ncontent-type: application/json\r\ncontent-length: 1000\r\n\r\n{`,
          );
          resolve(socket);
        });
        socket.once('error', reject);
      });
    const sockets: Socket[] = [];
    const closed = new Set<Socket>();
    let firstClosed: () => void = () => {};
    const someClosed = new Promise<void>((resolve) => (firstClosed = resolve));
    try {
      // Connections this client already keeps alive count too, so at most the cap plus one are needed.
      for (let i = 0; i < HTTP_LIMITS.maxConnectionsPerAddress + 1; i++) {
        const socket = await open();
        socket.on('error', () => {});
        socket.once('close', () => {
          closed.add(socket);
          firstClosed();
        });
        sockets.push(socket);
      }
      await someClosed;
      expect(closed.has(sockets[0])).toBe(false);
      expect(sockets.at(-1)!.destroyed).toBe(true);
    } finally {
      for (const socket of sockets) socket.destroy();
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect((await alive()).data.region.name).toBe('上城区');
  });

  test('unknown enum values are BAD_USER_INPUT', async () => {
    const result = await fixture.server.query('{ regions(level: GALAXY) { code } }');
    expect(result.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  test('a cross-site form post is refused (CSRF prevention)', async () => {
    const res = await fetch(`${fixture.server.url}/graphql?query=%7B__typename%7D`, {
      method: 'GET',
      headers: { 'content-type': 'text/plain' },
    });
    expect(res.status).toBe(400);
  });
});

describe('the built client is served as files; anything else is 404', () => {
  test('/, /planner.html, /report.html and assets are served; unknown and malformed paths are 404 or 400', async () => {
    const clientDir = await mkdtemp(path.join(tmpdir(), 'caremap-client-'));
    await mkdir(path.join(clientDir, 'assets'));
    for (const page of ['index.html', 'planner.html', 'report.html'])
      await writeFile(path.join(clientDir, page), `<!doctype html><title>${page}</title>`);
    await writeFile(path.join(clientDir, 'assets', 'main-abc123.js'), 'console.log(1);');
    const config = { ...loadConfig({ NODE_ENV: 'test' }), port: 0, host: '127.0.0.1' };
    const app = await createApp({ config, db: fixture.database.db, schema: await createSchema(), clientDir });
    const url = `http://127.0.0.1:${await app.listen(0, '127.0.0.1')}`;
    try {
      for (const [file, page] of [
        ['/', 'index.html'],
        ['/planner.html', 'planner.html'],
        ['/report.html', 'report.html'],
      ]) {
        const res = await fetch(`${url}${file}`);
        expect(res.status).toBe(200);
        expect(await res.text()).toContain(page);
        expect(res.headers.get('cache-control')).toBe('no-cache');
      }
      const asset = await fetch(`${url}/assets/main-abc123.js`);
      expect(asset.status).toBe(200);
      expect(asset.headers.get('cache-control')).toMatch(/immutable/);
      expect((await fetch(`${url}/nowhere`)).status).toBe(404);
      expect((await fetch(`${url}/../package.json`)).status).toBe(404);
      for (const malformed of ['/%', '/assets/%ZZ', '/%E0%A4%A'])
        expect([400, 404]).toContain((await fetch(`${url}${malformed}`)).status);
    } finally {
      await app.close();
      await rm(clientDir, { recursive: true, force: true });
    }
  });
});
