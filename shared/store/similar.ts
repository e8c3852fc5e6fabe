// Similar reports by their text, the DynamoDB way: each report writes one
// small band item per locality-sensitive band key of its text (domain
// similarity.ts), in the partition of that key, sorted by time; a report's
// candidates are the reports in its band partitions within the window (one
// Query per band, in parallel), and the exact score is computed on those
// alone. No Scan, no index: the band items use the table key and expire with
// the window (TTL). See README.md here ("Similar reports").
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { ReportStatus } from '#domain/report';
import type { SimilarMatch } from '#domain/similar-report';
import { fingerprint, reportText, similarityScore, type TextFingerprint } from '#domain/similarity';
import { addDays, epochSeconds } from '#domain/time';
import type { Deps } from '#shared/deps';
import { batchWriteAll, putRequests } from './batch-write';
import { batchGetAll } from './query';
import { reportKey, urlEntryItem, urlMatchIds } from './reports';

/**
 * How many reports one band partition answers with (newest first). A band
 * shared by thousands of near-identical reports (a viral rumour) is read only
 * this far back: the newest 25 of each band are enough to hint and to group.
 */
export const BAND_QUERY_LIMIT = 25;
/**
 * How many text candidates are read and scored: those sharing the most bands
 * first, then the newest. With the URL matches (at most 50) one BatchGetItem
 * of ≤ 100 keys reads them all.
 */
export const MAX_TEXT_CANDIDATES = 50;
/** TTL is lazy (an expired item may linger for days): the band items live the window and this margin. */
export const BAND_MARGIN_DAYS = 1;
/** Reports submitted by a clock a little ahead of ours are still candidates. */
const CLOCK_SKEW_MS = 5 * 60_000;

const bandPartition = (bandKey: string) => `SIM#${bandKey}`;
const bandItemKey = (bandKey: string, r: { id: string; submittedAt: string }) => ({
  pk: bandPartition(bandKey),
  sk: `${r.submittedAt}#${r.id}`,
});

/** The keys of a report's band items (deleted with its URL entries when its Idempotency-Key was taken). */
export const bandItemKeys = (r: { id: string; submittedAt: string }, bandKeys: string[]) =>
  bandKeys.map((k) => bandItemKey(k, r));

export const bandItems = (
  deps: Deps,
  r: { id: string; submittedAt: string },
  bandKeys: string[],
): Record<string, unknown>[] => {
  const expiresAt = epochSeconds(
    addDays(new Date(r.submittedAt), deps.config.similarity.windowDays + BAND_MARGIN_DAYS),
  );
  return bandKeys.map((k) => ({ ...bandItemKey(k, r), entity: 'report-band', reportId: r.id, expiresAt }));
};

/**
 * A new report's lookup entries, its URL entries and band items, in
 * BatchWriteItem calls (25 items each, in parallel), written before the
 * report (putNewReport) and beside the lookup (findSimilar). An entry whose
 * report never commits names nothing: the lookup reads the reports entries
 * name, so it drops out; putNewReport deletes them when the key was taken.
 */
export const putLookupEntries = async (
  deps: Deps,
  r: { id: string; submittedAt: string },
  urlHashes: string[],
  bandKeys: string[],
  /** Other items written before the report in the same calls (its search postings, store/search.ts). */
  extra: Record<string, unknown>[] = [],
): Promise<void> => {
  const items = [...urlHashes.map((h) => urlEntryItem(h, r.id)), ...bandItems(deps, r, bandKeys), ...extra];
  if (items.length > 0) await batchWriteAll(deps, putRequests(items));
};

/** The reports in these band partitions between two instants, with how many bands each shares. */
const bandCandidates = async (
  deps: Deps,
  bandKeys: string[],
  between: readonly [Date, Date],
  excludeId: string,
): Promise<string[]> => {
  const shared = new Map<string, { bands: number; newest: string }>();
  await Promise.all(
    [...new Set(bandKeys)].map(async (k) => {
      const out = await deps.db.send(
        new QueryCommand({
          TableName: deps.tableName,
          KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :to',
          ExpressionAttributeValues: {
            ':pk': bandPartition(k),
            ':from': between[0].toISOString(),
            // `<instant>#<id>` sorts after `<instant>`: a `~` keeps every id of the last instant.
            ':to': `${between[1].toISOString()}~`,
          },
          ProjectionExpression: 'reportId, sk',
          ScanIndexForward: false,
          Limit: BAND_QUERY_LIMIT,
        }),
      );
      for (const i of out.Items ?? []) {
        const id = i.reportId;
        if (typeof id !== 'string' || id === excludeId) continue;
        const seen = shared.get(id);
        shared.set(id, { bands: (seen?.bands ?? 0) + 1, newest: String(i.sk) });
      }
    }),
  );
  return [...shared.entries()]
    .sort(([, a], [, b]) => b.bands - a.bands || (a.newest < b.newest ? 1 : a.newest > b.newest ? -1 : 0))
    .slice(0, MAX_TEXT_CANDIDATES)
    .map(([id]) => id);
};

export interface SimilarLookup {
  /** The report's text fingerprint and band keys (domain similarity.ts). */
  fingerprint: TextFingerprint;
  bandKeys: string[];
  urlHashes: string[];
  /** The report itself, never its own match. */
  excludeId: string;
  /** The window: band items submitted between these instants. URL matches are not bounded by it. */
  between: readonly [Date, Date];
}

/**
 * Reports sharing a normalized source URL (`sameUrl`, whatever their text)
 * and reports whose text scores at least the configured threshold
 * (`similarText`), in two round trips: the URL and band Queries in parallel,
 * then one BatchGetItem of the candidates' fields. A report matching both is
 * `sameUrl`. Unordered (domain similar-report.ts ranks them).
 */
export const findSimilar = async (deps: Deps, q: SimilarLookup): Promise<SimilarMatch[]> => {
  const [urlIds, textIds] = await Promise.all([
    urlMatchIds(deps, q.urlHashes, q.excludeId),
    q.bandKeys.length > 0 ? bandCandidates(deps, q.bandKeys, q.between, q.excludeId) : [],
  ]);
  const sameUrl = new Set(urlIds);
  const ids = [...new Set([...urlIds, ...textIds])];
  if (ids.length === 0) return [];
  const items = await batchGetAll(deps, ids.map(reportKey), {
    projection: 'id, #t, summary, #s, caseId, similarityGroup, submittedAt',
    names: { '#t': 'title', '#s': 'status' },
  });
  const { threshold } = deps.config.similarity;
  const out: SimilarMatch[] = [];
  for (const i of items) {
    const id = String(i.id);
    const base = {
      id,
      title: String(i.title ?? ''),
      status: i.status as ReportStatus,
      caseId: (i.caseId as string | null | undefined) ?? null,
      similarityGroup: typeof i.similarityGroup === 'string' ? i.similarityGroup : id,
      submittedAt: String(i.submittedAt ?? ''),
    };
    if (sameUrl.has(id)) {
      out.push({ ...base, reason: 'sameUrl' });
      continue;
    }
    const score = similarityScore(
      q.fingerprint,
      fingerprint(reportText({ title: base.title, summary: String(i.summary ?? '') })),
    );
    if (score >= threshold) out.push({ ...base, reason: 'similarText', score });
  }
  return out;
};

/** A submission's window: the last `windowDays`, and a few minutes ahead for clocks a little fast. */
export const submissionWindow = (deps: Deps, now: Date): readonly [Date, Date] => [
  addDays(now, -deps.config.similarity.windowDays),
  new Date(now.getTime() + CLOCK_SKEW_MS),
];

/** A stored report's window: `windowDays` either side of its submission. */
export const windowAround = (deps: Deps, submittedAt: Date): readonly [Date, Date] => [
  addDays(submittedAt, -deps.config.similarity.windowDays),
  addDays(submittedAt, deps.config.similarity.windowDays),
];
