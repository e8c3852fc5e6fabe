import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Conflict } from '#domain/errors';
import {
  allowedReportActions,
  applyReportAction,
  newReport,
  REPORT_STATUSES,
  type Report,
  reportActionSchema,
  reportListQuerySchema,
  reportSubmissionSchema,
} from '#domain/report';
import { loadAppConfig } from '#infra/config/index';
import { aReport } from '#test/support/report-body';

const config = loadAppConfig('dev');
const schema = reportSubmissionSchema(config);
const now = new Date('2026-11-26T03:00:00.000Z');

const valid = aReport({
  title: 'Ngập nước đường Nguyễn Hữu Cảnh',
  summary: 'Người dân phản ánh ngập sâu sau mưa.',
  area: 'binh-thanh',
  urgency: 'high',
  sourceUrls: ['https://facebook.com/groups/x/posts/1'],
  observedAt: '2026-11-26T01:00:00Z',
  reach: 1200,
});

const errorPaths = (input: unknown) => {
  const r = schema.safeParse(input);
  return r.success ? [] : r.error.issues.map((i) => i.path.join('.'));
};

describe('report submission schema', () => {
  it('accepts a valid report and defaults sourceUrls', () => {
    expect(schema.safeParse(valid).success).toBe(true);
    const { sourceUrls: _s, reach: _r, ...minimal } = valid;
    expect(schema.parse(minimal).sourceUrls).toEqual([]);
  });

  it.each([
    ['title', 'ab'],
    ['title', 'x'.repeat(201)],
    ['title', '   a  '],
    ['summary', ''],
    ['summary', 'x'.repeat(5001)],
    ['category', 'weather'],
    ['area', 'district-99'],
    ['channel', 'tv'],
    ['sentiment', 'angry'],
    ['urgency', 'low'],
    ['sourceUrls', ['ftp://example.com/x']],
    ['sourceUrls', ['javascript:alert(1)']],
    ['sourceUrls', [`https://example.com/${'a'.repeat(2048)}`]],
    ['sourceUrls', Array.from({ length: 11 }, (_, i) => `https://e.com/${i}`)],
    ['observedAt', '2026-11-26'],
    ['observedAt', 'yesterday'],
    ['reach', -1],
    ['reach', 1.5],
    ['reach', '100'],
    ['title', 'bad \ud800 surrogate'],
    ['summary', 'nul \u0000 byte'],
  ])('rejects %s = %j', (field, value) => {
    expect(errorPaths({ ...valid, [field]: value })[0]).toBe(
      field === 'sourceUrls' && Array.isArray(value) && value.length <= 10 ? 'sourceUrls.0' : field,
    );
  });

  it.each(['id', 'status', 'version', 'submittedBy', 'caseId', 'submittedAt', '__proto__', 'constructor'])(
    'rejects the server field or unknown key %s (mass assignment)',
    (key) => {
      const body = JSON.parse(JSON.stringify({ ...valid }));
      Object.defineProperty(body, key, { value: 'x', enumerable: true });
      expect(schema.safeParse(body).success).toBe(false);
    },
  );

  it('reports every missing field', () => {
    expect(errorPaths({}).sort()).toEqual(
      ['area', 'category', 'channel', 'observedAt', 'sentiment', 'summary', 'title', 'urgency'].sort(),
    );
  });

  it('rejects any value of a wrong type (property)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...Object.keys(valid)),
        fc.oneof(
          fc.integer(),
          fc.boolean(),
          fc.constant(null),
          fc.object(),
          fc.array(fc.integer(), { minLength: 1 }),
        ),
        (field, value) => {
          fc.pre(!(field === 'reach' && typeof value === 'number' && value >= 0)); // a count is reach's type
          expect(schema.safeParse({ ...valid, [field]: value }).success).toBe(false);
        },
      ),
      { seed: 7, numRuns: 300 },
    );
  });
});

describe('observedAt window', () => {
  const make = (observedAt: string) =>
    newReport(schema.parse({ ...valid, observedAt }), {
      id: '01JZ0000000000000000000000',
      submittedBy: 'u1',
      now,
    });

  it('accepts up to 5 minutes ahead and 30 days back, normalizing to UTC', () => {
    expect(make('2026-11-26T03:04:59Z').observedAt).toBe('2026-11-26T03:04:59.000Z');
    expect(make('2026-10-27T03:00:01Z').observedAt).toBe('2026-10-27T03:00:01.000Z');
    expect(make('2026-11-26T10:00:00+07:00').observedAt).toBe('2026-11-26T03:00:00.000Z');
  });
  it('rejects the future and the stale', () => {
    expect(() => make('2026-11-26T03:05:01Z')).toThrow(/not valid/);
    expect(() => make('2026-10-27T02:59:59Z')).toThrow(/not valid/);
  });
  it('sets only server fields the server owns', () => {
    const r = make('2026-11-26T02:00:00Z');
    expect(r).toMatchObject({
      status: 'new',
      caseId: null,
      submittedBy: 'u1',
      version: 1,
      submittedAt: now.toISOString(),
    });
  });
});

describe('report actions', () => {
  const base = newReport(schema.parse(valid), { id: '01JZ0000000000000000000000', submittedBy: 'u1', now });
  const at = (status: Report['status']): Report => ({ ...base, status });

  it('follows the transition table for every status × action', () => {
    const expected: Record<string, Record<string, string | null>> = {
      new: { dismiss: 'dismissed', restore: null },
      linked: { dismiss: null, restore: null },
      dismissed: { dismiss: null, restore: 'new' },
    };
    for (const status of REPORT_STATUSES) {
      for (const action of [{ action: 'dismiss', reason: 'spam' } as const, { action: 'restore' } as const]) {
        const to = expected[status]![action.action];
        if (to === null) expect(() => applyReportAction(at(status), action, now)).toThrow(Conflict);
        else expect(applyReportAction(at(status), action, now).status).toBe(to);
      }
    }
    expect(allowedReportActions('linked')).toEqual([]);
  });

  it('names the current status and allowed actions in the conflict', () => {
    try {
      applyReportAction(at('dismissed'), { action: 'dismiss', reason: 'again' }, now);
      expect.unreachable();
    } catch (e) {
      expect((e as Conflict).extensions).toEqual({ currentStatus: 'dismissed', allowedActions: ['restore'] });
    }
  });

  it('keeps the dismiss reason only while dismissed and bumps the version', () => {
    const dismissed = applyReportAction(base, { action: 'dismiss', reason: 'off-topic' }, now);
    expect(dismissed).toMatchObject({ dismissReason: 'off-topic', version: 2 });
    const restored = applyReportAction(dismissed, { action: 'restore' }, now);
    expect(restored.dismissReason).toBeUndefined();
    expect(restored.version).toBe(3);
  });

  it('validates action bodies strictly', () => {
    expect(reportActionSchema.safeParse({ action: 'dismiss' }).success).toBe(false);
    expect(reportActionSchema.safeParse({ action: 'restore', reason: 'x' }).success).toBe(false);
    expect(reportActionSchema.safeParse({ action: 'delete' }).success).toBe(false);
  });
});

describe('report list query', () => {
  const q = reportListQuerySchema(config);
  it('defaults and bounds the limit', () => {
    expect(q.parse({}).limit).toBe(25);
    expect(q.safeParse({ limit: '0' }).success).toBe(false);
    expect(q.safeParse({ limit: '101' }).success).toBe(false);
    expect(q.safeParse({ limit: 'ten' }).success).toBe(false);
  });
  it('rejects unknown parameters and bad dates', () => {
    expect(q.safeParse({ sort: 'asc' }).success).toBe(false);
    expect(q.safeParse({ date: '2026-02-30' }).success).toBe(false);
  });
});
