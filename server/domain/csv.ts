/**
 * CSV, RFC 4180, shared by the server's import/export and the explorer's table downloads (pure, no
 * I/O): comma-separated, CRLF line ends, a field quoted when it holds a comma, quote or line break.
 * A field starting with = + @ or a tab/CR is written with a leading ' so a spreadsheet does not run
 * it as a formula; `unguardCell` takes that ' off again when a file is read back.
 */
export type Cell = string | number | boolean | null | undefined;

const FORMULA_START = /^[=+@\t\r]/;

export function csvField(value: Cell): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvRow(cells: readonly Cell[]): string {
  return `${cells.map(csvField).join(',')}\r\n`;
}

export function toCsv(header: readonly string[], rows: ReadonlyArray<readonly Cell[]>): string {
  return [header, ...rows].map(csvRow).join('');
}

/** The value a guarded cell stood for (the leading ' of csvField removed). */
export function unguardCell(text: string): string {
  return text.startsWith("'") && FORMULA_START.test(text.slice(1)) ? text.slice(1) : text;
}

export interface CsvRecord {
  /** 1-based line on which the row starts. */
  line: number;
  cells: string[];
}

/** Parse CSV text (CRLF or LF line ends, a leading BOM ignored); each row with the line it starts on. */
export function parseCsvRows(text: string): CsvRecord[] {
  const rows: CsvRecord[] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let start = 1;
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const endRow = () => {
    row.push(field);
    rows.push({ line: start, cells: row });
    row = [];
    field = '';
  };
  for (let i = 0; i < src.length; i += 1) {
    const c = src[i] as string;
    if (c === '\n') line += 1;
    if (quoted) {
      if (c === '"' && src[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || (c === '\r' && src[i + 1] === '\n')) {
      if (c === '\r') {
        i += 1;
        line += 1;
      }
      endRow();
      start = line;
    } else field += c;
  }
  if (field !== '' || row.length > 0) endRow();
  return rows;
}

/** Parse CSV text to rows of fields. */
export function parseCsv(text: string): string[][] {
  return parseCsvRows(text).map((r) => r.cells);
}
