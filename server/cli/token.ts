import { parseArgs } from 'node:util';
import { TOKEN_ROLES, type Role } from '../auth/role';
import { TokenService } from '../auth/token.service';
import { loadConfig } from '../config';
import { migrate, openDatabase } from '../db/database';

/**
 * `npm run token -- issue --role OPERATOR --subject 张三 --facility 12 [--api-key] [--days 30]`,
 * `npm run token -- revoke <id>`, `npm run token -- list`.
 */
const USAGE = `usage:
  npm run token -- issue --role <${TOKEN_ROLES.join('|')}> --subject <name> [--facility <id>]... [--api-key] [--days <n>]
  npm run token -- revoke <token id>
  npm run token -- list`;

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: {
    role: { type: 'string' },
    subject: { type: 'string' },
    facility: { type: 'string', multiple: true },
    'api-key': { type: 'boolean' },
    days: { type: 'string' },
  },
});
const [command, id] = positionals;
if (!command || !['issue', 'revoke', 'list'].includes(command)) {
  console.error(USAGE);
  process.exit(2);
}
const config = loadConfig();
const db = await openDatabase(config);
try {
  await migrate(db);
  const tokens = new TokenService(db.fork(), config.jwtSecret);
  if (command === 'issue') {
    if (!values.role || !values.subject) throw new Error(USAGE);
    const issued = await tokens.issue({
      role: values.role.toUpperCase() as Role,
      subject: values.subject,
      facilityIds: values.facility ?? [],
      kind: values['api-key'] ? 'API_KEY' : 'JWT',
      validDays: values.days ? Number(values.days) : undefined,
    });
    console.log(
      `id:      ${issued.id}\nexpires: ${issued.expiresAt?.toISOString() ?? 'never'}\ntoken (shown once):\n${issued.token}`,
    );
  } else if (command === 'revoke') {
    if (!id) throw new Error(USAGE);
    console.log((await tokens.revoke(id)) ? `Revoked ${id}` : `No active token ${id}`);
  } else {
    console.table((await tokens.list()).map(({ secretHash: _hash, ...token }) => token));
  }
} catch (error) {
  console.error((error as Error).message);
  process.exitCode = 1;
} finally {
  await db.close();
}
