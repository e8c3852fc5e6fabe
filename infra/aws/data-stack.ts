// The stateful stack: the one DynamoDB table, built from the same table
// definition as the local stack (shared/store/table.ts), and the evidence files
// bucket (constructs/files-bucket.ts). Kept apart from the
// stateless AppStack so that the app can be torn down and redeployed freely.
import { Stack, type StackProps } from 'aws-cdk-lib';
import { AttributeType, Billing, ProjectionType, StreamViewType, TableV2 } from 'aws-cdk-lib/aws-dynamodb';
import type { Bucket } from 'aws-cdk-lib/aws-s3';
import type { Construct } from 'constructs';
import type { AppConfig } from '#config/schema';
import { tableDefinition } from '#store/table';
import { FilesBucket } from './constructs/files-bucket';
import { removalPolicyFor } from './constructs/retention';

export interface DataStackProps extends StackProps {
  config: AppConfig;
}

export class DataStack extends Stack {
  readonly table: TableV2;
  /** Evidence files on reports and cases (docs/files.md). */
  readonly filesBucket: Bucket;

  constructor(scope: Construct, id: string, props: DataStackProps) {
    const { config, ...stackProps } = props;
    const prod = config.env === 'prod';
    super(scope, id, { terminationProtection: prod, ...stackProps });

    const string = (name: string) => ({ name, type: AttributeType.STRING });
    this.table = new TableV2(this, 'Table', {
      partitionKey: string(tableDefinition.partitionKey),
      sortKey: string(tableDefinition.sortKey),
      billing: Billing.onDemand(),
      timeToLiveAttribute: tableDefinition.ttlAttribute,
      globalSecondaryIndexes: tableDefinition.globalSecondaryIndexes.map((g) => ({
        indexName: g.indexName,
        partitionKey: string(g.partitionKey),
        sortKey: string(g.sortKey),
        ...(g.projection.type === 'ALL'
          ? { projectionType: ProjectionType.ALL }
          : { projectionType: ProjectionType.INCLUDE, nonKeyAttributes: [...g.projection.attributes] }),
      })),
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      // The outbox sender drains case notifications from the stream (docs/jobs.md).
      dynamoStream: StreamViewType.NEW_IMAGE,
      deletionProtection: prod,
      removalPolicy: removalPolicyFor(config),
    });

    this.filesBucket = new FilesBucket(this, 'Files', { config }).bucket;
  }
}
