// The HTML toolkit of every email: a `html` template that escapes whatever is
// not already markup, the palette and the inline styles (mail clients drop
// <style>), and the phone-width document around the rows. blocks-html.ts builds
// on it; nothing else writes email markup.
import type { Locale } from '#config/schema';
import { escapeHtml, MASKED_PHONE } from './format';

/** Markup that is already safe; anything else interpolated into `html` is escaped. */
export class Html {
  constructor(readonly value: string) {}
}
type Part = Html | string | number | null | undefined | false | Part[];

const renderPart = (p: Part): string => {
  if (p instanceof Html) return p.value;
  if (Array.isArray(p)) return p.map(renderPart).join('');
  if (p === null || p === undefined || p === false) return '';
  return escapeHtml(String(p));
};

export const html = (strings: TemplateStringsArray, ...parts: Part[]): Html =>
  new Html(
    strings.reduce((acc, s, i) => acc + s + (i < parts.length ? renderPart(parts[i] as Part) : ''), ''),
  );

/** Trusted markup written in this file (styles). */
export const trusted = (s: string) => new Html(s);

export const COLOR = {
  page: '#eef1f4',
  card: '#ffffff',
  ink: '#1f2933',
  muted: '#5b6675',
  line: '#e3e7ec',
  accent: '#1c4f9c',
  alert: '#b42318',
  alertBg: '#fef3f2',
  alertLine: '#f5c2bd',
  warn: '#9a5b00',
  warnBg: '#fff8e6',
  soft: '#f6f8fa',
};
export const FONT = "-apple-system,BlinkMacSystemFont,'Segoe UI',Roboto,'Helvetica Neue',Arial,sans-serif";
export const S = {
  body: trusted(
    `margin:0;padding:0;background:${COLOR.page};color:${COLOR.ink};font-family:${FONT};-webkit-text-size-adjust:100%;`,
  ),
  card: trusted(
    `width:100%;max-width:600px;background:${COLOR.card};border-radius:8px;border-collapse:separate;`,
  ),
  cell: trusted(`padding:16px 20px;border-top:1px solid ${COLOR.line};font-family:${FONT};`),
  h1: trusted(`margin:4px 0 0;font-size:22px;line-height:1.3;font-weight:700;color:${COLOR.ink};`),
  eyebrow: trusted(
    `margin:0;font-size:13px;line-height:1.4;color:${COLOR.accent};font-weight:600;letter-spacing:.02em;`,
  ),
  h2: trusted(`margin:0 0 10px;font-size:17px;line-height:1.35;font-weight:700;color:${COLOR.ink};`),
  h3: trusted(`margin:12px 0 6px;font-size:14px;line-height:1.4;font-weight:700;color:${COLOR.ink};`),
  p: trusted(`margin:0 0 8px;font-size:15px;line-height:1.5;color:${COLOR.ink};`),
  small: trusted(`font-size:13px;line-height:1.45;color:${COLOR.muted};`),
  table: trusted('width:100%;border-collapse:collapse;'),
  td: trusted(
    `padding:5px 0;border-bottom:1px solid ${COLOR.line};font-size:15px;line-height:1.4;vertical-align:top;`,
  ),
  tdNum: trusted(
    `padding:5px 0 5px 12px;border-bottom:1px solid ${COLOR.line};font-size:15px;line-height:1.4;text-align:right;white-space:nowrap;vertical-align:top;`,
  ),
  th: trusted(
    `padding:4px 0;border-bottom:1px solid ${COLOR.line};font-size:12px;line-height:1.4;color:${COLOR.muted};font-weight:600;text-align:left;`,
  ),
  thNum: trusted(
    `padding:4px 0 4px 12px;border-bottom:1px solid ${COLOR.line};font-size:12px;line-height:1.4;color:${COLOR.muted};font-weight:600;text-align:right;white-space:nowrap;`,
  ),
  item: trusted(`padding:10px 0;border-bottom:1px solid ${COLOR.line};`),
  itemTitle: trusted(`margin:0;font-size:15px;line-height:1.4;font-weight:600;color:${COLOR.ink};`),
  itemMeta: trusted(`margin:2px 0 0;font-size:13px;line-height:1.45;color:${COLOR.muted};`),
  itemText: trusted(`margin:4px 0 0;font-size:14px;line-height:1.5;color:${COLOR.ink};`),
  badge: (fg: string, bg: string) =>
    trusted(
      `display:inline-block;padding:1px 6px;border-radius:4px;font-size:12px;line-height:1.5;font-weight:700;color:${fg};background:${bg};white-space:nowrap;`,
    ),
  figure: trusted(
    `padding:10px 4px;text-align:center;vertical-align:top;background:${COLOR.soft};border-radius:6px;`,
  ),
  figureNum: (color: string) =>
    trusted(`display:block;font-size:24px;line-height:1.2;font-weight:700;color:${color};`),
  figureLabel: trusted(`display:block;margin-top:2px;font-size:12px;line-height:1.3;color:${COLOR.muted};`),
  alertCell: trusted(
    `padding:16px 20px;border-top:1px solid ${COLOR.line};background:${COLOR.alertBg};border-left:4px solid ${COLOR.alert};font-family:${FONT};`,
  ),
  alertH2: trusted(`margin:0 0 6px;font-size:18px;line-height:1.35;font-weight:700;color:${COLOR.alert};`),
  agencyHead: trusted(
    `padding:12px 0 4px;font-size:15px;line-height:1.4;font-weight:700;color:${COLOR.ink};border-bottom:1px solid ${COLOR.alertLine};`,
  ),
  alertTd: trusted(
    `padding:8px 0;border-bottom:1px solid ${COLOR.alertLine};font-size:15px;line-height:1.4;vertical-align:top;`,
  ),
  alertTdNum: trusted(
    `padding:8px 0 8px 12px;border-bottom:1px solid ${COLOR.alertLine};font-size:14px;line-height:1.4;text-align:right;white-space:nowrap;vertical-align:top;font-weight:700;color:${COLOR.alert};`,
  ),
  footer: trusted(`padding:16px 20px 20px;border-top:1px solid ${COLOR.line};font-family:${FONT};`),
  preheader: trusted(
    'display:none;max-height:0;max-width:0;overflow:hidden;opacity:0;mso-hide:all;font-size:1px;line-height:1px;color:transparent;',
  ),
};

export const documentHtml = (locale: Locale, title: string, preheader: string, rows: Html[]): string =>
  `<!doctype html>\n${
    html`<html lang="${locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light">
<meta name="supported-color-schemes" content="light">
<meta name="format-detection" content="telephone=no,date=no,address=no,email=no">
<title>${title}</title>
</head>
<body style="${S.body}">
<div style="${S.preheader}">${preheader}</div>
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="background:${trusted(COLOR.page)};">
<tr><td align="center" style="padding:12px 8px;">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="${S.card}">
${rows}
</table>
</td></tr>
</table>
</body>
</html>
`.value
  }`;

export const para = (text: string, style: Html = S.p): Html => html`<p style="${style}">${text}</p>`;

const NOWRAP_MASK = `<span style="white-space:nowrap;">${MASKED_PHONE}</span>`;
/** User text for HTML: masked first, then escaped, then a masked number is kept on one line. */
export const asHtml = (masked: string): Html =>
  trusted(escapeHtml(masked).replaceAll(MASKED_PHONE, NOWRAP_MASK));

export const linkHtml = (url: string): Html =>
  html`<a href="${url}" style="color:${trusted(COLOR.accent)};text-decoration:underline;word-break:break-all;">${url}</a>`;
