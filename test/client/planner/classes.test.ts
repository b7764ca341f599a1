import { describe, expect, it } from 'vitest';
import {
  classRanges,
  colorOf,
  countClasses,
  GAP_RAMP,
  indicatorClasses,
  INDICATOR_RAMP,
  roundThreshold,
} from '../../../client/planner/classes';

describe('indicator classes', () => {
  it('gives each value its own colour when few districts have one', () => {
    const classes = indicatorClasses([66.1, 63.2, 66.1]);
    expect(classes.thresholds).toEqual([66.1]);
    expect(classes.colors).toEqual([INDICATOR_RAMP[0], INDICATOR_RAMP[4]]);
    expect(colorOf(63.2, classes)).toBe(INDICATOR_RAMP[0]);
    expect(colorOf(66.1, classes)).toBe(INDICATOR_RAMP[4]);
  });

  it('gives one district the middle colour, and none no classes', () => {
    expect(indicatorClasses([0.65])).toEqual({ thresholds: [], colors: [INDICATOR_RAMP[2]] });
    expect(indicatorClasses([])).toEqual({ thresholds: [], colors: [] });
  });

  it('cuts many values into equal intervals', () => {
    const classes = indicatorClasses([0, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100]);
    expect(classes.thresholds).toEqual([20, 40, 60, 80]);
    expect(classes.colors).toEqual(INDICATOR_RAMP);
    expect(colorOf(100, classes)).toBe(INDICATOR_RAMP[4]);
    expect(colorOf(19.9, classes)).toBe(INDICATOR_RAMP[0]);
  });
});

describe('gap classes', () => {
  it('rounds thresholds to one significant digit', () => {
    expect([0, 7, 469, 924, 4556, 55966].map(roundThreshold)).toEqual([0, 7, 400, 900, 4000, 50000]);
  });

  it('puts the 上城区 gaps (sample counts) into readable classes, the largest in the darkest', () => {
    const counts = [55966, 4556, 924, 631, 534, 469, 400, 0, 0, 0];
    const classes = countClasses(counts);
    expect(classes.thresholds).toEqual([400, 600, 4000]);
    expect(classes.colors).toHaveLength(4);
    expect(colorOf(55966, classes)).toBe(GAP_RAMP[4]);
    expect(colorOf(0, classes)).toBe(GAP_RAMP[0]);
    expect(classRanges(classes)).toEqual([
      { color: classes.colors[0], from: null, to: 400 },
      { color: classes.colors[1], from: 400, to: 600 },
      { color: classes.colors[2], from: 600, to: 4000 },
      { color: classes.colors[3], from: 4000, to: null },
    ]);
  });

  it('has one class for one gap and none for none', () => {
    expect(countClasses([120])).toEqual({ thresholds: [], colors: [GAP_RAMP[2]] });
    expect(countClasses([])).toEqual({ thresholds: [], colors: [] });
  });
});
