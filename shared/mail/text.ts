// The text toolkit of every email: a plain-text document of titles, headings,
// paragraphs and bullets, wrapped at 72 columns (blocks-text.ts builds on it).
import { wrapText } from './format';

const WIDTH = 72;

export class TextDoc {
  private readonly lines: string[] = [];

  title(text: string): this {
    this.lines.push(text.toUpperCase(), '='.repeat(Math.min(WIDTH, Array.from(text).length)));
    return this;
  }

  heading(text: string): this {
    this.blank();
    this.lines.push(text.toUpperCase(), '-'.repeat(Math.min(WIDTH, Array.from(text).length)));
    return this;
  }

  para(text: string, indent = ''): this {
    this.lines.push(...wrapText(text, WIDTH, indent, indent));
    return this;
  }

  bullet(text: string, level = 0): this {
    const indent = '  '.repeat(level);
    this.lines.push(...wrapText(text, WIDTH, `${indent}- `, `${indent}  `));
    return this;
  }

  blank(): this {
    if (this.lines.length > 0 && this.lines.at(-1) !== '') this.lines.push('');
    return this;
  }

  toString(): string {
    return `${this.lines.join('\n').trimEnd()}\n`;
  }
}
