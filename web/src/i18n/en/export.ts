// English strings of the CSV export button (desk inbox and case list).
import type { csvExport as vi } from '../vi/export';

export const csvExport: typeof vi = {
  button: 'Export CSV',
  reportsLabel: 'Export CSV: the reports shown',
  casesLabel: 'Export CSV: the cases shown',
  progress: (part: number, rows: number) => `Exporting part ${part} (${rows} rows so far)…`,
  done: (rows: number, file: string) => `Exported ${rows} ${rows === 1 ? 'row' : 'rows'} to ${file}.`,
  failed: 'The CSV export failed.',
};
