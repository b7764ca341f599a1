import { describe, expect, test } from 'vitest';
import { useTestServer } from '../support/test-server';

const fixture = useTestServer({ env: { CAREMAP_RATE_LIMIT_PER_MINUTE: '40' } });

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

  test('a costly query is refused', async () => {
    const page =
      'facilities(first: 500) { edges { node { id name type address phone location services vacantBeds } } }';
    const fields = Array.from({ length: 20 }, (_, i) => `p${i}: ${page}`).join(' ');
    const result = await fixture.server.query(`{ ${fields} }`);
    expect(result.errors?.[0].message).toMatch(/cost more than 50000/);
    expect(result.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
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

  test('past the rate limit a client is told to wait (429), others are not affected', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 45; i++) {
      const res = await fetch(`${fixture.server.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: 'Bearer flood' },
        body: JSON.stringify({ query: '{ __typename }' }),
      });
      statuses.push(res.status);
      if (res.status === 429) expect(res.headers.get('retry-after')).toMatch(/^\d+$/);
    }
    expect(statuses.filter((s) => s === 429).length).toBe(5);
    expect((await alive()).data.region.name).toBe('上城区');
  });
});
