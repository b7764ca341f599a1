/** Splits rows into batches, so that one statement never carries an unbounded number of values. */
export function* batches<T>(rows: readonly T[], size: number): Generator<T[]> {
  for (let i = 0; i < rows.length; i += size) yield rows.slice(i, i + size);
}
