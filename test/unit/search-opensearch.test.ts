// The OpenSearch option of search (issue 18, §5; shared/store/README.md,
// "Search"): the `_search` body a list's `q` becomes, and the SigV4 signature
// of the request for service `aoss`, pinned with fixed keys and date. No live
// OpenSearch.
import { describe, expect, it } from 'vitest';
import { parseAppConfig } from '#config/schema';
import { INDEXED_FIELDS, pipelineBody } from '#infra/aws/constructs/search';
import { dev } from '#infra/config/dev';
import { sigv4Headers } from '#shared/aws/sigv4';
import { casesQuery, OPENSEARCH_INDEX, openSearchBody, reportsQuery } from '#store/search-opensearch';

const now = new Date('2026-06-15T03:00:00.000Z');
const config = parseAppConfig({ ...dev, search: { engine: 'opensearch' } }, 'test');

describe('OpenSearch query body', () => {
  it('reports: every word in the folded fields, filters as terms, last 12 months, newest first', () => {
    const body = openSearchBody(
      reportsQuery({ config }, { q: 'vỡ đê', limit: 20, status: 'new', area: 'hcm' } as never, now),
    );
    expect(body).toEqual({
      size: 20,
      _source: false,
      query: {
        bool: {
          must: [
            {
              multi_match: {
                query: 'vỡ đê',
                fields: ['title.folded', 'summary.folded'],
                type: 'cross_fields',
                operator: 'and',
              },
            },
          ],
          filter: [
            { term: { kind: 'report' } },
            { range: { time: { gte: '2025-06-15T03:00:00.000Z' } } },
            { term: { status: 'new' } },
            { term: { area: 'hcm' } },
          ],
        },
      },
      sort: [{ time: 'desc' }, { id: 'asc' }],
    });
  });

  it('cases: finding and response searched too, agency, tag key and overdue as filters, search_after as the cursor', () => {
    const q = casesQuery({ q: 'de', limit: 5, agency: 'ag1', tag: 'Lũ Lụt', overdue: 'true' } as never, now);
    const body = openSearchBody({ ...q, after: ['2026-06-01T00:00:00.000Z', '01J'] });
    const bool = (
      body.query as { bool: { must: { multi_match: { fields: string[] } }[]; filter: unknown[] } }
    ).bool;
    expect(bool.must[0]?.multi_match.fields).toEqual([
      'title.folded',
      'summary.folded',
      'finding.folded',
      'response.folded',
    ]);
    expect(bool.filter).toContainEqual({ term: { kind: 'case' } });
    expect(bool.filter).toContainEqual({ term: { agencyId: 'ag1' } });
    expect(bool.filter).toContainEqual({ term: { tagKeys: 'lu lut' } });
    expect(bool.filter).toContainEqual({
      bool: {
        filter: [{ term: { status: 'verifying' } }, { range: { dueAt: { lt: '2026-06-15T03:00:00.000Z' } } }],
      },
    });
    expect(body.search_after).toEqual(['2026-06-01T00:00:00.000Z', '01J']);
    expect(body.size).toBe(5);
  });
});

describe('SigV4 for aoss', () => {
  it('signs a _search POST to a fixed Authorization header', () => {
    const body = '{"size":1}';
    const headers = sigv4Headers(
      {
        method: 'POST',
        host: 'abc123.ap-southeast-1.aoss.amazonaws.com',
        path: `/${OPENSEARCH_INDEX}/_search`,
        headers: { 'content-type': 'application/json' },
        body,
        region: 'ap-southeast-1',
        service: 'aoss',
        now: new Date('2026-01-02T03:04:05.678Z'),
      },
      {
        accessKeyId: 'AKIDEXAMPLE',
        secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY',
        sessionToken: 'token',
      },
    );
    expect(headers['x-amz-date']).toBe('20260102T030405Z');
    expect(headers['x-amz-content-sha256']).toBe(
      'fe36923e15fedd49a241f76219620a46e7bd8bfb6f17ddeffe18b0299b8b1028',
    );
    expect(headers['x-amz-security-token']).toBe('token');
    // The same value @smithy/signature-v4 (the AWS SDK's signer) gives for this request.
    expect(headers.authorization).toBe(
      'AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20260102/ap-southeast-1/aoss/aws4_request, SignedHeaders=content-type;host;x-amz-content-sha256;x-amz-date;x-amz-security-token, Signature=1d7eb693d14acdc1de84fc68c73f7680a66efbc4527d0f6897cbe48d80e2fb9c',
    );
  });
});

describe('the ingestion pipeline', () => {
  it('reads the table by export and stream, keeps reports and cases only, and indexes search fields only', () => {
    const body = JSON.parse(
      pipelineBody({
        tableArn: 'arn:aws:dynamodb:ap-southeast-1:1:table/t',
        bucket: 'b',
        region: 'ap-southeast-1',
        roleArn: 'arn:aws:iam::1:role/r',
        endpoint: 'https://c.aoss.amazonaws.com',
      }),
    )['desk-search'];
    expect(body.source.dynamodb.tables[0]).toMatchObject({ export: { s3_bucket: 'b' }, stream: {} });
    expect(body.route).toEqual([{ 'reports-and-cases': '/entity == "report" or /entity == "case"' }]);
    expect(body.sink[0].opensearch).toMatchObject({
      index: OPENSEARCH_INDEX,
      document_id: `\${/id}`,
      routes: ['reports-and-cases'],
      aws: { serverless: true },
    });
    const kept = body.processor[1].select_entries.include_keys as string[];
    expect(kept).toEqual([...INDEXED_FIELDS]);
    // Nothing about the reporter reaches the index.
    for (const field of ['submittedBy', 'reporterEmail', 'contact']) expect(kept).not.toContain(field);
  });
});
