// Search beyond the table (shared/store/README.md, "Search"): the config's
// `search.engine: 'opensearch'` is the documented option for when the table's
// posting items stop scaling. What it needs, and what is not built yet, so
// that choosing it fails at synthesis with this list instead of deploying a
// stage whose `q` silently reads an index nobody feeds.
import type { AppConfig } from '#config/schema';

/** The pieces an OpenSearch-backed search needs; none exists in this code base yet. */
export const OPENSEARCH_MISSING = [
  'an OpenSearch Service domain (VPC, encryption at rest and in transit, fine-grained access, the ICU plugin folding Vietnamese marks) or a serverless collection, with cdk-nag reasons',
  "an S3 bucket for the table's export (point-in-time recovery, which the export needs, is on already)",
  "an OpenSearch Ingestion (OSIS) pipeline with DynamoDB's zero-ETL source: the export, then the table's stream, mapping reports and cases (not postings, not reporters' data) to two indexes",
  'an IAM role for the pipeline (dynamodb:DescribeTable, ExportTableToPointInTime, DescribeExport, GetShardIterator/GetRecords on the stream; s3 put/get on the bucket; es:ESHttp* on the domain)',
  "the search functions' read access to the domain and a search client in shared/store answering q from it (and the postings no longer written)",
] as const;

/** Throws, at synthesis, if the configured search engine is one this code cannot build yet. */
export const assertSearchEngineBuildable = (config: Pick<AppConfig, 'env' | 'search'>): void => {
  if (config.search.engine === 'table') return;
  throw new Error(
    `search.engine 'opensearch' (${config.env}) is a documented option that is not built yet; set search.engine to 'table', or add: ${OPENSEARCH_MISSING.map((m, i) => `(${i + 1}) ${m}`).join('; ')}. See shared/store/README.md, "Search".`,
  );
};
