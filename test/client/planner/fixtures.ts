import type { Gap, IndicatorResult } from '../../../client/planner/types';

/** A scorecard row of 上城区 with the defaults of a recorded, passing indicator; `changes` override. */
export function indicatorRow(changes: Partial<IndicatorResult> = {}): IndicatorResult {
  return {
    code: 'NURSING_BED_SHARE',
    name: '护理型床位占比',
    nameEn: 'Nursing-type beds as a share of institution beds',
    regionCode: '330102',
    regionName: '上城区',
    regionLevel: 'DISTRICT',
    value: 66.11764705882354,
    lowerBound: 66.11764705882354,
    upperBound: 66.11764705882354,
    target: 55,
    unit: '%',
    status: 'PASS',
    missingData: [],
    missingDataZh: [],
    facilityIds: ['1', '2', '3'],
    failingFacilityIds: ['2'],
    sourceNote:
      'Nursing-type beds ÷ all beds of 养老机构 and 护理院 inside the region, as recorded. Target: seed 001.',
    sourceNoteZh: '区域内养老机构和护理院的护理型床位数 ÷ 床位总数（按登记数据）。目标值依据：政策文件 001。',
    isSample: true,
    ...changes,
  };
}

/** A square of `side` degrees with its south-west corner at (lng, lat). */
export function square(lng: number, lat: number, side: number): [number, number][] {
  return [
    [lng, lat],
    [lng + side, lat],
    [lng + side, lat + side],
    [lng, lat + side],
    [lng, lat],
  ];
}

/** A gap of the shape the API returns; `changes` override. */
export function gap(changes: Partial<Gap> = {}): Gap {
  return {
    id: 'BEYOND_REACH:330102:83:131',
    reason: 'BEYOND_REACH',
    rank: 1,
    area: { type: 'Polygon', coordinates: [square(120.16, 30.24, 0.004)] },
    cellCount: 4,
    elderly: { age60plus: 456, age65plus: 324, age80plus: 82 },
    regionCodes: ['330102'],
    missing: [
      {
        type: 'COMMUNITY_CARE_STATION',
        elderly: { age60plus: 456, age65plus: 324, age80plus: 82 },
        travelMinutes: 15.95046025186204,
        nearestFacility: {
          id: '31',
          name: '上城区建国南路社区居家养老服务照料中心',
          nameEn: null,
          type: 'COMMUNITY_CARE_STATION',
          isSample: false,
          location: { type: 'Point', coordinates: [120.1702, 30.2391] },
        },
      },
      {
        type: 'STREET_CARE_CENTER',
        elderly: { age60plus: 120, age65plus: 85, age80plus: 21 },
        travelMinutes: null,
        nearestFacility: null,
      },
    ],
    ...changes,
  };
}
