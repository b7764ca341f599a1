import { readFile } from 'node:fs/promises';

/** Census 2020 counts of one province, city or county (区/县), keyed by its 6-digit 区划代码. */
export interface CensusDistrict {
  code: string;
  name: string;
  province: string;
  city: string;
  popTotal: number;
  age60plus: number;
  age65plus: number;
  age80plus: number;
}

const BANDS_80_PLUS = ['male_80_84', 'female_80_84', 'male_85_plus', 'female_85_plus'];
const BANDS_65_TO_79 = [
  'male_65_69',
  'female_65_69',
  'male_70_74',
  'female_70_74',
  'male_75_79',
  'female_75_79',
];
const BANDS_60_TO_64 = ['male_60_64', 'female_60_64'];
const REQUIRED_COLUMNS = [
  'code',
  'province',
  'city',
  'county',
  'pop_total',
  ...BANDS_60_TO_64,
  ...BANDS_65_TO_79,
  ...BANDS_80_PLUS,
];

/** Parses the census CSV text (header row, comma-separated, no quoting); throws on a malformed row. */
export function parseCensusCsv(text: string, source = 'census CSV'): Map<string, CensusDistrict> {
  const [headerLine, ...lines] = text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .filter((line) => line.trim() !== '');
  const header = (headerLine ?? '').split(',').map((column) => column.trim());
  const missing = REQUIRED_COLUMNS.filter((column) => !header.includes(column));
  if (missing.length > 0) throw new Error(`${source}: missing column(s) ${missing.join(', ')}`);
  const column = new Map(header.map((name, index) => [name, index]));

  const districts = new Map<string, CensusDistrict>();
  lines.forEach((line, index) => {
    const cells = line.split(',').map((cell) => cell.trim());
    const text = (name: string): string => cells[column.get(name) as number] ?? '';
    const count = (name: string): number => {
      const value = Number(text(name));
      if (text(name) === '' || !Number.isSafeInteger(value) || value < 0) {
        throw new Error(`${source} line ${index + 2}: "${name}" is not a count: "${text(name)}"`);
      }
      return value;
    };
    const sum = (names: string[]): number => names.reduce((total, name) => total + count(name), 0);
    const code = text('code');
    if (!/^\d{6}$/.test(code)) throw new Error(`${source} line ${index + 2}: code "${code}" is not 6 digits`);
    const age80plus = sum(BANDS_80_PLUS);
    const age65plus = age80plus + sum(BANDS_65_TO_79);
    districts.set(code, {
      code,
      name: text('county'),
      province: text('province'),
      city: text('city'),
      popTotal: count('pop_total'),
      age60plus: age65plus + sum(BANDS_60_TO_64),
      age65plus,
      age80plus,
    });
  });
  return districts;
}

/** Reads the census 2020 county elderly CSV into districts by code (age bands summed over men and women). */
export async function readCensus(path: string): Promise<Map<string, CensusDistrict>> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new Error(`cannot read census file ${path}: ${(error as Error).message}`, { cause: error });
  }
  return parseCensusCsv(text, path);
}
