/**
 * Splits a whole number `total` in proportion to non-negative integer weights so the parts sum to `total`
 * exactly (Hamilton's largest-remainder method, in exact BigInt arithmetic). Leftover units go to the largest
 * remainders; equal remainders favour the lower index. All-zero weights share `total` evenly.
 */
export function allocateLargestRemainder(total: number, weights: readonly number[]): number[] {
  if (!Number.isSafeInteger(total) || total < 0)
    throw new Error(`total must be a whole number ≥ 0, got ${total}`);
  if (weights.some((weight) => !Number.isSafeInteger(weight) || weight < 0)) {
    throw new Error('weights must be whole numbers ≥ 0');
  }
  if (weights.length === 0) {
    if (total > 0) throw new Error(`cannot allocate ${total} over no parts`);
    return [];
  }
  const sum = weights.reduce((acc, weight) => acc + weight, 0);
  const units = weights.map((weight) => BigInt(sum === 0 ? 1 : weight));
  const unitSum = units.reduce((acc, unit) => acc + unit, 0n);
  const scaled = units.map((unit) => BigInt(total) * unit);
  const parts = scaled.map((value) => Number(value / unitSum));
  const remainders = scaled.map((value) => value % unitSum);
  let leftover = total - parts.reduce((acc, part) => acc + part, 0);
  const byRemainder = remainders
    .map((remainder, index) => ({ remainder, index }))
    .sort((a, b) => (a.remainder === b.remainder ? a.index - b.index : a.remainder > b.remainder ? -1 : 1));
  for (const { index } of byRemainder) {
    if (leftover === 0) break;
    parts[index]++;
    leftover--;
  }
  return parts;
}
