import { beforeAll, describe, expect, test } from 'vitest';
import { TokenService } from '../../server/auth/token.service';
import { TEST_JWT_SECRET } from '../support/secret';
import { useTestServer } from '../support/test-server';

const LIMIT = 30;
const fixture = useTestServer({ seeded: false, env: { CAREMAP_RATE_LIMIT_PER_MINUTE: String(LIMIT) } });

const ask = (authorization?: string) =>
  fetch(`${fixture.server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
    body: JSON.stringify({ query: '{ __typename }' }),
  });

const issue = async (kind: 'JWT' | 'API_KEY', subject: string) =>
  (
    await new TokenService(fixture.database.db.fork(), TEST_JWT_SECRET).issue({
      kind,
      role: 'PLANNER',
      subject,
    })
  ).token;

describe('rate limit by verified principal, else by address', () => {
  let apiKey: string;
  let jwt: string;
  beforeAll(async () => {
    apiKey = await issue('API_KEY', 'flooding system');
    jwt = await issue('JWT', 'calm planner');
  });

  test('past the rate limit a client is told to wait (429 with Retry-After, code RATE_LIMITED), others are not', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < LIMIT + 5; i++) statuses.push((await ask(`Bearer ${apiKey}`)).status);
    expect(statuses.filter((s) => s === 429)).toHaveLength(5);
    const refused = await ask(`Bearer ${apiKey}`);
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toMatch(/^[1-9]\d*$/);
    expect(await refused.json()).toMatchObject({ errors: [{ extensions: { code: 'RATE_LIMITED' } }] });
    expect((await ask(`Bearer ${jwt}`)).status).toBe(200);
    expect((await ask()).status).toBe(200);
  });

  test.each([
    ['bearer', (key: string) => `bearer ${key}`],
    ['two spaces', (key: string) => `Bearer  ${key}`],
    ['a tab', (key: string) => `Bearer\t${key}`],
  ])(
    'rate limits keyed on the raw Authorization header: re-spelling a credential (%s) does not reset the limit',
    async (_name, spell) => {
      const res = await ask(spell(apiKey));
      expect(res.status).toBe(429);
    },
  );

  test('rate limits keyed on the raw Authorization header: an API key with .anything appended is not the key at all (UNAUTHENTICATED), so it cannot reset the key’s limit', async () => {
    const res = await ask(`Bearer ${apiKey}.anything`);
    const body = (await res.json()) as { data?: unknown; errors?: { extensions: { code: string } }[] };
    expect(body.data ?? null).toBeNull();
    expect(body.errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
  });

  test('rate limits keyed on the raw Authorization header: unique invalid headers all count against one address', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < LIMIT + 20; i++) statuses.push((await ask(`Bearer not-a-token-${i}`)).status);
    // The anonymous request of the first test counted against this address too.
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(20);
    expect(statuses.slice(-20).every((s) => s === 429)).toBe(true);
    expect((await ask()).status).toBe(429);
    expect((await ask(`Bearer ${jwt}`)).status).toBe(200);
  });
});
