import { describe, expect, it } from 'vitest';
import { briefingActionSchema, newBriefingSchema } from '#domain/briefing';
import { caseActionSchema, openCaseSchema } from '#domain/case';
import { reportActionSchema, reportSubmissionSchema } from '#domain/report';
import { multiLineText, oneLineText, textProblem } from '#domain/text';
import { loadAppConfig } from '#infra/config/index';
import { aReport } from '#test/support/report-body';

const config = loadAppConfig('dev');
const CONTROLS = [
  ...Array.from({ length: 0x20 }, (_, i) => i),
  ...Array.from({ length: 0x21 }, (_, i) => 0x7f + i),
].map((c) => String.fromCharCode(c));
const BIDI = ['\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069'];
const hex = (s: string) => `U+${s.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;

describe('one-line text', () => {
  const field = oneLineText(1, 200);
  it.each(CONTROLS.map((c) => [hex(c), c]))('rejects %s inside the text', (_n, c) => {
    expect(textProblem(`a${c}b`, 'one-line')).not.toBeNull();
    expect(field.safeParse(`a${c}b`).success).toBe(false);
  });
  it.each(BIDI.map((c) => [hex(c), c]))('rejects the bidi control %s', (_n, c) => {
    expect(field.safeParse(`a${c}b`).success).toBe(false);
  });
  it.each([
    ['CRLF', 'a\r\nb'],
    ['U+2028', 'a\u2028b'],
    ['U+2029', 'a\u2029b'],
    ['a lone surrogate', 'a\ud800b'],
  ])('rejects %s', (_n, s) => {
    expect(field.safeParse(s).success).toBe(false);
  });
  it('accepts Vietnamese, emoji, marks and RTL text, trimmed', () => {
    expect(field.parse('  Ngập nước đường Nguyễn Hữu Cảnh 🌧️ \u200Fعربي  ')).toBe(
      'Ngập nước đường Nguyễn Hữu Cảnh 🌧️ \u200Fعربي',
    );
  });
});

describe('multi-line text', () => {
  const field = multiLineText(1, 5000);
  it('accepts LF and tab, and stores CRLF as LF', () => {
    expect(field.parse('dòng 1\n\tdòng 2')).toBe('dòng 1\n\tdòng 2');
    expect(field.parse('dòng 1\r\ndòng 2\r\n')).toBe('dòng 1\ndòng 2');
  });
  it.each(CONTROLS.filter((c) => c !== '\n' && c !== '\t').map((c) => [hex(c), c]))(
    'rejects %s (a CR not followed by LF included)',
    (_n, c) => {
      expect(field.safeParse(`a${c}b`).success).toBe(false);
    },
  );
  it.each(BIDI.map((c) => [hex(c), c]))('rejects the bidi control %s', (_n, c) => {
    expect(field.safeParse(`a\n${c}b`).success).toBe(false);
  });
  it('counts the length after CRLF becomes LF', () => {
    expect(multiLineText(1, 3).safeParse('a\r\nb').success).toBe(true);
  });
});

describe('every free-text request field has its kind', () => {
  const report = aReport({
    title: 'Tiêu đề',
    summary: 'Tóm tắt',
    sentiment: 'neutral',
    observedAt: '2026-11-26T02:00:00Z',
  });
  const caseActions = caseActionSchema(config);
  const cases: [string, (v: string) => boolean, 'one-line' | 'multi-line'][] = [
    [
      'report title',
      (v) => reportSubmissionSchema(config).safeParse({ ...report, title: v }).success,
      'one-line',
    ],
    [
      'report summary',
      (v) => reportSubmissionSchema(config).safeParse({ ...report, summary: v }).success,
      'multi-line',
    ],
    [
      'dismiss reason',
      (v) => reportActionSchema.safeParse({ action: 'dismiss', reason: v }).success,
      'one-line',
    ],
    [
      'case title',
      (v) =>
        openCaseSchema(config).safeParse({ reportIds: ['01JZ0000000000000000000000'], title: v }).success,
      'one-line',
    ],
    [
      'case summary',
      (v) =>
        openCaseSchema(config).safeParse({ reportIds: ['01JZ0000000000000000000000'], summary: v }).success,
      'multi-line',
    ],
    ['reopen reason', (v) => caseActions.safeParse({ action: 'reopen', reason: v }).success, 'one-line'],
    ['comment note', (v) => caseActions.safeParse({ action: 'comment', note: v }).success, 'multi-line'],
    [
      'finding',
      (v) => caseActions.safeParse({ action: 'respond', finding: v, response: 'r' }).success,
      'multi-line',
    ],
    [
      'response',
      (v) => caseActions.safeParse({ action: 'respond', finding: 'f', response: v }).success,
      'multi-line',
    ],
    [
      'briefing title',
      (v) => newBriefingSchema.safeParse({ title: v, startsAt: '2099-01-01T00:00:00Z' }).success,
      'one-line',
    ],
    [
      'briefing location',
      (v) =>
        newBriefingSchema.safeParse({ title: 'Họp báo', startsAt: '2099-01-01T00:00:00Z', location: v })
          .success,
      'one-line',
    ],
    [
      'cancel reason',
      (v) => briefingActionSchema.safeParse({ action: 'cancel', reason: v }).success,
      'one-line',
    ],
  ];
  it.each(cases)('%s', (_name, accepts, kind) => {
    expect(accepts('Dòng một hợp lệ')).toBe(true);
    expect(accepts('Dòng một\nDòng hai')).toBe(kind === 'multi-line');
    expect(accepts('Dòng một\r\nDòng hai')).toBe(kind === 'multi-line');
    expect(accepts('Dòng một\rDòng hai')).toBe(false);
    expect(accepts('Tên\u202Egnp.exe')).toBe(false);
    expect(accepts('Tên\u2066x\u2069')).toBe(false);
    expect(accepts('Tên\u0085x')).toBe(false);
    expect(accepts('Tên\u001bx')).toBe(false);
  });
});
