// Reading DynamoDB's transaction cancellation reasons.
import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';

export type CancellationCode = 'ConditionalCheckFailed' | 'TransactionConflict' | 'None' | string;

/** The cancellation code of each item of a cancelled transaction, in request order; null if it was not a cancellation. */
export const cancellationCodes = (err: unknown): CancellationCode[] | null => {
  if (
    !(err instanceof TransactionCanceledException) &&
    (err as Error | undefined)?.name !== 'TransactionCanceledException'
  ) {
    return null;
  }
  const reasons = (err as TransactionCanceledException).CancellationReasons ?? [];
  return reasons.map((r) => r.Code ?? 'None');
};

export const isConditionalCheckFailed = (err: unknown): boolean =>
  (err as Error | undefined)?.name === 'ConditionalCheckFailedException';
