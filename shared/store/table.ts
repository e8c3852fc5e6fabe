// The table definition: keys, GSIs and the TTL attribute. The one source for
// CDK (infra/aws/data-stack.ts) and for the local stack and tests
// (createTableInput), so both targets always have the same table.
import type { CreateTableCommandInput } from '@aws-sdk/client-dynamodb';

export const TTL_ATTRIBUTE = 'expiresAt';

/**
 * Every GSI has a string partition and sort key named `<index>pk` / `<index>sk`.
 * gsi1…gsi7 are general-purpose and project all attributes. gsi8 is the daily
 * summary's slim index of reports: keyed by local day and hour
 * (`RHOUR#<day>#<hh>`, so a day is 24 partitions read in parallel) and
 * projecting only the fields the summary counts and groups by, so reading a
 * 100,000-report day moves a fraction of the bytes (see shared/store/README.md).
 */
export const GSI_NAMES = ['gsi1', 'gsi2', 'gsi3', 'gsi4', 'gsi5', 'gsi6', 'gsi7', 'gsi8'] as const;
export type GsiName = (typeof GSI_NAMES)[number];

/** What gsi8 carries besides the keys (the table's `pk`/`sk` always come along). */
export const DAY_INDEX_ATTRIBUTES = [
  'category',
  'area',
  'sentiment',
  'urgency',
  'status',
  'reach',
  'caseId',
  'urlHashes',
] as const;

export type IndexProjection = { type: 'ALL' } | { type: 'INCLUDE'; attributes: readonly string[] };

const projectionOf = (name: GsiName): IndexProjection =>
  name === 'gsi8' ? { type: 'INCLUDE', attributes: DAY_INDEX_ATTRIBUTES } : { type: 'ALL' };

export const tableDefinition = {
  partitionKey: 'pk',
  sortKey: 'sk',
  ttlAttribute: TTL_ATTRIBUTE,
  globalSecondaryIndexes: GSI_NAMES.map((name) => ({
    indexName: name,
    partitionKey: `${name}pk`,
    sortKey: `${name}sk`,
    projection: projectionOf(name),
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
    Projection:
      g.projection.type === 'ALL'
        ? { ProjectionType: 'ALL' }
        : { ProjectionType: 'INCLUDE', NonKeyAttributes: [...g.projection.attributes] },
  })),
});
