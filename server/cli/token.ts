import { parseArgs } from 'node:util';
import { TOKEN_ROLES } from '../auth/role';
import type { CliCommand } from './commands';
import { runCli } from './run';

/**
 * `npm run token -- issue --role OPERATOR --subject 张三 --facility 12 [--api-key] [--days 30]`,
 * `npm run token -- revoke <id>`, `npm run token -- list`. Works whether or not the server runs.
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
    'api-key': { type: 'boolean', default: false },
    days: { type: 'string' },
  },
});
const [action, id] = positionals;
let command: CliCommand | null = null;
if (action === 'issue' && values.role && values.subject) {
  command = {
    name: 'token-issue',
    role: values.role,
    subject: values.subject,
    facilityIds: values.facility ?? [],
    apiKey: values['api-key'],
    days: values.days === undefined ? null : Number(values.days),
  };
} else if (action === 'revoke' && id) {
  command = { name: 'token-revoke', id };
} else if (action === 'list') {
  command = { name: 'token-list' };
}
if (!command) {
  console.error(USAGE);
  process.exit(2);
}
try {
  await runCli(command, 'npm run token');
} catch (error) {
  console.error((error as Error).message);
  process.exitCode = 1;
}
