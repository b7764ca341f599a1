import { createClient } from 'graphql-ws';
import { expect, test } from 'vitest';
import WebSocket from 'ws';
import { startTestServer } from '../support/graphql';
import { useTestServer } from '../support/test-server';

const fixture = useTestServer();
const METRICS_TOKEN = 'metrics-token-of-a-test-with-40-characters';

test('/health answers while /ready checks the database, queue, bus and loaded network', async () => {
  const health = await fetch(`${fixture.server.url}/health`);
  expect(health.status).toBe(200);
  await fixture.server.app.network.current();
  const ready = await fetch(`${fixture.server.url}/ready`);
  expect(ready.status).toBe(200);
  expect(await ready.json()).toEqual({
    status: 'ready',
    checks: { database: true, readReplica: true, queue: true, bus: true, network: true, accepting: true },
  });
});

test('/metrics from loopback counts operations by name, with event-loop lag, jobs and HTTP answers', async () => {
  const probe = await fixture.server.query('query OpsProbe { regions(parentCode: "330100") { code } }');
  expect(probe.errors).toBeUndefined();
  const res = await fetch(`${fixture.server.url}/metrics`);
  expect(res.status).toBe(200);
  const text = await res.text();
  expect(text).toMatch(
    /caremap_graphql_operations_total\{operation="OpsProbe",type="query",outcome="ok"\} 1/,
  );
  expect(text).toMatch(/caremap_graphql_operation_seconds_count\{operation="OpsProbe",type="query"\} 1/);
  expect(text).toMatch(/caremap_http_requests_total\{route="\/graphql",method="POST",status="200"\}/);
  expect(text).toMatch(/^nodejs_eventloop_lag_seconds \d/m);
  expect(text).toContain('# TYPE caremap_jobs gauge');
  if (fixture.database.url) expect(text).toMatch(/caremap_db_pool_connections\{pool="write",state="total"\}/);
});

test('/metrics counts WebSocket operations too, by name, with their outcome', async () => {
  const client = createClient({
    url: `${fixture.server.url.replace('http', 'ws')}/graphql`,
    webSocketImpl: WebSocket,
  });
  const run = (query: string) =>
    new Promise<boolean>((resolve, reject) => {
      let failed = false;
      client.subscribe(
        { query },
        {
          next: (result) => (failed ||= Boolean(result.errors)),
          error: () => resolve(true),
          complete: () => resolve(failed),
        },
      );
      setTimeout(() => reject(new Error('no answer in 10 s')), 10_000);
    });
  try {
    expect(await run('query WsProbe { regions(parentCode: "330100") { code } }')).toBe(false);
    expect(await run('query WsProbe { regions(parentCode: "330100") { code } }')).toBe(false);
    expect(await run('query WsFailing { region(code: "999999") { code } }')).toBe(true);
  } finally {
    await client.dispose();
  }
  const text = await (await fetch(`${fixture.server.url}/metrics`)).text();
  expect(text).toMatch(/caremap_graphql_operations_total\{operation="WsProbe",type="query",outcome="ok"\} 2/);
  expect(text).toMatch(/caremap_graphql_operation_seconds_count\{operation="WsProbe",type="query"\} 2/);
  expect(text).toMatch(
    /caremap_graphql_operations_total\{operation="WsFailing",type="query",outcome="error"\} 1/,
  );
});

test('CAREMAP_METRICS=token asks for the bearer token; CAREMAP_METRICS=off serves no metrics', async () => {
  const guarded = await startTestServer(fixture.database.db, {
    CAREMAP_METRICS: 'token',
    CAREMAP_METRICS_TOKEN: METRICS_TOKEN,
    CAREMAP_JOB_WORKER: '0',
  });
  const off = await startTestServer(fixture.database.db, { CAREMAP_METRICS: 'off', CAREMAP_JOB_WORKER: '0' });
  try {
    const read = (url: string, token?: string) =>
      fetch(`${url}/metrics`, { headers: token ? { authorization: `Bearer ${token}` } : {} }).then(
        (r) => r.status,
      );
    expect(await read(guarded.url)).toBe(401);
    expect(await read(guarded.url, `${METRICS_TOKEN}x`)).toBe(401);
    expect(await read(guarded.url, METRICS_TOKEN)).toBe(200);
    expect(await read(off.url)).toBe(404);
  } finally {
    await Promise.all([guarded.close(), off.close()]);
  }
});

test('drain lets a running request finish while readiness fails and new requests are refused', async () => {
  const node = await startTestServer(fixture.database.db, { CAREMAP_JOB_WORKER: '0' });
  await node.app.network.current();
  const running = fetch(`${node.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      query: `{ isochrone(point: { lng: 120.1631, lat: 30.2873 }, minutes: [15, 30, 45]) { minutes } }`,
    }),
  });
  // Drain once the request is being computed (it is in flight).
  for (let end = Date.now() + 30_000; node.app.compute.stats().running === 0 && Date.now() < end;)
    await new Promise((resolve) => setTimeout(resolve, 5));
  const drained = node.app.drain();
  const [ready, refused] = await Promise.all([
    fetch(`${node.url}/ready`).then((r) => r.status),
    fetch(`${node.url}/health`).then((r) => r.status),
  ]);
  const answer = await running;
  await drained;
  expect(answer.status).toBe(200);
  expect(((await answer.json()) as { data: { isochrone: unknown[] } }).data.isochrone).toHaveLength(3);
  expect([ready, refused]).toEqual([503, 503]);
});
