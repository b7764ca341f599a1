import { describe, expect, test } from 'vitest';
import { useTestServer } from '../support/test-server';

const fixture = useTestServer();

const FACILITIES = `query($filter: FacilityFilter, $first: Int, $after: String) {
  facilities(filter: $filter, first: $first, after: $after) { totalCount edges { node { id } } }
}`;

async function expectError(
  query: string,
  variables: Record<string, unknown>,
  code: string,
  messagePart: RegExp,
): Promise<void> {
  const result = await fixture.server.query(query, variables);
  expect(result.errors, JSON.stringify(result)).toBeDefined();
  const [error] = result.errors!;
  expect(error.extensions?.code).toBe(code);
  expect(error.message).toMatch(messagePart);
  expect(JSON.stringify(result)).not.toMatch(/stacktrace|at .*\.ts:\d+|select |SQL/i);
}

describe('bad input gets a clear error with a code, never a stack trace', () => {
  test.each([
    ['latitude out of range', { near: { point: { lng: 120.16, lat: 95 }, radiusMeters: 500 } }, /latitude/],
    ['longitude 500', { near: { point: { lng: 500, lat: 30.25 }, radiusMeters: 500 } }, /longitude/],
    ['NaN-like radius', { near: { point: { lng: 120.16, lat: 30.25 }, radiusMeters: -1 } }, /radiusMeters/],
    ['inverted bbox', { bbox: { west: 120.2, south: 30.2, east: 120.1, north: 30.3 } }, /inverted/],
    ['oversized bbox', { bbox: { west: 110, south: 20, east: 125, north: 35 } }, /larger than/],
    ['unknown region code', { regionCode: '999999' }, /Unknown region code/],
    ['malformed region code', { regionCode: 'shangcheng' }, /not a division code/],
    ['negative fee', { maxMonthlyFee: -5 }, /maxMonthlyFee/],
    ['overlong text', { text: '养'.repeat(101) }, /longer than/],
  ])('%s → BAD_USER_INPUT', async (_name, filter, message) => {
    await expectError(FACILITIES, { filter }, 'BAD_USER_INPUT', message);
  });

  test('first over the maximum → BAD_USER_INPUT', async () => {
    await expectError(FACILITIES, { first: 501 }, 'BAD_USER_INPUT', /"first" must be between 0 and 500/);
  });

  test('malformed cursor → BAD_USER_INPUT', async () => {
    await expectError(FACILITIES, { after: 'not-a-cursor' }, 'BAD_USER_INPUT', /not a cursor/);
  });

  test('unknown facility type in variables → BAD_USER_INPUT', async () => {
    await expectError(FACILITIES, { filter: { types: ['CASINO'] } }, 'BAD_USER_INPUT', /CASINO/);
  });

  test('unknown facility type written in the query → BAD_USER_INPUT', async () => {
    await expectError(
      '{ facilities(filter: { types: [CASINO] }) { totalCount } }',
      {},
      'BAD_USER_INPUT',
      /CASINO/,
    );
  });

  test('unknown region → NOT_FOUND; unknown facility → NOT_FOUND', async () => {
    await expectError('{ region(code: "330199") { name } }', {}, 'NOT_FOUND', /330199/);
    await expectError('{ facility(id: "99999999") { name } }', {}, 'NOT_FOUND', /99999999/);
  });

  test('the server keeps serving after all of that', async () => {
    const result = await fixture.server.query<{ region: { name: string } }>(
      '{ region(code: "330102") { name } }',
    );
    expect(result.data?.region.name).toBe('上城区');
  });
});
