import { readFileSync } from 'node:fs';
import type { ServerResponse } from 'node:http';

const page = readFileSync(new URL('./query-editor.html', import.meta.url), 'utf8');

/** Serves the self-contained query editor page: no CDN, no outside request. */
export function serveQueryEditor(res: ServerResponse): void {
  res.writeHead(200, {
    'content-type': 'text/html; charset=utf-8',
    'content-security-policy': "default-src 'self'; script-src 'unsafe-inline'; style-src 'unsafe-inline'",
  });
  res.end(page);
}
