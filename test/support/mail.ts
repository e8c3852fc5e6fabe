// Reading what the handlers and jobs "sent": the local SES keeps every message
// in memory and serves them at GET /store. The store is shared by all test
// files running in parallel, so filter by recipient (use a unique address per
// test) rather than clearing it.
import { inject } from 'vitest';

export interface StoredEmail {
  messageId: string;
  from: string;
  replyTo: string[];
  destination: { to: string[]; cc: string[]; bcc: string[] };
  subject: string;
  body: { html?: string; text?: string };
  attachments: { content: string; contentType: string; filename?: string; size: number }[];
  headers?: { name: string; value: string }[];
  /** Epoch seconds. */
  at: number;
}

const endpoint = (sesEndpoint?: string) => sesEndpoint ?? inject('sesEndpoint');

export interface EmailQuery {
  /** Only messages with this address in to, cc or bcc (case-insensitive). */
  to?: string;
  /** Only messages stored at or after this time. */
  since?: Date;
  sesEndpoint?: string;
}

export const sentEmails = async (query: EmailQuery = {}): Promise<StoredEmail[]> => {
  const url = new URL('/store', endpoint(query.sesEndpoint));
  if (query.since) url.searchParams.set('since', String(Math.floor(query.since.getTime() / 1000)));
  const res = await fetch(url);
  if (!res.ok) throw new Error(`GET ${url} answered ${res.status}`);
  const { emails } = (await res.json()) as { emails: StoredEmail[] };
  const to = query.to?.toLowerCase();
  return to
    ? emails.filter((e) =>
        [...e.destination.to, ...e.destination.cc, ...e.destination.bcc].some((a) =>
          a.toLowerCase().includes(to),
        ),
      )
    : emails;
};

/** Polls until `predicate` holds for the matching messages (sends may complete after the response). */
export const waitForEmails = async (
  query: EmailQuery & { count?: number; timeoutMs?: number },
  predicate: (emails: StoredEmail[]) => boolean = (emails) => emails.length >= (query.count ?? 1),
): Promise<StoredEmail[]> => {
  const deadline = Date.now() + (query.timeoutMs ?? 5000);
  for (;;) {
    const emails = await sentEmails(query);
    if (predicate(emails)) return emails;
    if (Date.now() > deadline) {
      throw new Error(
        `Timed out waiting for emails (${emails.length} matched ${JSON.stringify({ to: query.to })})`,
      );
    }
    await new Promise((r) => setTimeout(r, 100));
  }
};

/** Empties the whole store. Shared by every test file: only for tests that run alone. */
export const clearEmails = async (sesEndpoint?: string): Promise<void> => {
  const res = await fetch(new URL('/clear-store', endpoint(sesEndpoint)), { method: 'POST' });
  if (!res.ok) throw new Error(`POST /clear-store answered ${res.status}`);
};
