/** A CSV that cannot be read at all (as opposed to a row with bad values). */
export class CsvFormatError extends Error {}

/** One record of a CSV file; `extraCells` counts cells beyond the header's columns (a row error, never dropped silently). */
export interface CsvRecord {
  line: number;
  record: Record<string, string>;
  extraCells?: number;
}

/**
 * Parses RFC 4180 CSV (quoted fields, doubled quotes, CRLF or LF, UTF-8 BOM) into records keyed by the
 * header row. Returns each record with its 1-based line number for row reports.
 */
export function parseCsv(text: string): CsvRecord[] {
  const rows: { line: number; cells: string[] }[] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let rowLine = 1;
  const source = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < source.length; i++) {
    const char = source[i];
    if (quoted) {
      if (char === '"' && source[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (char === '"') {
        quoted = false;
      } else {
        if (char === '\n') line++;
        cell += char;
      }
    } else if (char === '"' && cell === '') {
      quoted = true;
    } else if (char === ',') {
      cells.push(cell);
      cell = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && source[i + 1] === '\n') i++;
      cells.push(cell);
      rows.push({ line: rowLine, cells });
      cells = [];
      cell = '';
      line++;
      rowLine = line;
    } else {
      cell += char;
    }
  }
  if (quoted) throw new CsvFormatError(`Unclosed quoted field starting on line ${rowLine}`);
  if (cell !== '' || cells.length) {
    cells.push(cell);
    rows.push({ line: rowLine, cells });
  }
  const nonEmpty = rows.filter((r) => r.cells.some((c) => c.trim() !== ''));
  const [header, ...body] = nonEmpty;
  if (!header) throw new CsvFormatError('The file is empty');
  const names = header.cells.map((c) => c.trim());
  if (new Set(names).size !== names.length) throw new CsvFormatError('The header row names a column twice');
  return body.map(({ line: rowNumber, cells: values }) => ({
    line: rowNumber,
    record: Object.fromEntries(names.map((name, i) => [name, values[i] ?? ''])),
    ...(values.length > names.length ? { extraCells: values.length - names.length } : {}),
  }));
}
