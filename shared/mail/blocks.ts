// The neutral model every email is written in, once: a list of rows (the bands
// of the email's card: header, lead, callout, figures, sections, footer), each
// holding blocks (paragraphs, subheadings, tables, item lists) made of inline
// pieces (text, user text, small print, badges, links, line breaks). Two small
// renderers turn it into the HTML part (blocks-html.ts) and the text part
// (blocks-text.ts); an email file only decides what is said, in what order.
//
// Where the text part lays something out its own way, the model says so
// explicitly: `text` on a table row or item (its one text line), `gap`,
// `blank` and `only` (a row or block that exists in one part only).

/** Inline content. A string is plain text (escaped in HTML); user text must be masked before it gets here. */
export type Inline =
  | string
  | { user: string }
  | { small: Inline[] }
  | { badge: string; tone: BadgeTone }
  | { link: string }
  | { br: true };

export type BadgeTone = 'accent' | 'warn' | 'alert';

/** Masked user text: escaped in HTML with a masked number kept on one line. */
export const user = (text: string): Inline => ({ user: text });
export const small = (...content: Inline[]): Inline => ({ small: content });
export const badge = (label: string, tone: BadgeTone): Inline => ({ badge: label, tone });
export const link = (url: string): Inline => ({ link: url });
export const br: Inline = { br: true };

/** One column of a chart; `tick`: its label under the axis (null: none). */
export interface ChartPoint {
  value: number;
  tick: string | null;
}

/** Filled cells of a column, out of CHART_LEVELS: none for 0, at least one for any other value. */
export const CHART_LEVELS = 6;
export const chartLevel = (value: number, max: number): number =>
  value <= 0 || max <= 0 ? 0 : Math.max(1, Math.round((value / max) * CHART_LEVELS));

export type ParaStyle = 'body' | 'note' | 'lastNote' | 'strong';

export interface TableRow {
  cells: Inline[][];
  /** The row in the text part (a bullet); default `<first cell>: <second cell>`. */
  text?: string;
}

export interface TableGroup {
  /** A heading row over the group (colspan); in the text part a paragraph, after a blank line when `gap`. */
  head?: { content: Inline[]; text: string; gap: boolean };
  rows: TableRow[];
  /** "… and N more", as the last row. */
  more?: string | null;
}

export interface Item {
  title: Inline[];
  /** The lines under the title; null keeps an empty slot in the markup. */
  lines: ({ content: Inline[]; style: 'meta' | 'text' } | null)[];
  /** Badges on their own line in HTML, `[a, b]` after the title in the text part. */
  tags?: { labels: string[]; tone: BadgeTone };
  /** The item as one text bullet, when the text part does not list title and lines. */
  text?: string;
}

export type Block = (
  | {
      kind: 'para';
      content: Inline[];
      style?: ParaStyle /** In the text part: a bullet at this level. */;
      bullet?: number;
    }
  | { kind: 'subhead'; text: string /** In the text part: `<text>:` (else nothing). */; label: boolean }
  | {
      kind: 'table';
      /** `counts`: label and number columns; `details`: label and value; `alert`: the overdue look. */
      look: 'counts' | 'alert' | 'details';
      /** Column heads; `[]` is an empty head row. */
      head?: string[];
      groups: TableGroup[];
      /** The text part's bullet level. */
      level?: number;
    }
  | { kind: 'items'; items: Item[]; more?: string | null }
  /**
   * A small column chart (a topic's reports per day): in HTML a table of
   * coloured cells, one column per point (it renders in Outlook and Gmail, which
   * drop inline SVG); in the text part one line of block characters.
   */
  | { kind: 'chart'; points: ChartPoint[] /** The text part's words after the bars. */; caption: string }
  /** A blank line in the text part. */
  | { kind: 'blank' }
) & { only?: 'html' | 'text' };

/** One place in a row's body: a block, blocks side by side, or nothing (an empty slot in the markup). */
export type Slot = Block | Block[] | null;

export interface Figure {
  label: string;
  value: number;
  alert?: boolean;
}

export type Row = (
  | {
      kind: 'header';
      eyebrow: string;
      heading: string;
      sub: string | null /** Text: `EYEBROW — HEADING` or stacked. */;
      joined: boolean;
    }
  | { kind: 'lead'; body: Block[] }
  | { kind: 'callout'; label: string; value: string; sub?: string; alert: boolean; strike?: boolean }
  | { kind: 'figures'; figures: Figure[]; inText: boolean }
  | {
      kind: 'section';
      title: string;
      body: Slot[];
      /** `alert`: the overdue look; `compact`: title and body on one line of markup. */
      look?: 'alert' | 'compact';
    }
  /** A section without a title; `spaced`: its slots on lines of their own in the markup. */
  | { kind: 'plain'; body: Slot[]; spaced?: boolean }
  | { kind: 'footer'; lines: string[] }
) & {
  only?: 'html' | 'text';
  /** In the text part, a blank line before the row (default true). */
  gap?: boolean;
};

export const para = (content: Inline | Inline[], style?: ParaStyle): Block => ({
  kind: 'para',
  content: Array.isArray(content) ? content : [content],
  ...(style ? { style } : {}),
});

export const section = (title: string, ...body: Slot[]): Row => ({ kind: 'section', title, body });

/** One table of label and number rows (counts by category, status…). */
export const counts = (rows: { label: string; value: string }[], level = 0): Block => ({
  kind: 'table',
  look: 'counts',
  head: [],
  groups: [{ rows: rows.map((r) => ({ cells: [[r.label], [r.value]] })) }],
  level,
});

/** The text of inline content, as the text part shows it. */
export const plain = (content: Inline[]): string =>
  content
    .map((c) => {
      if (typeof c === 'string') return c;
      if ('user' in c) return c.user;
      if ('small' in c) return plain(c.small);
      if ('badge' in c) return `[${c.badge}]`;
      if ('link' in c) return c.link;
      return '\n';
    })
    .join('');
