import { SingleBar, Presets } from 'cli-progress';

/** Progress of one long step: a bar on a terminal, a line every 10% elsewhere (CI logs). */
export interface Progress {
  advance(by?: number): void;
  done(): void;
}

/** Starts reporting progress of a step with a known number of units. */
export function startProgress(
  label: string,
  total: number,
  stream: NodeJS.WriteStream = process.stderr,
): Progress {
  if (stream.isTTY) {
    const bar = new SingleBar(
      { format: `${label.padEnd(28)} [{bar}] {percentage}% {value}/{total}`, stream, hideCursor: true },
      Presets.shades_classic,
    );
    bar.start(Math.max(total, 1), 0);
    return {
      advance: (by = 1) => bar.increment(by),
      done: () => {
        bar.update(Math.max(total, 1));
        bar.stop();
      },
    };
  }
  let value = 0;
  let lastDecile = -1;
  const report = () => {
    const decile = total ? Math.floor((value / total) * 10) : 10;
    if (decile !== lastDecile) {
      lastDecile = decile;
      stream.write(`${label}: ${Math.min(decile * 10, 100)}% (${value}/${total})\n`);
    }
  };
  report();
  return {
    advance: (by = 1) => {
      value += by;
      report();
    },
    done: () => {
      value = total;
      report();
    },
  };
}

/** A progress reporter that says nothing (tests). */
export const silentProgress = (): Progress => ({ advance: () => undefined, done: () => undefined });
