import type { CensusCounts } from '../divisions';
import { allocateLargestRemainder } from '../population/largest-remainder';

/** A street's row of the sample table (示例数据): counts derived from its district's census, not counted. */
export interface SampleStreetRow {
  code: string;
  age60plus: number;
  age65plus: number;
  age80plus: number;
  populationTotal: number;
}

/**
 * A sample street table for a district (no public street tables exist): the district's census counts split
 * over its streets in proportion to their communities (社区/村), 80+, 65–79 and 60–64 apart, whole people by
 * largest remainder, so the streets sum to the district exactly. Labelled 示例数据 wherever shown.
 */
export function sampleStreetTable(
  district: CensusCounts,
  streets: readonly { code: string; communities: number }[],
): SampleStreetRow[] {
  const weights = streets.map((street) => street.communities);
  const a80 = allocateLargestRemainder(district.age80plus, weights);
  const a65to79 = allocateLargestRemainder(district.age65plus - district.age80plus, weights);
  const a60to64 = allocateLargestRemainder(district.age60plus - district.age65plus, weights);
  const total = allocateLargestRemainder(district.popTotal, weights);
  return streets.map((street, i) => ({
    code: street.code,
    age80plus: a80[i],
    age65plus: a80[i] + a65to79[i],
    age60plus: a80[i] + a65to79[i] + a60to64[i],
    populationTotal: total[i],
  }));
}
