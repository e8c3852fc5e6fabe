// Each environment's config is validated by one zod schema; a bad or missing
// field fails (at synth and at cold start) with the field's path in the message.
import { describe, expect, it } from 'vitest';
import { loadAppConfig } from '../../infra/config';
import { dev } from '../../infra/config/dev';
import { prod } from '../../infra/config/prod';
import { parseAppConfig } from '../../shared/config/schema';

describe('environment configs', () => {
  it.each(['dev', 'staging', 'prod'])('%s is valid', (env) => {
    expect(loadAppConfig(env).env).toBe(env);
  });

  it('refuses an unknown environment by name', () => {
    expect(() => loadAppConfig('qa')).toThrow(/Unknown environment "qa"/);
  });

  it.each([
    ['timeZone', { ...dev, timeZone: 'Mars/Olympus' }],
    ['senderAddress', { ...dev, senderAddress: 'not an address' }],
    ['region', { ...dev, region: 'moon' }],
    ['briefings.startTime', { ...dev, briefings: { ...dev.briefings, startTime: '25:00' } }],
    ['routing.0.agencyId', { ...dev, routing: [{ category: 'transport', agencyId: 'nobody' }] }],
    ['emailAllowList', { ...dev, emailAllowList: undefined }],
    ['summaryRecipients', { ...dev, summaryRecipients: [] }],
    ['retention', (({ retention: _r, ...rest }) => rest)(dev)],
    ['unexpected', { ...prod, unexpected: true }],
  ])('names the bad field %s', (field, input) => {
    expect(() => parseAppConfig(input, 'infra/config/test.ts')).toThrow(
      new RegExp(`infra/config/test.ts[\\s\\S]*${field.replace('.', '\\.')}`),
    );
  });

  it('needs no allow-list in prod only', () => {
    expect(parseAppConfig(prod, 'prod').emailAllowList).toBeUndefined();
    expect(() => parseAppConfig({ ...prod, env: 'staging' }, 'staging')).toThrow(
      /emailAllowList: required outside prod/,
    );
  });
});
