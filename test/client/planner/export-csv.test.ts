import { describe, expect, it } from 'vitest';
import {
  BOM,
  csvCell,
  SCORECARD_COLUMNS,
  scorecardCsv,
  scorecardFileName,
} from '../../../client/planner/export-csv';
import { parseCsv } from './csv';
import { indicatorRow } from './fixtures';

describe('CSV cells', () => {
  it('quotes text with commas, quotes and line breaks, doubling the quotes', () => {
    expect(csvCell('上城区')).toBe('上城区');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell('cr\rhere')).toBe('"cr\rhere"');
  });

  it('keeps spreadsheets from running text as a formula', () => {
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell('+1')).toBe("'+1");
    expect(csvCell('-1')).toBe("'-1");
    expect(csvCell('@sum')).toBe("'@sum");
  });

  it('writes numbers so that they read back to the same value, and null as nothing', () => {
    for (const value of [66.11764705882354, 0.1 + 0.2, 0, -3.5, 1e-7, 123456789]) {
      expect(Number(csvCell(value))).toBe(value);
    }
    expect(csvCell(-3.5)).toBe('-3.5');
    expect(csvCell(null)).toBe('');
    expect(csvCell(Number.NaN)).toBe('');
    expect(csvCell(true)).toBe('true');
  });
});

describe('the scorecard CSV', () => {
  const rows = [
    indicatorRow(),
    indicatorRow({
      code: 'ELDERLY_WITHIN_15_MIN_COMMUNITY_CARE',
      name: '15分钟康养服务圈覆盖率',
      nameEn: 'Older people within 15 minutes of community care',
      value: null,
      lowerBound: 26.97320740391363,
      upperBound: 92.41892622545355,
      target: 100,
      status: 'FAIL',
      missingData: ['walk network around the homes of 56890 older people, in 435 cells', 'a "quoted" part'],
      facilityIds: [],
      failingFacilityIds: [],
    }),
    indicatorRow({
      regionCode: null,
      regionName: '上城区各街道 (streets of 上城区)',
      regionLevel: 'STREET',
      value: null,
      lowerBound: null,
      upperBound: null,
      status: 'UNKNOWN',
      isSample: false,
    }),
  ];
  const csv = scorecardCsv(rows);

  it('starts with a BOM for Excel, has a header row and one CRLF row per indicator and region', () => {
    expect(csv.startsWith(BOM)).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    const table = parseCsv(csv.slice(BOM.length));
    expect(table[0]).toEqual([...SCORECARD_COLUMNS]);
    expect(table).toHaveLength(rows.length + 1);
    for (const line of table) expect(line).toHaveLength(SCORECARD_COLUMNS.length);
  });

  it('holds the API’s numbers rounded to two decimals (no 66.11764705882354), and the missing data and names intact', () => {
    const [header, ...lines] = parseCsv(csv.slice(BOM.length));
    const records = lines.map((line) => Object.fromEntries(header.map((name, i) => [name, line[i]])));
    records.forEach((record, i) => {
      const row = rows[i];
      expect(record.region_code).toBe(row.regionCode ?? '');
      expect(record.region_name).toBe(row.regionName);
      expect(record.indicator_code).toBe(row.code);
      expect(record.indicator_zh).toBe(row.name);
      expect(record.status).toBe(row.status);
      for (const [column, value] of [
        ['value', row.value],
        ['lower_bound', row.lowerBound],
        ['upper_bound', row.upperBound],
        ['target', row.target],
      ] as const) {
        expect(record[column] === '' ? null : Number(record[column])).toBe(
          value === null ? null : Math.round(value * 100) / 100,
        );
        expect(record[column]).not.toMatch(/\.\d{3}/);
      }
      expect(Number(record.facilities_counted)).toBe(row.facilityIds.length);
      expect(record.facility_ids.split(' ').filter(Boolean)).toEqual(row.facilityIds);
      expect(record.missing_data).toBe(row.missingData.join(' | '));
      expect(record.is_sample).toBe(String(row.isSample));
    });
  });

  it('is named after the region and the date', () => {
    expect(scorecardFileName('330102', '2026-05-01')).toBe('caremap-scorecard-330102-2026-05-01.csv');
  });
});
