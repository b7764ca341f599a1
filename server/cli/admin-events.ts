import type { CommandOutput } from './commands';
import type { Progress } from '../import/progress';

/** The path the command line posts its commands to while the server holds the embedded database. */
export const ADMIN_CLI_PATH = '/admin/cli';

/** One line of the admin path's answer (newline-delimited JSON): what the command printed, then its exit code. */
export type AdminEvent =
  | { type: 'log' | 'error'; text: string }
  | { type: 'table'; rows: object }
  | { type: 'progress'; id: number; label: string; total: number }
  | { type: 'advance'; id: number; by: number }
  | { type: 'done'; id: number }
  | { type: 'exit'; code: number };

/** A CommandOutput that turns every call into an event; progress is sent at most once per percent. */
export function eventOutput(send: (event: AdminEvent) => void): CommandOutput {
  let nextId = 0;
  return {
    log: (text) => send({ type: 'log', text }),
    error: (text) => send({ type: 'error', text }),
    table: (rows) => send({ type: 'table', rows }),
    progress(label, total): Progress {
      const id = nextId++;
      const step = Math.max(1, Math.floor(total / 100));
      let pending = 0;
      send({ type: 'progress', id, label, total });
      return {
        advance(by = 1) {
          pending += by;
          if (pending >= step) {
            send({ type: 'advance', id, by: pending });
            pending = 0;
          }
        },
        done() {
          send({ type: 'done', id });
        },
      };
    },
  };
}

/** Replays the events of one answer on a local CommandOutput; returns a function per line that yields the exit code once known. */
export function eventReplayer(out: CommandOutput): (event: AdminEvent) => number | null {
  const bars = new Map<number, Progress>();
  return (event) => {
    switch (event.type) {
      case 'log':
        out.log(event.text);
        break;
      case 'error':
        out.error(event.text);
        break;
      case 'table':
        out.table(event.rows);
        break;
      case 'progress':
        bars.set(event.id, out.progress(event.label, event.total));
        break;
      case 'advance':
        bars.get(event.id)?.advance(event.by);
        break;
      case 'done':
        bars.get(event.id)?.done();
        bars.delete(event.id);
        break;
      case 'exit':
        return event.code;
    }
    return null;
  };
}
