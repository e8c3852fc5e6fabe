import { describe, expect, it } from 'vitest';
import { buildOpenApi } from '#http/openapi';
import { describeSchema, renderReferencePage } from '#http/reference-page';
import { loadAppConfig } from '#infra/config/index';

describe('the reference page', () => {
  it('escapes every text it takes from the document', () => {
    const html = renderReferencePage({
      info: { title: '<b>x</b>', version: '1', description: 'a `<i>` b' },
      servers: [{ url: 'http://h"><script>', description: '' }],
      paths: {
        '/a/{id}': {
          get: {
            summary: '<script>alert(1)</script>',
            security: [],
            parameters: [{ name: '"><img>', in: 'query', schema: { enum: ['<x>'] } }],
            responses: { '200': { description: '<y>' } },
          },
        },
      },
    });
    expect(html).not.toMatch(/<script|<img|<b>|<i>|<x>|<y>/);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('<code>&lt;i&gt;</code>');
  });

  it('describes schemas in words: enums, bounds, formats, unions, arrays', () => {
    expect(describeSchema({ type: 'string', minLength: 1, maxLength: 10 })).toBe(
      'string (min length 1, max length 10)',
    );
    expect(describeSchema({ type: 'string', format: 'date-time', pattern: '^.*$' })).toBe(
      'string (date-time)',
    );
    expect(describeSchema({ enum: ['a', 'b'] })).toBe('one of "a", "b"');
    expect(describeSchema({ anyOf: [{ type: 'string' }, { type: 'null' }] })).toBe('string or null');
    expect(describeSchema({ type: 'array', items: { type: 'integer' }, maxItems: 3 })).toBe(
      'array of integer (max items 3)',
    );
    expect(describeSchema({ type: 'integer', minimum: -9007199254740991 })).toBe('integer');
  });

  it('renders the real document: one section per operation', () => {
    const doc = buildOpenApi(loadAppConfig('dev'));
    const html = renderReferencePage(doc);
    const operations = Object.values(doc.paths).flatMap((item) => Object.keys(item));
    expect(html.match(/<section id=/g)).toHaveLength(operations.length);
  });
});
