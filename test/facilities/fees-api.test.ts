import { describe, expect, it } from 'vitest';
import { sampleFeesFromRange } from '../../server/facilities/facility-fee-sample';
import { useTestServer } from '../support/test-server';

const fixture = useTestServer();

interface Fee {
  careLevel: string;
  bedFee: number;
  careFee: number;
  mealFee: number;
  totalMonthly: number;
  isSample: boolean;
}
interface Home {
  id: string;
  name: string;
  feeMinMonthly: number | null;
  feeMaxMonthly: number | null;
  fees: Fee[];
}

const HOMES = `query($filter: FacilityFilter) {
  facilities(filter: $filter, first: 500) {
    totalCount
    edges { node { id name feeMinMonthly feeMaxMonthly fees { careLevel bedFee careFee mealFee totalMonthly isSample } } }
  }
}`;

async function homes(filter: Record<string, unknown>): Promise<Home[]> {
  const result = await fixture.server.query<{ facilities: { edges: { node: Home }[] } }>(HOMES, { filter });
  expect(result.errors).toBeUndefined();
  return result.data!.facilities.edges.map((edge) => edge.node);
}

const total = (home: Home, level: string) => home.fees.find((fee) => fee.careLevel === level)?.totalMonthly;

describe('fees per care level', () => {
  it('sample homes publish bed, care and meal fees for the four levels, derived from their range and marked sample', async () => {
    const all = await homes({ types: ['NURSING_HOME'] });
    expect(all.length).toBeGreaterThan(5);
    for (const home of all) {
      expect(home.fees.map((fee) => fee.careLevel)).toEqual([
        'SELF_CARE',
        'PARTLY_DISABLED',
        'DISABLED',
        'DEMENTIA',
      ]);
      for (const fee of home.fees) {
        expect(fee.bedFee + fee.careFee + fee.mealFee).toBe(fee.totalMonthly);
        expect(fee.isSample).toBe(true);
        expect(fee.totalMonthly).toBeGreaterThanOrEqual(home.feeMinMonthly!);
        expect(fee.totalMonthly).toBeLessThanOrEqual(home.feeMaxMonthly!);
      }
      expect(total(home, 'SELF_CARE')).toBe(home.feeMinMonthly);
      expect(total(home, 'DEMENTIA')).toBe(home.feeMaxMonthly);
    }
  });

  it('5000 元以内 for 半失能 lists only homes whose 半失能 total is at most 5,000', async () => {
    const all = await homes({ types: ['NURSING_HOME'] });
    const within = await homes({
      types: ['NURSING_HOME'],
      careLevel: 'PARTLY_DISABLED',
      maxMonthlyFee: 5000,
    });
    const expected = all.filter((home) => total(home, 'PARTLY_DISABLED')! <= 5000).map((h) => h.id);
    expect(within.map((home) => home.id).sort()).toEqual(expected.sort());
    expect(within.length).toBeGreaterThan(0);
    expect(within.length).toBeLessThan(all.length);
    for (const home of within) expect(total(home, 'PARTLY_DISABLED')).toBeLessThanOrEqual(5000);
  });

  it('5000 元以内 no longer lists homes charging 6,800–7,400', async () => {
    const all = await homes({ types: ['NURSING_HOME'] });
    const dear = all.filter((home) => home.feeMinMonthly! > 5000 || home.feeMaxMonthly! > 5000);
    expect(dear.length).toBeGreaterThan(0);
    for (const careLevel of [undefined, 'SELF_CARE', 'PARTLY_DISABLED', 'DISABLED', 'DEMENTIA']) {
      const within = await homes({ types: ['NURSING_HOME'], maxMonthlyFee: 5000, careLevel });
      for (const home of within) {
        const price = careLevel ? total(home, careLevel)! : home.feeMaxMonthly!;
        expect(price).toBeLessThanOrEqual(5000);
      }
      const charging6800to7400 = within.filter((home) => home.feeMinMonthly! >= 6800);
      expect(charging6800to7400).toEqual([]);
    }
  });

  it('the care level is kept by the tiles too: the same homes as the list', async () => {
    const within = await homes({ types: ['NURSING_HOME'], careLevel: 'DISABLED', maxMonthlyFee: 5000 });
    const response = await fetch(
      `${fixture.server.url}/tiles/facilities.json?types=NURSING_HOME&careLevel=DISABLED&maxMonthlyFee=5000`,
    );
    expect(response.status).toBe(200);
    const bad = await fetch(`${fixture.server.url}/tiles/facilities.json?careLevel=CONSTRUCTOR`);
    expect(bad.status).toBe(400);
    expect(within.length).toBeGreaterThan(0);
  });
});

describe('sampleFeesFromRange', () => {
  it('runs the totals from the lowest fee (自理) to the highest (失智), parts adding up, in hundreds', () => {
    const fees = sampleFeesFromRange(3000, 6000);
    expect(fees.map((fee) => fee.totalMonthly)).toEqual([3000, 4000, 5000, 6000]);
    for (const fee of fees) {
      expect(fee.bedFee + fee.careFee + fee.mealFee).toBe(fee.totalMonthly);
      expect(fee.bedFee % 100).toBe(0);
      expect(fee.careFee).toBeGreaterThanOrEqual(0);
    }
  });
});
