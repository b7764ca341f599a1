/** One street's or community's needs-assessment aggregates as imported. */
export interface NeedRow {
  regionCode: string;
  assessedOn: string;
  disabledMild: number;
  disabledModerate: number;
  disabledSevere: number;
  dementia: number;
  livingAlone: number;
  familyCareBeds: number | null;
  isSample: boolean;
}

const COUNT_COLUMNS = [
  ['disabled_mild', 'disabledMild'],
  ['disabled_moderate', 'disabledModerate'],
  ['disabled_severe', 'disabledSevere'],
  ['dementia', 'dementia'],
  ['living_alone', 'livingAlone'],
] as const;
const REQUIRED_COLUMNS = ['region_code', 'assessed_on', ...COUNT_COLUMNS.map(([column]) => column)];

/**
 * Parses a needs-assessment CSV (header row, comma-separated, no quoting): region_code, assessed_on,
 * disabled_mild, disabled_moderate, disabled_severe, dementia, living_alone, and optionally
 * family_care_beds (empty: not recorded) and is_sample (true/false). Checks shapes only; the service
 * checks codes, dates and counts. Throws an Error naming the line on a malformed row.
 */
export function parseNeedCsv(text: string, source = 'need CSV'): NeedRow[] {
  const [headerLine, ...lines] = text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .filter((line) => line.trim() !== '');
  const header = (headerLine ?? '').split(',').map((column) => column.trim());
  const missing = REQUIRED_COLUMNS.filter((column) => !header.includes(column));
  if (missing.length > 0) throw new Error(`${source}: missing column(s) ${missing.join(', ')}`);
  const column = new Map(header.map((name, index) => [name, index]));
  return lines.map((line, index) => {
    const cells = line.split(',').map((cell) => cell.trim());
    const text = (name: string): string => (column.has(name) ? (cells[column.get(name)!] ?? '') : '');
    const count = (name: string): number => {
      const value = Number(text(name));
      if (text(name) === '' || !Number.isSafeInteger(value) || value < 0) {
        throw new Error(
          `${source} line ${index + 2}: "${name}" is not a count: "${text(name).slice(0, 20)}"`,
        );
      }
      return value;
    };
    const counts = Object.fromEntries(COUNT_COLUMNS.map(([name, field]) => [field, count(name)])) as Pick<
      NeedRow,
      (typeof COUNT_COLUMNS)[number][1]
    >;
    return {
      regionCode: text('region_code'),
      assessedOn: text('assessed_on'),
      ...counts,
      familyCareBeds: text('family_care_beds') === '' ? null : count('family_care_beds'),
      isSample: text('is_sample').toLowerCase() === 'true',
    };
  });
}
