// The search engine option (issue 18, §5): the table's own index by default in
// every environment; `opensearch` builds an OpenSearch Serverless collection
// fed from the table by an OpenSearch Ingestion pipeline (DynamoDB zero-ETL),
// and points the report and case lists at it.
import { App } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks } from 'cdk-nag';
import { describe, expect, it } from 'vitest';
import { ENVIRONMENTS, parseAppConfig } from '#config/schema';
import { OpinionDeskStage } from '#infra/aws/stage';
import { dev } from '#infra/config/dev';
import { loadAppConfig } from '#infra/config/index';

const cdkJson = (await import('../../cdk.json', { with: { type: 'json' } })).default as {
  context: Record<string, unknown>;
};

const SEARCH_TYPES = [
  'AWS::OpenSearchServerless::Collection',
  'AWS::OpenSearchServerless::SecurityPolicy',
  'AWS::OpenSearchServerless::AccessPolicy',
  'AWS::OSIS::Pipeline',
];

const synth = (engine: 'table' | 'opensearch') => {
  const base = loadAppConfig('staging');
  const config = { ...base, search: { ...base.search, engine } };
  const app = new App({ context: { ...cdkJson.context, 'aws:cdk:bundling-stacks': [] } });
  const stage = new OpinionDeskStage(app, 'Search', { config });
  return { app, template: Template.fromStack(stage.appStack) };
};

describe('search.engine', () => {
  it.each(ENVIRONMENTS)('%s searches with the table by default', (env) => {
    expect(loadAppConfig(env).search.engine).toBe('table');
  });

  it('is off (table) when a config leaves it out, and refuses an unknown engine', () => {
    const { search: _s, ...rest } = dev;
    expect(parseAppConfig(rest, 'test').search).toEqual({ engine: 'table' });
    expect(() => parseAppConfig({ ...dev, search: { engine: 'elastic' } }, 'test')).toThrow();
  });

  it("'table' builds none of OpenSearch's resources", () => {
    const { template } = synth('table');
    for (const type of SEARCH_TYPES) expect(Object.keys(template.findResources(type))).toEqual([]);
    expect(JSON.stringify(template.toJSON())).not.toContain('SEARCH_ENDPOINT');
  }, 120_000);

  it("'opensearch' builds the collection, its policies, the pipeline from the table, and wires the lists; cdk-nag is clean", () => {
    const { app, template } = synth('opensearch');
    template.resourceCountIs('AWS::OpenSearchServerless::Collection', 1);
    template.hasResourceProperties('AWS::OpenSearchServerless::Collection', { Type: 'SEARCH' });
    const policies = Object.values(template.findResources('AWS::OpenSearchServerless::SecurityPolicy')).map(
      (r) => r.Properties.Type,
    );
    expect(policies.sort()).toEqual(['encryption', 'network']);
    template.resourceCountIs('AWS::OpenSearchServerless::AccessPolicy', 1);

    const pipeline = Object.values(template.findResources('AWS::OSIS::Pipeline'))[0]?.Properties;
    const body = JSON.stringify(pipeline?.PipelineConfigurationBody);
    for (const piece of ['dynamodb', 'export', 'stream', 'serverless', 'entity == \\\\\\"report\\\\\\"'])
      expect(body).toContain(piece);

    // The export bucket: private, encrypted, TLS only.
    template.hasResourceProperties('AWS::S3::Bucket', {
      PublicAccessBlockConfiguration: Match.objectLike({
        BlockPublicAcls: true,
        RestrictPublicBuckets: true,
      }),
      BucketEncryption: Match.anyValue(),
    });
    template.hasResourceProperties('AWS::S3::BucketPolicy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
        ]),
      },
    });

    // Only the report and case list functions may query the collection, and know its endpoint.
    const readers = Object.entries(template.findResources('AWS::IAM::Policy'))
      .filter(([, p]) => JSON.stringify(p.Properties.PolicyDocument).includes('"aoss:APIAccessAll"'))
      .map(([id]) => id)
      .filter((id) => !id.includes('PipelineRole'));
    expect(readers.sort()).toEqual([
      expect.stringMatching(/^Httpcases/),
      expect.stringMatching(/^Httpreports/),
    ]);
    const withEndpoint = Object.entries(template.findResources('AWS::Lambda::Function'))
      .filter(([, f]) => f.Properties.Environment?.Variables?.SEARCH_ENDPOINT)
      .map(([id]) => id);
    expect(withEndpoint.sort()).toEqual([
      expect.stringMatching(/^Httpcases/),
      expect.stringMatching(/^Httpreports/),
    ]);

    const nag = new AwsSolutionsChecks()
      .validateScope(app)
      .violations.map((v) => `${v.ruleName} ${JSON.stringify(v.violatingResources.map((r) => r.locations))}`);
    expect(nag).toEqual([]);
  }, 120_000);
});
