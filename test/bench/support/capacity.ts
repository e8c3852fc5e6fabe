// Counts the DynamoDB capacity a piece of code consumes: a middleware on the
// client asks every data-plane call for `ReturnConsumedCapacity: INDEXES` and
// adds up what comes back. DynamoDB Local answers with consumed capacity as
// DynamoDB does (item sizes rounded up to 1 KB for writes and 4 KB for reads),
// which is what the cost estimate in BENCHMARKS.md is built from.
import type { ConsumedCapacity } from '@aws-sdk/client-dynamodb';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

/** Operations that read; every other metered one writes (or is a transaction of writes). */
const READS = new Set([
  'GetItemCommand',
  'QueryCommand',
  'ScanCommand',
  'BatchGetItemCommand',
  'TransactGetItemsCommand',
  'GetCommand',
  'BatchGetCommand',
  'TransactGetCommand',
]);

const METERED = new Set([
  'GetItemCommand',
  'PutItemCommand',
  'UpdateItemCommand',
  'DeleteItemCommand',
  'QueryCommand',
  'ScanCommand',
  'BatchGetItemCommand',
  'BatchWriteItemCommand',
  'TransactGetItemsCommand',
  'TransactWriteItemsCommand',
  // lib-dynamodb's names for the same operations
  'GetCommand',
  'PutCommand',
  'UpdateCommand',
  'DeleteCommand',
  'BatchGetCommand',
  'BatchWriteCommand',
  'TransactGetCommand',
  'TransactWriteCommand',
]);

export interface CapacityTotals {
  /** Calls made (metered operations only). */
  calls: number;
  /** Calls per operation name. */
  byCommand: Record<string, number>;
  /** Capacity units per operation name. */
  unitsByCommand: Record<string, number>;
  /** Total capacity units (table and indexes). */
  capacityUnits: number;
  /** Read request units (on-demand): the units of the reading operations. */
  readUnits: number;
  /** Write request units (on-demand): the units of the writing operations, transactions at their double rate. */
  writeUnits: number;
  /** Units the table itself consumed. */
  tableUnits: number;
  /** Units the global secondary indexes consumed. */
  indexUnits: number;
}

export interface CapacityMeter {
  /** What has been counted since the last reset. */
  totals(): CapacityTotals;
  reset(): void;
  /** Stop counting and asking for capacity. */
  detach(): void;
}

const empty = (): CapacityTotals => ({
  calls: 0,
  byCommand: {},
  unitsByCommand: {},
  capacityUnits: 0,
  readUnits: 0,
  writeUnits: 0,
  tableUnits: 0,
  indexUnits: 0,
});

const add = (t: CapacityTotals, command: string, c: ConsumedCapacity) => {
  const units = c.CapacityUnits ?? 0;
  t.capacityUnits += units;
  t.unitsByCommand[command] = (t.unitsByCommand[command] ?? 0) + units;
  // DynamoDB Local answers with CapacityUnits only: attribute them by operation.
  if (READS.has(command)) t.readUnits += units;
  else t.writeUnits += units;
  t.tableUnits += c.Table?.CapacityUnits ?? 0;
  for (const g of Object.values(c.GlobalSecondaryIndexes ?? {})) t.indexUnits += g.CapacityUnits ?? 0;
};

let meterCount = 0;

export const meterCapacity = (db: DynamoDBDocumentClient): CapacityMeter => {
  let totals = empty();
  const name = `benchCapacityMeter${++meterCount}`;
  db.middlewareStack.add(
    (next, context) => async (args) => {
      const command = context.commandName ?? '';
      if (!METERED.has(command)) return next(args);
      const input = args.input as { ReturnConsumedCapacity?: string };
      input.ReturnConsumedCapacity ??= 'INDEXES';
      const out = await next(args);
      const consumed = (out.output as { ConsumedCapacity?: ConsumedCapacity | ConsumedCapacity[] })
        .ConsumedCapacity;
      totals.calls++;
      totals.byCommand[command] = (totals.byCommand[command] ?? 0) + 1;
      for (const c of Array.isArray(consumed) ? consumed : consumed ? [consumed] : [])
        add(totals, command, c);
      return out;
    },
    { step: 'initialize', name },
  );
  return {
    totals: () => structuredClone(totals),
    reset: () => {
      totals = empty();
    },
    detach: () => {
      db.middlewareStack.remove(name);
    },
  };
};
