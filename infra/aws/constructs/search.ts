// Search beyond the table (shared/store/README.md, "Search"): with the
// config's `search.engine: 'opensearch'`, an OpenSearch Serverless collection
// fed by DynamoDB's zero-ETL integration, an OpenSearch Ingestion pipeline
// that exports the table once (PITR, to a private bucket) then follows its
// stream, keeping reports and cases only (never postings, reporters or
// anything else) in one index; the functions that list reports and cases
// query it (shared/store/search-opensearch.ts). Off by default.
import { Aws, Duration, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import type { Function as LambdaFunction } from 'aws-cdk-lib/aws-lambda';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { CfnAccessPolicy, CfnCollection, CfnSecurityPolicy } from 'aws-cdk-lib/aws-opensearchserverless';
import { CfnPipeline } from 'aws-cdk-lib/aws-osis';
import { BlockPublicAccess, Bucket, BucketEncryption, type CfnBucket } from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import type { AppConfig } from '#config/schema';
import { OPENSEARCH_INDEX } from '#store/search-opensearch';

/** The fields the index keeps of a report or case: what search reads, nothing about people. */
export const INDEXED_FIELDS = [
  'id',
  'kind',
  'time',
  'title',
  'summary',
  'finding',
  'response',
  'status',
  'category',
  'area',
  'urgency',
  'agencyId',
  'tagKeys',
  'dueAt',
] as const;

const TEXT_FIELDS = ['title', 'summary', 'finding', 'response'] as const;

/** The index's mapping: text fields with a folded sub-field (marks and đ dropped), the rest exact. */
export const indexTemplate = () => ({
  template: {
    settings: {
      analysis: {
        analyzer: {
          folded: { type: 'custom', tokenizer: 'standard', filter: ['lowercase', 'asciifolding'] },
        },
      },
    },
    mappings: {
      dynamic: false,
      properties: Object.fromEntries(
        INDEXED_FIELDS.map((f) => [
          f,
          (TEXT_FIELDS as readonly string[]).includes(f)
            ? { type: 'text', fields: { folded: { type: 'text', analyzer: 'folded' } } }
            : f === 'time' || f === 'dueAt'
              ? { type: 'date' }
              : { type: 'keyword' },
        ]),
      ),
    },
  },
});

/** A Data Prepper expression in a string option, `${…}`. */
const dp = (expression: string) => `\${${expression}}`;

/** The pipeline's Data Prepper YAML (JSON is valid YAML): export + stream in, reports and cases out. */
export const pipelineBody = (o: {
  tableArn: string;
  bucket: string;
  region: string;
  roleArn: string;
  endpoint: string;
}): string =>
  JSON.stringify({
    version: '2',
    'desk-search': {
      source: {
        dynamodb: {
          acknowledgments: true,
          tables: [
            {
              table_arn: o.tableArn,
              export: { s3_bucket: o.bucket, s3_region: o.region, s3_prefix: 'export/' },
              stream: { start_position: 'LATEST' },
            },
          ],
          aws: { sts_role_arn: o.roleArn, region: o.region },
        },
      },
      route: [{ 'reports-and-cases': '/entity == "report" or /entity == "case"' }],
      processor: [
        {
          add_entries: {
            entries: [
              { key: 'kind', format: dp('/entity') },
              { key: 'time', format: dp('/submittedAt'), add_when: '/entity == "report"' },
              { key: 'time', format: dp('/openedAt'), add_when: '/entity == "case"' },
            ],
          },
        },
        { select_entries: { include_keys: [...INDEXED_FIELDS] } },
      ],
      sink: [
        {
          opensearch: {
            hosts: [o.endpoint],
            index: OPENSEARCH_INDEX,
            index_type: 'custom',
            template_type: 'index-template',
            template_content: JSON.stringify({ index_patterns: [OPENSEARCH_INDEX], ...indexTemplate() }),
            document_id: dp('/id'),
            action: dp('getMetadata("opensearch_action")'),
            document_version: dp('getMetadata("document_version")'),
            document_version_type: 'external',
            routes: ['reports-and-cases'],
            aws: { sts_role_arn: o.roleArn, region: o.region, serverless: true },
          },
        },
      ],
    },
  });

export interface OpenSearchSearchProps {
  config: AppConfig;
  table: ITableV2;
  /** The functions answering `q` on the report and case lists. */
  readers: LambdaFunction[];
}

export class OpenSearchSearch extends Construct {
  readonly collection: CfnCollection;
  readonly pipeline: CfnPipeline;
  readonly exportBucket: Bucket;

  constructor(scope: Construct, id: string, props: OpenSearchSearchProps) {
    super(scope, id);
    const { config, table, readers } = props;
    const name = `od-${config.env}-search`;
    const opts = config.search.opensearch ?? { standbyReplicas: false, maxUnits: 2 };

    const policy = (type: 'encryption' | 'network', body: unknown) =>
      new CfnSecurityPolicy(this, `${type}Policy`, {
        name: `${name}-${type.slice(0, 3)}`,
        type,
        policy: JSON.stringify(body),
      });
    const rules = [{ ResourceType: 'collection', Resource: [`collection/${name}`] }];
    // Encrypted at rest with an AWS-owned key; every request is SigV4 (IAM) authenticated.
    const encryption = policy('encryption', { Rules: rules, AWSOwnedKey: true });
    // Lambda functions outside a VPC and the pipeline reach the endpoint publicly; IAM and the data policy gate it.
    const network = policy('network', [{ Rules: rules, AllowFromPublic: true }]);

    this.collection = new CfnCollection(this, 'Collection', {
      name,
      type: 'SEARCH',
      standbyReplicas: opts.standbyReplicas ? 'ENABLED' : 'DISABLED',
    });
    this.collection.addDependency(encryption);
    this.collection.addDependency(network);

    this.exportBucket = new Bucket(this, 'ExportBucket', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      // The pipeline reads an export once, when it starts; a restart exports again.
      lifecycleRules: [{ expiration: Duration.days(30) }],
    });

    Validations.of(this.exportBucket).acknowledge({
      id: 'AwsSolutions-S1',
      reason:
        "No access log for the table export's bucket: only DynamoDB (as the pipeline's role) writes it and only the pipeline reads it, calls CloudTrail records; its objects expire.",
    });

    const exportArns = `arn:aws:dynamodb:${config.region}:${Aws.ACCOUNT_ID}:table/*/export/*`;
    const role = new Role(this, 'PipelineRole', {
      assumedBy: new ServicePrincipal('osis-pipelines.amazonaws.com'),
      description: 'opinion-desk search pipeline: read the table (export, stream), write the index',
    });
    role.addToPolicy(
      new PolicyStatement({
        actions: [
          'dynamodb:DescribeTable',
          'dynamodb:DescribeContinuousBackups',
          'dynamodb:ExportTableToPointInTime',
        ],
        resources: [table.tableArn],
      }),
    );
    role.addToPolicy(
      new PolicyStatement({
        actions: ['dynamodb:DescribeExport'],
        // An export's ARN is made when it starts: this account and region's table exports (read-only metadata).
        resources: [exportArns],
      }),
    );
    role.addToPolicy(
      new PolicyStatement({
        actions: ['dynamodb:DescribeStream', 'dynamodb:GetRecords', 'dynamodb:GetShardIterator'],
        resources: [table.tableStreamArn ?? `${table.tableArn}/stream/*`],
      }),
    );
    // The export's objects: DynamoDB writes them as this role, the pipeline reads them.
    role.addToPolicy(
      new PolicyStatement({
        actions: ['s3:PutObject', 's3:GetObject', 's3:AbortMultipartUpload', 's3:PutObjectAcl'],
        resources: [this.exportBucket.arnForObjects('export/*')],
      }),
    );
    const bucketId = Stack.of(this).getLogicalId(this.exportBucket.node.defaultChild as CfnBucket);
    Validations.of(role).acknowledge({
      id: `AwsSolutions-IAM5[Resource::arn:aws:dynamodb:${config.region}:<AWS::AccountId>:table/*/export/*]`,
      reason:
        "DescribeExport only: an export's ARN is made when the pipeline starts it, and the table's name (so its ARN) is another stack's generated one; it reads an export's status, no data.",
    });
    Validations.of(role).acknowledge({
      id: `AwsSolutions-IAM5[Resource::<${bucketId}.Arn>/export/*]`,
      reason:
        "The table export's objects, named by DynamoDB under the pipeline's own prefix in its own bucket.",
    });
    role.addToPolicy(
      new PolicyStatement({
        actions: ['aoss:APIAccessAll', 'aoss:BatchGetCollection'],
        resources: [this.collection.attrArn],
      }),
    );

    const endpoint = this.collection.attrCollectionEndpoint;
    // Data access: the pipeline writes the index; the list functions only read it.
    const index = [{ ResourceType: 'index', Resource: [`index/${name}/*`] }];
    const access = new CfnAccessPolicy(this, 'DataAccess', {
      name: `${name}-data`,
      type: 'data',
      policy: Stack.of(this).toJsonString([
        {
          Rules: [
            ...index.map((r) => ({
              ...r,
              Permission: [
                'aoss:CreateIndex',
                'aoss:UpdateIndex',
                'aoss:DescribeIndex',
                'aoss:WriteDocument',
              ],
            })),
          ],
          Principal: [role.roleArn],
        },
        {
          Rules: index.map((r) => ({ ...r, Permission: ['aoss:ReadDocument', 'aoss:DescribeIndex'] })),
          Principal: readers.map((f) => f.role?.roleArn ?? ''),
        },
      ]),
    });
    access.addDependency(this.collection);

    const logs = new LogGroup(this, 'PipelineLogs', {
      logGroupName: `/aws/vendedlogs/OpenSearchIngestion/${name}`,
      retention: RetentionDays.ONE_MONTH,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    this.pipeline = new CfnPipeline(this, 'Pipeline', {
      pipelineName: name,
      minUnits: 1,
      maxUnits: opts.maxUnits,
      pipelineConfigurationBody: pipelineBody({
        tableArn: table.tableArn,
        bucket: this.exportBucket.bucketName,
        region: Aws.REGION,
        roleArn: role.roleArn,
        endpoint,
      }),
      logPublishingOptions: {
        isLoggingEnabled: true,
        cloudWatchLogDestination: { logGroup: logs.logGroupName },
      },
    });
    this.pipeline.node.addDependency(access, role);

    for (const fn of readers) {
      fn.addToRolePolicy(
        new PolicyStatement({ actions: ['aoss:APIAccessAll'], resources: [this.collection.attrArn] }),
      );
      fn.addEnvironment('SEARCH_ENDPOINT', endpoint);
    }
  }
}
