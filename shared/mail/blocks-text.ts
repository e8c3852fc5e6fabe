// The text renderer of the email model (blocks.ts): one plain-text document,
// a heading per section, bullets for rows and items, wrapped at 72 columns.
import type { Locale } from '#config/schema';
import {
  type Block,
  type ChartPoint,
  chartLevel,
  type Inline,
  type Item,
  plain,
  type Row,
  type Slot,
  type TableRow,
} from './blocks';
import { formatNumber } from './format';
import { TextDoc } from './text';

/** Content split at its line breaks, one text line each (empty ones dropped). */
const lines = (content: Inline[]): string[] => {
  const out: Inline[][] = [[]];
  for (const c of content) {
    if (typeof c === 'object' && 'br' in c) out.push([]);
    else out.at(-1)?.push(c);
  }
  return out.map(plain).filter((l) => l !== '');
};

const rowText = (r: TableRow): string =>
  r.text ??
  (r.cells.length === 1 ? plain(r.cells[0] ?? []) : `${plain(r.cells[0] ?? [])}: ${plain(r.cells[1] ?? [])}`);

const itemText = (doc: TextDoc, item: Item): void => {
  if (item.text !== undefined) {
    doc.bullet(item.text);
    return;
  }
  const tags = item.tags?.labels.join(', ');
  doc.bullet(`${plain(item.title)}${tags ? ` [${tags}]` : ''}`);
  for (const l of item.lines) if (l) doc.para(plain(l.content), '  ');
};

/** Block characters by level (0: a dot, so an empty day still takes its place). */
const BARS = ['·', '▁', '▂', '▃', '▅', '▆', '█'];

/** A chart as one line: a character per point, then its caption. */
export const chartText = (points: ChartPoint[]): string => {
  const max = Math.max(0, ...points.map((p) => p.value));
  return points.map((p) => BARS[chartLevel(p.value, max)] ?? '█').join('');
};

const blockText = (doc: TextDoc, b: Block): void => {
  if (b.only === 'html') return;
  switch (b.kind) {
    case 'para':
      for (const line of lines(b.content)) {
        if (b.bullet === undefined) doc.para(line);
        else doc.bullet(line, b.bullet);
      }
      return;
    case 'subhead':
      if (b.label) doc.para(`${b.text}:`);
      return;
    case 'table':
      for (const g of b.groups) {
        if (g.head) {
          if (g.head.gap) doc.blank();
          doc.para(g.head.text);
        }
        for (const r of g.rows) doc.bullet(rowText(r), b.level ?? 0);
        if (g.more) doc.bullet(g.more, b.level ?? 0);
      }
      return;
    case 'items':
      for (const item of b.items) itemText(doc, item);
      if (b.more) doc.bullet(b.more);
      return;
    case 'chart':
      doc.para(`${chartText(b.points)} ${b.caption}`, '  ');
      return;
    case 'blank':
      doc.blank();
      return;
  }
};

const slotText = (doc: TextDoc, s: Slot): void => {
  for (const b of s === null ? [] : Array.isArray(s) ? s : [s]) blockText(doc, b);
};

const rowTextPart = (doc: TextDoc, r: Row, locale: Locale): void => {
  switch (r.kind) {
    case 'header':
      if (r.joined) doc.title(`${r.eyebrow} — ${r.heading}`);
      else doc.title(r.eyebrow).para(r.heading);
      if (r.sub) doc.para(r.sub);
      return;
    case 'lead':
    case 'plain':
      for (const s of r.body) slotText(doc, s);
      return;
    case 'callout':
      doc.para(`${r.label}: ${r.value}`);
      return;
    case 'figures':
      if (r.inText) {
        doc.para(r.figures.map((f) => `${f.label}: ${formatNumber(f.value, locale)}`).join(' · '));
      }
      return;
    case 'section':
      doc.heading(r.title);
      for (const s of r.body) slotText(doc, s);
      return;
    case 'footer':
      doc.blank().para('--');
      for (const line of r.lines) doc.para(line);
      return;
  }
};

/** The text part: every row the text part has, a blank line between rows unless a row says `gap: false`. */
export const renderText = (locale: Locale, rows: Row[]): string => {
  const doc = new TextDoc();
  for (const r of rows) {
    if (r.only === 'html') continue;
    if (r.gap !== false) doc.blank();
    rowTextPart(doc, r, locale);
  }
  return doc.toString();
};
