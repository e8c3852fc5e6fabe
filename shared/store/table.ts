// The table definition: keys, GSIs and the TTL attribute. The one source for
// CDK (infra/aws/data-stack.ts), for the local stack and tests
// (createTableInput), and for every Query: code names an index by what it
// serves (`INDEXES.reportsNewest`), never by its physical name, which only
// this file knows. See README.md here for each index's reason and write cost.
import type { CreateTableCommandInput } from '@aws-sdk/client-dynamodb';

export const TTL_ATTRIBUTE = 'expiresAt';

/**
 * What the slim report indexes carry besides the keys (the table's `pk`/`sk`
 * always come along): the fields the list filters test and the daily summary
 * counts and groups by. A report's text is never on an index, so a report
 * costs the same index writes whatever the length of its summary.
 */
export const REPORT_SLIM_ATTRIBUTES = [
  'category',
  'area',
  'sentiment',
  'urgency',
  'status',
  'reach',
  'caseId',
  'urlHashes',
  'similarityGroup',
] as const;

export type IndexProjection = { type: 'ALL' } | { type: 'INCLUDE'; attributes: readonly string[] };

/**
 * The physical GSIs. Every one has a string partition and sort key named
 * `<index>pk` / `<index>sk` (short names: they are stored in every item that
 * carries them). An index is overloaded only by entities that never meet on
 * one item, so each item carries a key for exactly the indexes it is listed by.
 * The numbers are kept where an index serves what it served before (gsi2: a
 * reporter's reports, gsi4: the pending outbox, gsi7: all reports).
 */
const PHYSICAL = {
  gsi1: { type: 'ALL' },
  gsi2: { type: 'INCLUDE', attributes: REPORT_SLIM_ATTRIBUTES },
  gsi3: { type: 'ALL' },
  gsi4: { type: 'ALL' },
  gsi5: { type: 'ALL' },
  gsi6: { type: 'ALL' },
  gsi7: { type: 'INCLUDE', attributes: REPORT_SLIM_ATTRIBUTES },
} as const satisfies Record<string, IndexProjection>;
type PhysicalName = keyof typeof PHYSICAL;

interface IndexSpec {
  physical: PhysicalName;
  /** The items that carry its keys and the partition value they use. */
  partition: string;
  sort: string;
  /** Why it exists: the access patterns it serves. */
  reason: string;
}

/**
 * Every index by what it serves. Write cost per item (on-demand, one 1 KB
 * write unit per index an item carries, each write doubled in a transaction):
 * a report carries two slim keys (1 unit each, whatever its text), a case
 * two to five full ones, a history entry, briefing or pending outbox item one.
 */
export const INDEXES = {
  reportsNewest: {
    physical: 'gsi7',
    partition: '`REPORT` (every report)',
    sort: '`<submittedAt>#<id>`',
    reason:
      'all reports newest first; the date filter (a sort-key range of the local day); status, category, area and urgency as filters on its slim items; the daily summary reads a day as 24 ranges of it in parallel',
  },
  reportsByReporter: {
    physical: 'gsi2',
    partition: '`RBY#<sub>`',
    sort: '`<submittedAt>#<id>`',
    reason:
      "a reporter's own reports (queried only with the caller's own sub); date as a range, the other filters on its slim items",
  },
  casesNewest: {
    physical: 'gsi1',
    partition: '`CASE` (every case)',
    sort: '`<openedAt>#<id>`',
    reason: 'all cases newest first; category, area and overdue=false as filters',
  },
  briefingsByStart: {
    physical: 'gsi1',
    partition: '`BRIEFING` (every briefing)',
    sort: '`<startsAt>#<id>`',
    reason: 'briefings between two instants (the console, the reminders job, the summary)',
  },
  caseHistoryByDay: {
    physical: 'gsi1',
    partition: '`CHIST#<local day>` (every history entry)',
    sort: '`<at>#<caseId>#<version>`',
    reason: 'what happened to cases on one local day (the daily summary)',
  },
  outboxPending: {
    physical: 'gsi4',
    partition: '`OUTBOX#PENDING` (sparse: pending outbox items only)',
    sort: '`<createdAt>#<id>`',
    reason: 'the outbox sweep; delivery removes the keys',
  },
  webhookRetries: {
    physical: 'gsi4',
    partition: '`WEBHOOK#RETRY` (sparse: webhook deliveries not yet delivered nor given up)',
    sort: '`<nextAttemptAt>#<endpointId>#<eventId>`',
    reason:
      'the webhook retry sweep: deliveries due for another attempt; delivery or giving up removes the keys',
  },
  casesByAgency: {
    physical: 'gsi4',
    partition: '`CAGENCY#<agencyId>` (sparse: assigned cases)',
    sort: '`<openedAt>#<id>`',
    reason: "an agency's cases, served from its own partition only (isolation); the desk's agency filter",
  },
  casesByStatus: {
    physical: 'gsi3',
    partition: '`CSTATUS#<status>`',
    sort: '`<openedAt>#<id>`',
    reason: "the status filter, and the summary's open-case counts (Select COUNT of three partitions)",
  },
  casesDue: {
    physical: 'gsi5',
    partition: '`CDUE` (sparse: verifying cases with a deadline)',
    sort: '`<dueAt>#<id>`',
    reason: 'overdue cases (deadline before now, oldest first), cases due soon, deadline nudges',
  },
  casesOnAgenda: {
    physical: 'gsi6',
    partition: '`CBRIEF#<briefingId>` (sparse: flagged cases)',
    sort: '`<openedAt>#<id>`',
    reason: "a briefing's agenda: the cases flagged for it (the console, the reminders job)",
  },
  templatesByCat: {
    physical: 'gsi6',
    partition: '`TEMPLATE` (every response template)',
    sort: '`<category>#<createdAt>#<id>`',
    reason:
      'response templates of one category newest first (a sort-key range), or all of them by category; status as a filter',
  },
} as const satisfies Record<string, IndexSpec>;

export type IndexName = keyof typeof INDEXES;

export interface IndexKeyNames {
  /** The physical index name, for `IndexName`. */
  indexName: PhysicalName;
  partitionKey: string;
  sortKey: string;
  projection: IndexProjection;
}

/** The physical name, key attributes and projection of a named index. */
export const indexOf = (name: IndexName): IndexKeyNames => {
  const physical = INDEXES[name].physical;
  return {
    indexName: physical,
    partitionKey: `${physical}pk`,
    sortKey: `${physical}sk`,
    projection: PHYSICAL[physical],
  };
};

/** The key attributes an item carries to be listed by `name`. */
export const indexKeys = (name: IndexName, partition: string, sort: string): Record<string, string> => {
  const { partitionKey, sortKey } = indexOf(name);
  return { [partitionKey]: partition, [sortKey]: sort };
};

const INDEX_KEY_ATTRIBUTE = new Set(Object.keys(PHYSICAL).flatMap((p) => [`${p}pk`, `${p}sk`]));

/** True for an index key attribute: storage detail, never part of what the API returns. */
export const isIndexKeyAttribute = (name: string): boolean => INDEX_KEY_ATTRIBUTE.has(name);

/** The physical index names, in definition order. */
export const PHYSICAL_INDEX_NAMES = Object.keys(PHYSICAL) as PhysicalName[];

export const tableDefinition = {
  partitionKey: 'pk',
  sortKey: 'sk',
  ttlAttribute: TTL_ATTRIBUTE,
  globalSecondaryIndexes: PHYSICAL_INDEX_NAMES.map((name) => ({
    indexName: name,
    partitionKey: `${name}pk`,
    sortKey: `${name}sk`,
    projection: PHYSICAL[name] as IndexProjection,
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
