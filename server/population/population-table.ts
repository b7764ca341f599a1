import { parseCsv } from '../facility-import/csv';

/** One row of a table of older people per street or community (the shape of the 2020 census street tables). */
export interface PopulationTableRow {
  row: number;
  code: string;
  name: string | null;
  year: number;
  source: string;
  age60plus: number;
  age65plus: number;
  age80plus: number;
  populationTotal: number | null;
  isSample: boolean;
}

/** What is wrong with one row. */
export interface PopulationRowProblem {
  row: number;
  code: string | null;
  field: string;
  message: string;
}

const REQUIRED = ['code', 'year', 'source', 'age60plus', 'age65plus', 'age80plus'];
const SAMPLE_MARK = '示例数据';

/**
 * Reads a CSV table `code,name,year,source,age60plus,age65plus,age80plus[,pop_total][,is_sample]`; every row
 * is checked (9- or 12-digit code, whole counts with 60+ ≥ 65+ ≥ 80+, a year, a source; a source that says
 * 示例数据 must be marked is_sample) and each problem is reported with its line.
 */
export function readPopulationTable(content: string): {
  rows: PopulationTableRow[];
  problems: PopulationRowProblem[];
} {
  const records = parseCsv(content);
  const header = Object.keys(records[0]?.record ?? {});
  const missing = REQUIRED.filter((column) => !header.includes(column));
  if (records.length === 0 || missing.length > 0) {
    return {
      rows: [],
      problems: [
        {
          row: 1,
          code: null,
          field: 'header',
          message: `the table needs the columns ${REQUIRED.join(', ')}${missing.length ? `; missing ${missing.join(', ')}` : ''}`,
        },
      ],
    };
  }
  const rows: PopulationTableRow[] = [];
  const problems: PopulationRowProblem[] = [];
  const seen = new Map<string, number>();
  for (const { line, record, extraCells } of records) {
    const code = (record.code ?? '').trim();
    const problem = (field: string, message: string) =>
      problems.push({ row: line, code: code || null, field, message });
    const before = problems.length;
    if (extraCells) problem('row', `has ${extraCells} more cells than the header has columns`);
    if (!/^\d{9}(\d{3})?$/.test(code))
      problem('code', `"${code.slice(0, 20)}" is not a 9-digit street or 12-digit community code`);
    const count = (field: string, optional = false): number | null => {
      const text = (record[field] ?? '').trim();
      if (optional && text === '') return null;
      const value = Number(text);
      if (text === '' || !Number.isSafeInteger(value) || value < 0) {
        problem(field, `"${text.slice(0, 20)}" is not a whole number ≥ 0`);
        return null;
      }
      return value;
    };
    const [a60, a65, a80] = [count('age60plus'), count('age65plus'), count('age80plus')];
    const total = count('pop_total', true);
    if (a60 !== null && a65 !== null && a80 !== null && !(a60 >= a65 && a65 >= a80))
      problem('age65plus', `counts must nest: 60+ (${a60}) ≥ 65+ (${a65}) ≥ 80+ (${a80})`);
    if (total !== null && a60 !== null && total < a60)
      problem('pop_total', `total ${total} is less than the 60+ count ${a60}`);
    const year = Number(record.year);
    if (!Number.isInteger(year) || year < 1953 || year > 2100)
      problem('year', `"${record.year}" is not a year`);
    const source = (record.source ?? '').trim();
    if (!source) problem('source', 'every row needs the source of its counts');
    const sampleText = (record.is_sample ?? '').trim().toLowerCase();
    if (sampleText !== '' && sampleText !== 'true' && sampleText !== 'false')
      problem('is_sample', `"${sampleText}" is not true or false`);
    const isSample = sampleText === 'true';
    if (source.includes(SAMPLE_MARK) && !isSample)
      problem('is_sample', `a source that says ${SAMPLE_MARK} must be marked is_sample = true`);
    const first = seen.get(code);
    if (code && first !== undefined) problem('code', `same code as line ${first}`);
    else if (code) seen.set(code, line);
    if (problems.length > before) continue;
    rows.push({
      row: line,
      code,
      name: (record.name ?? '').trim() || null,
      year,
      source,
      age60plus: a60!,
      age65plus: a65!,
      age80plus: a80!,
      populationTotal: total,
      isSample,
    });
  }
  return { rows, problems };
}
