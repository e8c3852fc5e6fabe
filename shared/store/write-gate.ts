// A store client that awaits a step before its first write: what the per-caller
// write limit (shared/http/rate-limit.ts) hands a rate-limited route, so a
// request refused before it writes costs no counter call. Which commands are
// writes is the store's knowledge, so it lives here.
import {
  BatchWriteItemCommand,
  DeleteItemCommand,
  PutItemCommand,
  TransactWriteItemsCommand,
  UpdateItemCommand,
} from '@aws-sdk/client-dynamodb';
import {
  BatchWriteCommand,
  DeleteCommand,
  type DynamoDBDocumentClient,
  PutCommand,
  TransactWriteCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';

const WRITE_COMMANDS = [
  PutCommand,
  UpdateCommand,
  DeleteCommand,
  TransactWriteCommand,
  BatchWriteCommand,
  PutItemCommand,
  UpdateItemCommand,
  DeleteItemCommand,
  TransactWriteItemsCommand,
  BatchWriteItemCommand,
] as const;
const isWrite = (command: unknown): boolean => WRITE_COMMANDS.some((c) => command instanceof c);

type Send = (command: unknown, ...rest: unknown[]) => Promise<unknown>;

/** The same client (for one request), except that a write first awaits `beforeWrite`. */
export const gateWrites = (
  db: DynamoDBDocumentClient,
  beforeWrite: () => Promise<void>,
): DynamoDBDocumentClient => {
  const send = db.send.bind(db) as Send;
  const gated = Object.create(db) as DynamoDBDocumentClient;
  const gatedSend: Send = async (command, ...rest) => {
    if (isWrite(command)) await beforeWrite();
    return send(command, ...rest);
  };
  gated.send = gatedSend as DynamoDBDocumentClient['send'];
  return gated;
};
