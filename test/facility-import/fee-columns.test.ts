import { describe, expect, it } from 'vitest';
import { FEE_COLUMNS, feesFromRow } from '../../server/facility-import/fee-columns';
import { facilityFromRow } from '../../server/facility-import/facility-row';

const base = { source_key: 'home:1', type: 'NURSING_HOME', name: '清波颐养院', lng: 120.17, lat: 30.25 };

describe('fee columns of a facility import', () => {
  it('are twelve: bed, care and meal for each of the four care levels', () => {
    expect(FEE_COLUMNS).toHaveLength(12);
    expect(FEE_COLUMNS).toContain('fee_partly_disabled_care');
  });

  it('give a level when its three parts are given', () => {
    const { fees, problems } = feesFromRow({
      fee_self_care_bed: '1800',
      fee_self_care_care: 500,
      fee_self_care_meal: '900',
      fee_disabled_bed: '1800',
      fee_disabled_care: '2600',
      fee_disabled_meal: '900',
    });
    expect(problems).toEqual([]);
    expect(fees).toEqual([
      { careLevel: 'SELF_CARE', bedFee: 1800, careFee: 500, mealFee: 900, isSample: false },
      { careLevel: 'DISABLED', bedFee: 1800, careFee: 2600, mealFee: 900, isSample: false },
    ]);
  });

  it('say which part of a level is missing or not a whole number', () => {
    const { problems } = feesFromRow({ fee_dementia_bed: '2000', fee_dementia_care: '-5' });
    expect(problems).toEqual([
      { field: 'fee_dementia_meal', message: 'required with the other fee_dementia_* columns' },
    ]);
    expect(
      feesFromRow({ fee_dementia_bed: '2000', fee_dementia_care: '3.5', fee_dementia_meal: '900' }).problems,
    ).toEqual([{ field: 'fee_dementia_care', message: 'a whole number from 0 to 100000' }]);
  });

  it('leave the stored fees alone when a file has no fee column', () => {
    expect(feesFromRow({ name: 'x' }).fees).toBeNull();
    expect(facilityFromRow(base, 'WGS84', 'file').fees).toBeNull();
  });

  it('are known columns of a row, and their problems are the row’s', () => {
    const ok = facilityFromRow(
      {
        ...base,
        fee_partly_disabled_bed: 1500,
        fee_partly_disabled_care: 1200,
        fee_partly_disabled_meal: 800,
      },
      'WGS84',
      'file',
    );
    expect(ok.problems).toEqual([]);
    expect(ok.fees).toEqual([
      { careLevel: 'PARTLY_DISABLED', bedFee: 1500, careFee: 1200, mealFee: 800, isSample: false },
    ]);
    const bad = facilityFromRow({ ...base, fee_partly_disabled_bed: 1500 }, 'WGS84', 'file');
    expect(bad.record).toBeNull();
    expect(bad.problems.map((p) => p.field)).toEqual([
      'fee_partly_disabled_care',
      'fee_partly_disabled_meal',
    ]);
  });
});
