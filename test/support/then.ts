// Then steps on what was sent (what is stored: ./stored.ts).
import { type StoredEmail, sentEmails, waitForEmails } from './mail';

export interface EmailsToOptions {
  /** Wait until at least this many arrived (sends may finish after the response). */
  count?: number;
  since?: Date;
  timeoutMs?: number;
}

/** The emails the local SES holds for `address` (to, cc or bcc); waits when `count` is given. */
export const emailsTo = (address: string, options: EmailsToOptions = {}): Promise<StoredEmail[]> => {
  const { count, ...query } = options;
  return count === undefined
    ? sentEmails({ to: address, ...query })
    : waitForEmails({ to: address, count, ...query });
};
