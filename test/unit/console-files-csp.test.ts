// The console's CSP lets it reach the evidence files bucket: the XHR upload
// (connect-src) and the thumbnails of signed links (img-src), locally and on AWS;
// without a bucket nothing changes.
import { describe, expect, it } from 'vitest';
import { filesBucketOrigin } from '#infra/aws/constructs/console-site';
import { consoleHeaders } from '#infra/local/console-server';
import { consoleCsp } from '#web/csp';

const directive = (csp: string, name: string) =>
  csp
    .split('; ')
    .find((d) => d.startsWith(`${name} `))
    ?.split(' ')
    .slice(1);

describe('the console CSP and the files bucket', () => {
  it('allows uploads to and images from the bucket, and nothing else more', () => {
    const csp = consoleCsp({ apiOrigin: 'https://api.example', fileOrigins: ['https://files.example'] });
    expect(directive(csp, 'connect-src')).toEqual(["'self'", 'https://api.example', 'https://files.example']);
    expect(directive(csp, 'img-src')).toEqual(["'self'", 'data:', 'https://files.example']);
    expect(directive(csp, 'form-action')).toEqual(["'self'"]);
    expect(consoleCsp({ apiOrigin: 'https://api.example' })).not.toContain('files.example');
  });

  it("names the local S3 server's origin on the local console", () => {
    const csp = consoleHeaders('http://127.0.0.1:3000', 'http://127.0.0.1:4569/')['content-security-policy']!;
    expect(directive(csp, 'connect-src')).toContain('http://127.0.0.1:4569');
    expect(directive(csp, 'img-src')).toContain('http://127.0.0.1:4569');
  });

  it("names the region's S3 hosts on AWS (the bucket is virtual-hosted)", () => {
    expect(filesBucketOrigin({ region: 'ap-southeast-1' } as never)).toBe(
      'https://*.s3.ap-southeast-1.amazonaws.com',
    );
  });
});
