/** Value classes of a map layer: colours[i] from thresholds[i-1] (inclusive) to thresholds[i] (exclusive). */
export interface Classes {
  thresholds: number[];
  colors: string[];
}

/** Sequential blues for indicator values (ColorBrewer Blues, 5 classes). */
export const INDICATOR_RAMP = ['#dbe9f6', '#9ecae1', '#6baed6', '#3182bd', '#08519c'];
/** Sequential yellow to red for older people in gaps (ColorBrewer YlOrRd, 5 classes). */
export const GAP_RAMP = ['#fed976', '#feb24c', '#fd8d3c', '#f03b20', '#bd0026'];

/** `count` colours spread evenly over a ramp, lightest to darkest. */
function spread(ramp: readonly string[], count: number): string[] {
  if (count <= 1) return [ramp[Math.floor((ramp.length - 1) / 2)]];
  return Array.from({ length: count }, (_, i) => ramp[Math.round((i * (ramp.length - 1)) / (count - 1))]);
}

/**
 * Classes of indicator values: one class per distinct value when there are no more values than
 * colours (few districts have data), else equal intervals between the lowest and highest value.
 */
export function indicatorClasses(
  values: readonly number[],
  ramp: readonly string[] = INDICATOR_RAMP,
): Classes {
  const distinct = [...new Set(values)].sort((a, b) => a - b);
  if (distinct.length === 0) return { thresholds: [], colors: [] };
  if (distinct.length <= ramp.length) {
    return { thresholds: distinct.slice(1), colors: spread(ramp, distinct.length) };
  }
  const [min, max] = [distinct[0], distinct[distinct.length - 1]];
  const step = (max - min) / ramp.length;
  return { thresholds: ramp.slice(1).map((_, i) => min + step * (i + 1)), colors: [...ramp] };
}

/** A threshold rounded down to one significant digit (4556 → 4000), so that legends read easily. */
export function roundThreshold(value: number): number {
  if (value < 10) return Math.floor(value);
  const magnitude = 10 ** Math.floor(Math.log10(value));
  return Math.floor(value / magnitude) * magnitude;
}

/** Classes of head counts: rounded quantiles of the counts, so that each colour holds some gaps. */
export function countClasses(counts: readonly number[], ramp: readonly string[] = GAP_RAMP): Classes {
  const sorted = [...counts].sort((a, b) => a - b);
  if (sorted.length === 0) return { thresholds: [], colors: [] };
  const thresholds = [
    ...new Set(
      ramp
        .slice(1)
        .map((_, i) => roundThreshold(sorted[Math.floor(((i + 1) * sorted.length) / ramp.length)] ?? 0))
        .filter((threshold) => threshold > sorted[0]),
    ),
  ].sort((a, b) => a - b);
  return { thresholds, colors: spread(ramp, thresholds.length + 1) };
}

/** The colour of a value. */
export function colorOf(value: number, classes: Classes): string {
  const index = classes.thresholds.filter((threshold) => value >= threshold).length;
  return classes.colors[index];
}

/** Each class's lower and upper bound (null for open ends), for legends. */
export function classRanges(classes: Classes): { color: string; from: number | null; to: number | null }[] {
  return classes.colors.map((color, i) => ({
    color,
    from: i === 0 ? null : classes.thresholds[i - 1],
    to: i === classes.thresholds.length ? null : classes.thresholds[i],
  }));
}
