// The permission manifest: for every function (one per handler group, one per
// scheduled job, and the outbox sender on the table's stream) the DynamoDB
// actions its code sends and whether it sends email. CDK grants exactly these
// (infra/aws/constructs/function.ts, email.ts) and nothing else on the table or
// SES; how a function is invoked adds the rest (its own log group; a job's
// dead-letter queue; the outbox sender's stream and on-failure queue).
//
// Kept exact in both directions by test/infra/permissions.test.ts: it bundles
// every entry and derives the commands its code can send (a row missing one, or
// granting one the code never sends, fails), runs the handlers against DynamoDB
// Local through a recording client (every command issued must be in the row),
// and compares each role in the synthesized template with its row, for every
// environment. Rows are typed by the manifests, so a new handler group or job
// without a row does not compile.
//
// Where a new store call goes: add its action to the row of every function
// whose code reaches it (the test names them). The write groups (reports,
// cases, briefings) carry the per-caller rate limit (shared/http/rate-limit.ts):
// a conditional UpdateItem takes a slot, and a slot given back is an UpdateItem
// and, at zero, a conditional DeleteItem of the counter item (RATE#…), the one
// DeleteItem in the app; over the limit, a GetItem of the idempotency record
// tells a replay. The read-only groups are not handed the limit, so their code
// holds none of it.
import type { HandlerGroup } from './routes';
import type { ScheduleName } from './schedules';

/**
 * IAM actions on the table's items (and the table). A TransactWriteItems is
 * authorized per item by the item's own action (Put → PutItem, Update →
 * UpdateItem, ConditionCheck → ConditionCheckItem), so it has no action here.
 */
export const TABLE_ACTIONS = [
  'GetItem',
  'BatchGetItem',
  'Query',
  'PutItem',
  'UpdateItem',
  'ConditionCheckItem',
  'DescribeTable',
  'DeleteItem',
  'BatchWriteItem',
] as const;
export type TableAction = (typeof TABLE_ACTIONS)[number];

/** What may be done on a GSI: only Query (Scan is never used on request or job paths). */
export type IndexAction = 'Query';

/**
 * The evidence files bucket's key prefixes (shared/domain/files.ts objectKeys): uploads as
 * posted, cleaned files, thumbnails. Grants name `<bucket>/<prefix>/*`, never the whole bucket.
 */
export const FILE_KEY_PREFIXES = ['incoming', 'file', 'thumb'] as const;
export type FileKeyPrefix = (typeof FILE_KEY_PREFIXES)[number];

/**
 * What a function may do on the files bucket, per key prefix: `read` is s3:GetObject (reading,
 * and signing the readers' GET links, which S3 authorizes as the signer), `write` s3:PutObject
 * (writing, and signing the presigned POST upload forms), `delete` s3:DeleteObject (also what a
 * DeleteObjects batch needs per key).
 */
export interface FilePermissions {
  read: readonly FileKeyPrefix[];
  write: readonly FileKeyPrefix[];
  delete: readonly FileKeyPrefix[];
}

export interface FunctionPermissions {
  /** On the table ARN itself. */
  table: readonly TableAction[];
  /** On every GSI's ARN (`table/<name>/index/<gsi>`); empty: no index is queried. */
  indexes: readonly IndexAction[];
  /** `ses:SendEmail` as the configured sender through the configuration set. */
  sendsMail: boolean;
  /**
   * On the evidence files bucket (infra/aws/constructs/files-bucket.ts); with it the function
   * gets FILES_BUCKET and builds its deps with the bucket (functions/runtime-file-deps.ts).
   * Absent: the function never touches files.
   */
  files?: FilePermissions;
}

/** The HTTP handler groups: answered from the table, never sending email. */
export const httpPermissions = {
  // /health reads one key; /reference and /openapi.json read nothing.
  meta: { table: ['GetItem'], indexes: [], sendsMail: false },
  // Submit: the lookup (Query on URL#… and SIM#…, then BatchGetItem), the lookup entries
  // (BatchWriteItem of URL entries and band items; of deletes when the key was taken), a put
  // or a transaction of puts; the idempotency record; dismiss/restore: a transaction with an
  // update; lists: index pages; similar reports: the same lookup; the rate counter (update,
  // delete at zero).
  reports: {
    table: ['GetItem', 'BatchGetItem', 'Query', 'PutItem', 'UpdateItem', 'DeleteItem', 'BatchWriteItem'],
    indexes: ['Query'],
    sendsMail: false,
  },
  // Open and act: transactions of puts, updates and condition checks (the briefing exists);
  // detail: the case's own partition (Query on CASE#…); lists: index pages; the rate counter.
  // Response templates are served here too: the same kinds of calls (a template read by key or
  // with its history, a transaction of puts, a page of templatesByCat; a condition check
  // on the cited template in respond and close), so no new grant. Search postings: a case's words
  // on opening and its response's on respond (BatchWriteItem of puts; of deletes when the
  // opening is refused).
  cases: {
    table: [
      'GetItem',
      'BatchGetItem',
      'Query',
      'PutItem',
      'UpdateItem',
      'ConditionCheckItem',
      'DeleteItem',
      'BatchWriteItem',
    ],
    indexes: ['Query'],
    sendsMail: false,
  },
  // Read only: the slim day index and the state indexes, then the shown reports by key.
  // The weekly and monthly reports also read each touched case's partition (Query on CASE#…).
  // GET /webhooks reads each endpoint's delivery partition (Query on WEBHOOK#…).
  summaries: { table: ['BatchGetItem', 'Query'], indexes: ['Query'], sendsMail: false },
  // Briefings are written with conditional puts (version check), read by key and by index;
  // the rate counter (update, delete at zero).
  briefings: {
    table: ['GetItem', 'PutItem', 'UpdateItem', 'DeleteItem'],
    indexes: ['Query'],
    sendsMail: false,
  },
  // Evidence files: the owner read by key (a report's case too), its pending upload and FILE items
  // by key, an owner's FILE items (Query on its partition); the pending upload's conditional put and
  // delete; the confirm: a transaction of a put, a delete, an update and a condition check; the rate
  // counter (update, delete at zero). On the bucket: it signs upload forms (PutObject on
  // incoming/), reads an upload back, writes the cleaned file and thumbnail, signs readers' links
  // (GetObject on file/ and thumb/), and deletes the upload once stored or refused, and the
  // cleaned copies it wrote when the confirm transaction refuses them (a race, the limit).
  files: {
    table: ['GetItem', 'Query', 'PutItem', 'UpdateItem', 'ConditionCheckItem', 'DeleteItem'],
    indexes: [],
    sendsMail: false,
    files: {
      read: ['incoming', 'file', 'thumb'],
      write: ['incoming', 'file', 'thumb'],
      delete: ['incoming', 'file', 'thumb'],
    },
  },
} as const satisfies Record<HandlerGroup, FunctionPermissions>;

/**
 * The scheduled jobs. Sent-markers are a conditional put (claim) and updates (sent, release);
 * a dry run (local only, but in the same bundle) reads them by key (GetItem) instead.
 */
export const jobPermissions = {
  'daily-summary': {
    table: ['GetItem', 'BatchGetItem', 'PutItem', 'UpdateItem'],
    indexes: ['Query'],
    sendsMail: true,
  },
  // The day aggregates (read by key, a missing day rebuilt from the day index and put), cases opened
  // (casesNewest), the history days (caseHistoryByDay), each touched case's partition (Query), the
  // clarified cases' reports by key; sent-markers as the daily summary's.
  'periodic-summary': {
    table: ['GetItem', 'BatchGetItem', 'Query', 'PutItem', 'UpdateItem'],
    indexes: ['Query'],
    sendsMail: true,
  },
  // Reads the summary's sent-markers by key; its failure is the alarm, it never sends.
  'daily-summary-watchdog': { table: ['GetItem'], indexes: [], sendsMail: false },
  // The pending-outbox index and the deadline index; delivery marks and markers. Delivering a
  // close or reopen also brings the case's items to its retention (the case partition read, then
  // transactions checked against the case) and removes each told reporter's address.
  'case-notifications': {
    table: ['GetItem', 'BatchGetItem', 'Query', 'PutItem', 'UpdateItem', 'ConditionCheckItem'],
    indexes: ['Query'],
    sendsMail: true,
  },
  // Materializing regular briefings is a conditional put; the window and the agenda are index reads.
  'briefing-reminders': { table: ['GetItem', 'PutItem', 'UpdateItem'], indexes: ['Query'], sendsMail: true },
} as const satisfies Record<ScheduleName, FunctionPermissions>;

/** Functions invoked by an event source (infra/aws/constructs/outbox-sender.ts). */
export const eventPermissions = {
  // One outbox item by key, the case and reports it names, its delivery mark and markers; a
  // close or reopen also syncs the case's retention (as case-notifications above), its FILE
  // items and its reports' included (a Query of each report's partition). A FILE item removed
  // by the TTL: its cleaned file and thumbnail deleted (docs/files.md, "Retention").
  'outbox-stream': {
    table: ['GetItem', 'BatchGetItem', 'Query', 'PutItem', 'UpdateItem', 'ConditionCheckItem'],
    indexes: [],
    sendsMail: true,
    // A FILE item removed from the table (its owner's retention): its file and thumbnail go.
    files: { read: [], write: [], delete: ['file', 'thumb'] },
  },
} as const satisfies Record<string, FunctionPermissions>;
