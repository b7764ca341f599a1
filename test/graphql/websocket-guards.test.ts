import { createClient, type Client } from 'graphql-ws';
import { afterEach, describe, expect, test } from 'vitest';
import WebSocket from 'ws';
import { TokenService } from '../../server/auth/token.service';
import { TEST_JWT_SECRET } from '../support/secret';
import { WEBSOCKET_LIMITS } from '../../server/http/websocket';
import { useTestServer } from '../support/test-server';

const LIMIT = 80;
// As in production: introspection off.
const fixture = useTestServer({
  env: { CAREMAP_RATE_LIMIT_PER_MINUTE: String(LIMIT), CAREMAP_INTROSPECTION: 'off' },
});

const wsUrl = () => `${fixture.server.url.replace('http', 'ws')}/graphql`;
const clients: Client[] = [];
afterEach(async () => {
  await Promise.all(clients.splice(0).map((client) => client.dispose()));
});

function connectClient(connectionParams?: Record<string, unknown>): Client {
  const client = createClient({
    url: wsUrl(),
    webSocketImpl: WebSocket,
    lazy: false,
    retryAttempts: 0,
    connectionParams,
  });
  client.on('error', () => {});
  clients.push(client);
  return client;
}

type Outcome = { data?: unknown; errors?: { message: string; extensions?: { code?: string } }[] };

/** Runs one operation and resolves with its first result or its errors. */
function run(client: Client, query: string, variables?: Record<string, unknown>): Promise<Outcome> {
  return new Promise((resolve, reject) => {
    const stop = client.subscribe<unknown>(
      { query, variables },
      {
        next: (value) => {
          stop();
          resolve(value as Outcome);
        },
        error: (error) => (Array.isArray(error) ? resolve({ errors: error }) : reject(error)),
        complete: () => resolve({}),
      },
    );
  });
}

/** Opens a raw graphql-transport-ws socket and resolves when the server acknowledges it, or with its close code. */
function rawSocket(): Promise<{ socket: WebSocket; acknowledged: boolean; code?: number }> {
  return new Promise((resolve) => {
    const socket = new WebSocket(wsUrl(), 'graphql-transport-ws');
    socket.on('open', () => socket.send(JSON.stringify({ type: 'connection_init' })));
    socket.on('message', (data) => {
      if (JSON.parse(String(data)).type === 'connection_ack') resolve({ socket, acknowledged: true });
    });
    socket.on('close', (code) => resolve({ socket, acknowledged: false, code }));
    socket.on('error', () => {});
  });
}

const NESTED = 'partners { partners { partners { partners { partners { id } } } } }';

describe('the WebSocket endpoint skips the HTTP guards (it no longer does)', () => {
  test('twenty nested subscriptions and one vacancy update block /health: a nested subscription over the cost limit is refused', async () => {
    const outcome = await run(
      connectClient(),
      `subscription { vacancyChanged(regionCode: "330102") { id ${NESTED} } }`,
    );
    expect(outcome.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
    expect(outcome.errors?.[0].message).toMatch(/would cost/);
  });

  test('the WebSocket endpoint skips the HTTP guards: depth and aliases are checked', async () => {
    const client = connectClient();
    let deep = 'id';
    for (let i = 0; i < 14; i++) deep = `partners { ${deep} }`;
    expect((await run(client, `{ facility(id: "1") { ${deep} } }`)).errors?.[0].message).toMatch(
      /deeper than 12/,
    );
    const aliases = Array.from({ length: 40 }, (_, i) => `a${i}: __typename`).join(' ');
    expect((await run(client, `{ ${aliases} }`)).errors?.[0].message).toMatch(/more than 30 aliases/);
  });

  test('the WebSocket endpoint skips the HTTP guards: introspection answers with NODE_ENV=production', async () => {
    const outcome = await run(connectClient(), '{ __schema { types { name } } }');
    expect(outcome.data).toBeUndefined();
    expect(outcome.errors?.[0]).toMatchObject({ extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } });
    expect(outcome.errors?.[0].message).toMatch(/introspection/i);
  });

  test('the WebSocket endpoint skips the HTTP guards: a 20 MB message is accepted (now closed at 64 KB)', async () => {
    const { socket, acknowledged } = await rawSocket();
    expect(acknowledged).toBe(true);
    const closed = new Promise<number>((resolve) => socket.on('close', (code) => resolve(code)));
    socket.send(
      JSON.stringify({
        id: '1',
        type: 'subscribe',
        payload: {
          query: `{ facilities(filter: { text: "${'x'.repeat(WEBSOCKET_LIMITS.maxMessageBytes)}" }) { totalCount } }`,
        },
      }),
    );
    expect(await closed).toBe(1009);
  });

  test('the WebSocket endpoint skips the HTTP guards: 2,000 subscriptions on one anonymous socket', async () => {
    const client = connectClient();
    const subscription = 'subscription { vacancyChanged(regionCode: "330102") { id } }';
    const refusals: Outcome[] = [];
    const stops: (() => void)[] = [];
    for (let i = 0; i < WEBSOCKET_LIMITS.maxOperationsPerSocket + 1; i++) {
      stops.push(
        client.subscribe(
          { query: subscription },
          {
            next: () => {},
            error: (error) => refusals.push({ errors: error as Outcome['errors'] }),
            complete: () => {},
          },
        ),
      );
    }
    await expect.poll(() => refusals.length, { timeout: 10_000 }).toBe(1);
    expect(refusals[0].errors?.[0].message).toMatch(
      new RegExp(`At most ${WEBSOCKET_LIMITS.maxOperationsPerSocket}`),
    );
    for (const stop of stops) stop();
  });

  test('the WebSocket endpoint skips the HTTP guards: sockets per client address are capped', async () => {
    const sockets = [];
    try {
      for (let i = 0; i < WEBSOCKET_LIMITS.maxSocketsPerAddress; i++) {
        const opened = await rawSocket();
        sockets.push(opened.socket);
        expect(opened.acknowledged).toBe(true);
      }
      const refused = await rawSocket();
      sockets.push(refused.socket);
      expect(refused.acknowledged).toBe(false);
      expect(refused.code).toBe(4429);
    } finally {
      for (const socket of sockets) socket.close();
    }
  });

  test('the WebSocket endpoint skips the HTTP guards: internal text never leaks', async () => {
    const outcome = await run(
      connectClient(),
      '{ facilities(filter: { text: "a\\u0000b" }) { totalCount } }',
    );
    const text = (outcome.errors ?? []).map((error) => error.message).join('\n');
    expect(text).not.toMatch(/column|relation|syntax|byte sequence|0x00|does not exist/i);
    for (const error of outcome.errors ?? [])
      expect(['BAD_USER_INPUT', 'INTERNAL_SERVER_ERROR']).toContain(error.extensions?.code);
  });

  test('the WebSocket endpoint skips the HTTP guards: no rate limit (now the same counter as HTTP)', async () => {
    const { token } = await new TokenService(fixture.database.db.fork(), TEST_JWT_SECRET).issue({
      kind: 'JWT',
      role: 'PLANNER',
      subject: 'websocket flood',
    });
    const authorization = `Bearer ${token}`;
    for (let i = 0; i < LIMIT / 2; i++) {
      const res = await fixture.server.query('{ __typename }', undefined, { authorization });
      expect(res.status).toBe(200);
    }
    const client = connectClient({ authorization });
    const outcomes: Outcome[] = [];
    for (let i = 0; i < LIMIT / 2 + 1; i++) outcomes.push(await run(client, '{ __typename }'));
    expect(outcomes.slice(0, LIMIT / 2).every((outcome) => outcome.errors === undefined)).toBe(true);
    expect(outcomes.at(-1)?.errors?.[0]).toMatchObject({ extensions: { code: 'RATE_LIMITED' } });
    const http = await fixture.server.query('{ __typename }', undefined, {
      authorization: `bearer  ${token}`,
    });
    expect(http.status).toBe(429);
    expect((await run(connectClient(), '{ __typename }')).errors).toBeUndefined();
  });
});
