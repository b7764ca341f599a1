import { SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import {
  clearToken,
  describeToken,
  mayPlan,
  readToken,
  saveToken,
  TOKEN_STORAGE_KEY,
} from '../../../client/planner/auth';

const key = new TextEncoder().encode('a-test-secret-of-at-least-32-characters');

async function jwt(claims: Record<string, unknown>, subject: string, expiresAt: Date) {
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'HS256' })
    .setIssuer('caremap')
    .setSubject(subject)
    .setExpirationTime(Math.floor(expiresAt.getTime() / 1000))
    .sign(key);
}

/** sessionStorage's interface over a Map, for tests outside the browser. */
function memoryStorage(): Storage {
  const items = new Map<string, string>();
  return {
    get length() {
      return items.size;
    },
    clear: () => items.clear(),
    getItem: (name) => items.get(name) ?? null,
    key: (index) => [...items.keys()][index] ?? null,
    removeItem: (name) => void items.delete(name),
    setItem: (name, value) => void items.set(name, value),
  };
}

describe('reading a token', () => {
  it('reads the role, a Chinese subject and the expiry of a JWT', async () => {
    const expires = new Date('2030-01-01T00:00:00Z');
    const info = describeToken(` ${await jwt({ role: 'PLANNER', fac: [] }, '规划科', expires)}\n`);
    expect(info).toEqual({ kind: 'JWT', role: 'PLANNER', subject: '规划科', expiresAt: expires });
    expect(mayPlan(info, new Date('2029-12-31T00:00:00Z'))).toBe(true);
    expect(mayPlan(info, expires)).toBe(false);
  });

  it('lets only planners and admins plan; an API key’s role is the server’s to decide', async () => {
    const later = new Date(Date.now() + 86_400_000);
    expect(mayPlan(describeToken(await jwt({ role: 'ADMIN' }, 'admin', later)))).toBe(true);
    expect(mayPlan(describeToken(await jwt({ role: 'OPERATOR' }, 'op', later)))).toBe(false);
    const apiKey = describeToken('cmk_123e4567-e89b-12d3-a456-426614174000.c2VjcmV0LXNlY3JldA');
    expect(apiKey).toEqual({ kind: 'API_KEY', role: null, subject: null, expiresAt: null });
    expect(mayPlan(apiKey)).toBe(true);
  });

  it('refuses what is not a token', () => {
    for (const text of ['', 'hello', 'a.b', 'a.b.c.d', 'x.!!!.y', 'aaa.bm90IGpzb24.ccc']) {
      expect(describeToken(text)).toBeNull();
    }
    expect(mayPlan(null)).toBe(false);
  });

  it('keeps the token in the tab’s storage until signing out', () => {
    const storage = memoryStorage();
    expect(readToken(storage)).toBeNull();
    saveToken(storage, '  abc.def.ghi ');
    expect(storage.getItem(TOKEN_STORAGE_KEY)).toBe('abc.def.ghi');
    expect(readToken(storage)).toBe('abc.def.ghi');
    clearToken(storage);
    expect(readToken(storage)).toBeNull();
  });
});
