import { randomBytes } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { MIN_JWT_SECRET_LENGTH, type AppConfig } from '../config';
import type { Database } from '../db/database';
import { SecretRepository } from './secret.repository';

/** The file, inside the embedded database's folder, that keeps its generated JWT secret (mode 0600). */
export const JWT_SECRET_FILE = 'caremap-jwt-secret';

/** The secret that signs people's tokens and where it came from, to say at start-up. */
export interface JwtSecret {
  secret: string;
  origin: string;
}

/**
 * The JWT signing secret: CAREMAP_JWT_SECRET when set, else one generated on first start (32 random
 * bytes) and kept with the data: in a file of mode 0600 in the embedded database's folder, or in the
 * table app_secret on PostgreSQL (so that every server on one database signs alike).
 */
export async function resolveJwtSecret(
  db: Database,
  config: Pick<AppConfig, 'jwtSecret' | 'dataDir'>,
): Promise<JwtSecret> {
  if (config.jwtSecret) return { secret: config.jwtSecret, origin: 'from CAREMAP_JWT_SECRET' };
  const candidate = randomBytes(32).toString('base64url');
  if (db.dataDirLock) {
    const file = path.join(db.dataDirLock.dataDir, JWT_SECRET_FILE);
    return { secret: await keepInFile(file, candidate), origin: `generated on first start, kept in ${file}` };
  }
  const secret = await new SecretRepository(db.fork()).keep('jwt', candidate);
  return { secret, origin: 'generated on first start, kept in the database (table app_secret)' };
}

async function keepInFile(file: string, candidate: string): Promise<string> {
  try {
    await writeFile(file, candidate, { mode: 0o600, flag: 'wx' });
    return candidate;
  } catch (error) {
    if ((error as { code?: string }).code !== 'EEXIST') throw error;
  }
  const kept = (await readFile(file, 'utf8')).trim();
  if (kept.length < MIN_JWT_SECRET_LENGTH) {
    throw new Error(`${file} holds no usable JWT secret; delete it to have a new one generated`);
  }
  return kept;
}
