import { readFileSync } from 'node:fs';

/** The self-contained query editor page: no CDN, no outside request. */
export const QUERY_EDITOR_PAGE = readFileSync(new URL('./query-editor.html', import.meta.url), 'utf8');

/** Headers of the query editor page: it may run its own inline script and talk to this server only. */
export const QUERY_EDITOR_HEADERS = {
  'content-type': 'text/html; charset=utf-8',
  'content-security-policy': "default-src 'self'; script-src 'unsafe-inline'; style-src 'unsafe-inline'",
};
