// CSV for spreadsheets (RFC 4180): UTF-8 with a byte-order mark so Excel opens
// Vietnamese text correctly, CRLF line ends, a field quoted when it holds a
// comma, a quote, a line break or leading/trailing space, quotes doubled.
// A cell a spreadsheet would read as a formula (it starts with `=`, `+`, `-`,
// `@`, a tab or a carriage return) gets a leading `'`, so user text such as
// `=HYPERLINK(...)` is shown, never run. Numbers are passed as numbers and
// never neutralised (a negative number stays a number). Pure.

export const BOM = '\uFEFF';

export type CsvCell = string | number | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;

/** One cell as written: text neutralised if a spreadsheet would read it as a formula, then quoted if needed. */
export const csvCell = (value: CsvCell): string => {
  if (value === null || value === undefined) return '';
  let s = typeof value === 'number' ? (Number.isFinite(value) ? String(value) : '') : value;
  if (typeof value === 'string' && FORMULA_START.test(s)) s = `'${s}`;
  return /[",\r\n]|^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

/** One row as written, ended by CRLF (for a document written a page at a time: the export's parts). */
export const csvRow = (row: readonly CsvCell[]): string => `${row.map(csvCell).join(',')}\r\n`;

/** A whole document: a header row, then the rows, each ended by CRLF, after the BOM. */
export const toCsv = (header: readonly string[], rows: readonly (readonly CsvCell[])[]): string =>
  BOM + [header, ...rows].map(csvRow).join('');
