// The HTML renderer of the email model (blocks.ts): rows become the bands of
// the phone-width card, blocks their content, all with the inline styles of
// html.ts.
import type { Locale } from '#config/schema';
import type { BadgeTone, Block, ChartPoint, Figure, Inline, Item, Row, Slot, TableGroup } from './blocks';
import { formatNumber } from './format';
import { asHtml, COLOR, documentHtml, FONT, type Html, html, linkHtml, S, trusted } from './html';

const BADGE: Record<BadgeTone, [string, string]> = {
  accent: [COLOR.accent, '#e8f0fb'],
  warn: [COLOR.warn, COLOR.warnBg],
  alert: ['#ffffff', COLOR.alert],
};

const inlineHtml = (content: Inline[]): Html[] =>
  content.map((c) => {
    if (typeof c === 'string') return html`${c}`;
    if ('user' in c) return asHtml(c.user);
    if ('small' in c) return html`<span style="${S.small}">${inlineHtml(c.small)}</span>`;
    if ('badge' in c) return html`<span style="${S.badge(...BADGE[c.tone])}">${c.badge}</span>`;
    if ('link' in c) return linkHtml(c.link);
    return trusted('<br>');
  });

const PARA_STYLE = {
  body: S.p,
  note: S.small,
  lastNote: trusted(`${S.small.value}margin:0;`),
  strong: trusted(`${S.p.value}margin-bottom:4px;font-weight:600;`),
};

const TABLE = (style: Html) =>
  html`<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="${style}">`;

const CELL = {
  counts: [S.td, S.tdNum],
  alert: [S.alertTd, S.alertTdNum],
  details: [trusted(`${S.td.value}width:32%;padding-right:12px;color:${COLOR.muted};`), S.td],
} as const;

const groupHtml = (g: TableGroup, look: keyof typeof CELL): Html => {
  const [first, rest] = CELL[look];
  const cols = g.rows[0]?.cells.length ?? 1;
  return html`${
    g.head ? html`<tr><td colspan="2" style="${S.agencyHead}">${inlineHtml(g.head.content)}</td></tr>\n` : ''
  }${g.rows.map(
    (r) =>
      html`<tr>${r.cells.map((c, i) => html`<td style="${i === 0 ? first : rest}">${inlineHtml(c)}</td>`)}</tr>\n`,
  )}${
    g.more
      ? html`<tr><td${cols > 1 ? trusted(' colspan="2"') : ''} style="${first}"><span style="${S.small}">${g.more}</span></td></tr>`
      : ''
  }`;
};

const itemHtml = (item: Item): Html =>
  html`<tr><td style="${S.item}">
<p style="${S.itemTitle}">${inlineHtml(item.title)}</p>${item.lines.map(
    (l) =>
      html`\n${l ? html`<p style="${l.style === 'meta' ? S.itemMeta : S.itemText}">${inlineHtml(l.content)}</p>` : ''}`,
  )}${
    item.tags
      ? html`\n${
          item.tags.labels.length > 0
            ? html`<p style="margin:4px 0 0;">${item.tags.labels.map((l) => html`${inlineHtml([{ badge: l, tone: item.tags?.tone ?? 'warn' }])} `)}</p>`
            : ''
        }`
      : ''
  }
</td></tr>\n`;

/** The tallest column of a chart, in pixels. */
const CHART_PX = 30;

/**
 * A column chart made of table cells: one cell per point, bottom-aligned,
 * holding a one-cell table whose `height` and `bgcolor` draw the column (a zero
 * is a 1 px grey baseline). Outlook's Word engine and Gmail both keep table
 * cells, their height attribute and colours, where they drop SVG and CSS
 * heights on divs. About 170 bytes a column, so a month of ten topics stays
 * well under Gmail's 102 KB clipping.
 */
const chartHtml = (points: ChartPoint[]): Html => {
  const max = Math.max(0, ...points.map((p) => p.value));
  const width = `${Math.floor(100 / Math.max(1, points.length))}%`;
  const column = (p: ChartPoint) => {
    const on = p.value > 0 && max > 0;
    const px = on ? Math.max(2, Math.round((p.value / max) * CHART_PX)) : 1;
    const bg = on ? COLOR.accent : COLOR.line;
    return html`<td width="${width}" valign="bottom" style="padding:0 1px;"><table width="100%" cellpadding="0" cellspacing="0"><tr><td height="${px}" bgcolor="${bg}" style="font-size:0;line-height:0;">&nbsp;</td></tr></table></td>`;
  };
  const ticks = points.map(
    (p) =>
      html`<td style="padding-top:2px;font-size:10px;line-height:1.2;color:${trusted(COLOR.muted)};">${p.tick ?? ''}</td>`,
  );
  return html`<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="width:100%;border-collapse:collapse;table-layout:fixed;margin:4px 0 8px;">
<tr style="height:${trusted(String(CHART_PX))}px;">${points.map(column)}</tr>
<tr>${ticks}</tr>
</table>`;
};

export const blockHtml = (b: Block): Html => {
  if (b.only === 'text') return html``;
  switch (b.kind) {
    case 'para':
      return html`<p style="${PARA_STYLE[b.style ?? 'body']}">${inlineHtml(b.content)}</p>`;
    case 'subhead':
      return html`<h3 style="${S.h3}">${b.text}</h3>`;
    case 'table': {
      const head =
        b.head === undefined
          ? ''
          : html`${b.head.length > 0 ? html`<tr>${b.head.map((h, i) => html`<th style="${i === 0 ? S.th : S.thNum}">${h}</th>`)}</tr>` : ''}\n`;
      return html`${TABLE(S.table)}\n${head}${b.groups.map((g) => groupHtml(g, b.look))}\n</table>`;
    }
    case 'items':
      return html`${TABLE(S.table)}\n${b.items.map(itemHtml)}${
        b.more ? html`<tr><td style="${S.item}"><span style="${S.small}">${b.more}</span></td></tr>` : ''
      }\n</table>`;
    case 'chart':
      return chartHtml(b.points);
    case 'blank':
      return html``;
  }
};

const slotHtml = (s: Slot): Html =>
  s === null ? html`` : html`${(Array.isArray(s) ? s : [s]).map(blockHtml)}`;

const figuresHtml = (figures: Figure[], locale: Locale): Html => {
  const width = `${Math.floor(100 / figures.length)}%`;
  const cells = figures.map((f, i) => {
    const on = f.alert && f.value > 0;
    return html`${i > 0 ? html`<td style="width:6px;font-size:0;">&nbsp;</td>` : ''}<td width="${width}" style="${S.figure}${on ? trusted(`background:${COLOR.alertBg};`) : ''}">
<span style="${S.figureNum(on ? COLOR.alert : COLOR.ink)}">${formatNumber(f.value, locale)}</span>
<span style="${S.figureLabel}">${f.label}</span>
</td>`;
  });
  return html`<tr><td style="padding:0 20px 16px;font-family:${trusted(FONT)};">
${TABLE(S.table)}<tr>${cells}</tr></table>
</td></tr>
`;
};

const rowHtml = (r: Row, locale: Locale): Html => {
  switch (r.kind) {
    case 'header':
      return html`<tr><td style="padding:20px 20px 14px;font-family:${trusted(FONT)};">
<p style="${S.eyebrow}">${r.eyebrow}</p>
<h1 style="${S.h1}">${r.heading}</h1>
${r.sub ? html`<p style="${S.itemMeta}">${r.sub}</p>` : ''}
</td></tr>
`;
    case 'lead':
      return html`<tr><td style="padding:0 20px 12px;font-family:${trusted(FONT)};">${r.body.map(blockHtml)}</td></tr>\n`;
    case 'callout': {
      const [fg, bg] = r.alert ? [COLOR.alert, COLOR.alertBg] : [COLOR.accent, '#e8f0fb'];
      return html`<tr><td style="padding:0 20px 16px;font-family:${trusted(FONT)};">
${TABLE(S.table)}<tr>
<td style="padding:12px 14px;background:${trusted(bg)};border-left:4px solid ${trusted(fg)};border-radius:6px;">
<span style="display:block;${S.small}">${r.label}</span>
<span style="display:block;margin-top:2px;font-size:18px;line-height:1.35;font-weight:700;color:${trusted(fg)};${r.strike ? trusted('text-decoration:line-through;') : ''}">${r.value}</span>
${r.sub === undefined ? '' : html`<span style="display:block;margin-top:2px;${S.small}">${r.sub}</span>\n`}</td></tr></table>
</td></tr>
`;
    }
    case 'figures':
      return figuresHtml(r.figures, locale);
    case 'section':
      if (r.look === 'compact') {
        return html`<tr><td style="${S.cell}"><h2 style="${S.h2}">${r.title}</h2>${r.body.map(slotHtml)}</td></tr>\n`;
      }
      if (r.look === 'alert') {
        return html`<tr><td style="${S.alertCell}">
<h2 style="${S.alertH2}">${r.title}</h2>
${trusted(r.body.map((s) => slotHtml(s).value).join('\n'))}
</td></tr>
`;
      }
      return html`<tr><td style="${S.cell}">
<h2 style="${S.h2}">${r.title}</h2>
${r.body.map(slotHtml)}
</td></tr>
`;
    case 'plain':
      return r.spaced
        ? html`<tr><td style="${S.cell}">\n${trusted(r.body.map((s) => slotHtml(s).value).join('\n'))}\n</td></tr>\n`
        : html`<tr><td style="${S.cell}">${r.body.map(slotHtml)}</td></tr>\n`;
    case 'footer':
      return html`<tr><td style="${S.footer}">${r.lines.map((l) => html`<p style="${S.small}margin:0 0 4px;">${l}</p>`)}</td></tr>\n`;
  }
};

/** The HTML part: the document around the rows the email is written in. */
export const renderHtml = (locale: Locale, subject: string, preheader: string, rows: Row[]): string =>
  documentHtml(
    locale,
    subject,
    preheader,
    rows.filter((r) => r.only !== 'text').map((r) => rowHtml(r, locale)),
  );
