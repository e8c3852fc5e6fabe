// The table definition: keys, GSIs and the TTL attribute. The one source for
// CDK (infra/aws/data-stack.ts) and for the local stack and tests
// (createTableInput), so both targets always have the same table.
import type { CreateTableCommandInput } from '@aws-sdk/client-dynamodb';

export const TTL_ATTRIBUTE = 'expiresAt';

/** Every GSI has a string partition and sort key named `<index>pk` / `<index>sk`, projecting all attributes. */
export const GSI_NAMES = ['gsi1', 'gsi2', 'gsi3', 'gsi4', 'gsi5', 'gsi6', 'gsi7'] as const;
export type GsiName = (typeof GSI_NAMES)[number];

export const tableDefinition = {
  partitionKey: 'pk',
  sortKey: 'sk',
  ttlAttribute: TTL_ATTRIBUTE,
  globalSecondaryIndexes: GSI_NAMES.map((name) => ({
    indexName: name,
    partitionKey: `${name}pk`,
    sortKey: `${name}sk`,
  })),
} as const;

export const createTableInput = (tableName: string): CreateTableCommandInput => ({
  TableName: tableName,
  BillingMode: 'PAY_PER_REQUEST',
  AttributeDefinitions: [
    { AttributeName: tableDefinition.partitionKey, AttributeType: 'S' },
    { AttributeName: tableDefinition.sortKey, AttributeType: 'S' },
    ...tableDefinition.globalSecondaryIndexes.flatMap((g) => [
      { AttributeName: g.partitionKey, AttributeType: 'S' as const },
      { AttributeName: g.sortKey, AttributeType: 'S' as const },
    ]),
  ],
  KeySchema: [
    { AttributeName: tableDefinition.partitionKey, KeyType: 'HASH' },
    { AttributeName: tableDefinition.sortKey, KeyType: 'RANGE' },
  ],
  GlobalSecondaryIndexes: tableDefinition.globalSecondaryIndexes.map((g) => ({
    IndexName: g.indexName,
    KeySchema: [
      { AttributeName: g.partitionKey, KeyType: 'HASH' },
      { AttributeName: g.sortKey, KeyType: 'RANGE' },
    ],
    Projection: { ProjectionType: 'ALL' },
  })),
});
