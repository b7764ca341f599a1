/** Where the page keeps the bearer token: this tab only, gone when it closes. */
export const TOKEN_STORAGE_KEY = 'caremap:planner-token';

/** Roles that may read planner data (coverage below district level, gaps, street indicators). */
export const PLANNER_ROLES = ['PLANNER', 'ADMIN'] as const;

/** What the page can tell about a token before the server has answered. */
export interface TokenInfo {
  kind: 'JWT' | 'API_KEY';
  /** The role a JWT carries; null for an API key, whose role only the server knows. */
  role: string | null;
  subject: string | null;
  expiresAt: Date | null;
}

function base64UrlJson(part: string): Record<string, unknown> | null {
  try {
    const base64 = part.replaceAll('-', '+').replaceAll('_', '/');
    const bytes = Uint8Array.from(atob(base64.padEnd(Math.ceil(base64.length / 4) * 4, '=')), (c) =>
      c.charCodeAt(0),
    );
    const value: unknown = JSON.parse(new TextDecoder().decode(bytes));
    return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/**
 * Reads a token's claims without verifying them (the server verifies every request): the role,
 * subject and expiry of a JWT; an API key (cmk_…) only as such. Null when it is neither.
 */
export function describeToken(token: string): TokenInfo | null {
  const trimmed = token.trim();
  if (/^cmk_[0-9a-f-]{36}\.[A-Za-z0-9_-]+$/.test(trimmed)) {
    return { kind: 'API_KEY', role: null, subject: null, expiresAt: null };
  }
  const parts = trimmed.split('.');
  if (parts.length !== 3 || parts.some((part) => !/^[A-Za-z0-9_-]+$/.test(part))) return null;
  const payload = base64UrlJson(parts[1]);
  if (!payload) return null;
  return {
    kind: 'JWT',
    role: typeof payload.role === 'string' ? payload.role : null,
    subject: typeof payload.sub === 'string' ? payload.sub : null,
    expiresAt: typeof payload.exp === 'number' ? new Date(payload.exp * 1000) : null,
  };
}

/** Whether a token may be used for planner data: a planner's or admin's JWT, or an API key (the server decides). */
export function mayPlan(info: TokenInfo | null, now = new Date()): boolean {
  if (!info) return false;
  if (info.expiresAt && info.expiresAt.getTime() <= now.getTime()) return false;
  return info.kind === 'API_KEY' || (PLANNER_ROLES as readonly string[]).includes(info.role ?? '');
}

/** The token kept for this tab, if any. */
export function readToken(storage: Storage): string | null {
  return storage.getItem(TOKEN_STORAGE_KEY);
}

/** Keeps a token for this tab. */
export function saveToken(storage: Storage, token: string): void {
  storage.setItem(TOKEN_STORAGE_KEY, token.trim());
}

/** Forgets the token. */
export function clearToken(storage: Storage): void {
  storage.removeItem(TOKEN_STORAGE_KEY);
}
