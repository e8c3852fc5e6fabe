// The export's pure parts (shared/domain/export.ts, csv.ts): the language of
// the column names, the page sizes that keep a part under its bytes, local
// times, and a row written alone exactly as the whole document writes it.
import { describe, expect, it } from 'vitest';
import { csvRow, toCsv } from '#domain/csv';
import { exportFilename, exportLocale, localTime, nextPageSize, WORST_ROW_BYTES } from '#domain/export';

describe('exportLocale', () => {
  it('takes lang first, then the best vi or en of Accept-Language, else the default', () => {
    expect(exportLocale('en', 'vi', 'vi')).toBe('en');
    expect(exportLocale(undefined, 'en-US,en;q=0.9', 'vi')).toBe('en');
    expect(exportLocale(undefined, 'fr;q=1, vi;q=0.4, en;q=0.7', 'vi')).toBe('en');
    expect(exportLocale(undefined, 'en;q=0, vi-VN', 'en')).toBe('vi');
    expect(exportLocale(undefined, 'de, fr', 'vi')).toBe('vi');
    expect(exportLocale(undefined, undefined, 'en')).toBe('en');
    expect(exportLocale(undefined, ';;,q=,', 'vi')).toBe('vi');
  });
});

describe('nextPageSize', () => {
  it('is at most 100, at most the rows left, and only what surely fits in the bytes left', () => {
    expect(nextPageSize('reports', 5000, 0)).toBe(Math.floor(5_000_000 / WORST_ROW_BYTES.reports));
    expect(nextPageSize('reports', 5000, 0, 1e12)).toBe(100);
    expect(nextPageSize('cases', 7, 0)).toBe(7);
    expect(nextPageSize('cases', 5000, 5_000_000 - WORST_ROW_BYTES.cases + 1)).toBe(0);
    // Whatever the rows say, a part stays under its budget: used + page × worst ≤ max.
    for (const used of [0, 1_000_000, 4_000_000, 4_900_000]) {
      const n = nextPageSize('cases', 5000, used);
      expect(used + n * WORST_ROW_BYTES.cases).toBeLessThanOrEqual(5_000_000);
    }
  });
});

describe('localTime and the file name', () => {
  it('writes instants in the configured zone, seconds included', () => {
    expect(localTime('2026-12-05T17:30:05.123Z', 'Asia/Ho_Chi_Minh')).toBe('2026-12-06 00:30:05');
    expect(localTime(null, 'Asia/Ho_Chi_Minh')).toBeNull();
    expect(exportFilename('cases', new Date('2026-12-05T17:30:00Z'), 'Asia/Ho_Chi_Minh')).toBe(
      'cases-2026-12-06.csv',
    );
  });
});

describe('csvRow', () => {
  it('writes a row as toCsv writes it, so parts written a page at a time join into one document', () => {
    const rows = [
      ['=1+1', 'a,b', 'say "hi"', -5],
      ['dòng\nmới', null, '@x', '\tt'],
    ] as const;
    expect(toCsv(['h1', 'h2', 'h3', 'h4'], rows)).toBe(
      `\uFEFF${csvRow(['h1', 'h2', 'h3', 'h4'])}${rows.map(csvRow).join('')}`,
    );
    expect(csvRow(rows[1])).toBe('"dòng\nmới",,\'@x,\'\tt\r\n');
  });
});
