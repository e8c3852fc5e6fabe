// Delivering a job's emails: allow-list, sent-marker, send, mark — one
// recipient at a time, so one failure never stops the others.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { AppConfig } from '#config/schema';
import type { Deps } from '#shared/deps';
import { logger } from '#shared/observability';
import { claimMarker, type MarkerId, markSent, releaseClaim, wouldClaimMarker } from '#store/sent-markers';
import type { EmailAttachment, OutgoingEmail } from './mailer';

export interface Delivery {
  marker: MarkerId;
  /**
   * Further messages to the same recipient that go in the same email (one email
   * per person per run): each marker is claimed, and set sent, with `marker`.
   * The email is sent when at least one of them is claimed.
   */
  alsoMarkers?: MarkerId[];
  /** Rendered only when the message will really be sent or written; `carried`: the markers this email is for. */
  render: (carried: readonly MarkerId[]) => Omit<OutgoingEmail, 'to'> & { attachments?: EmailAttachment[] };
}

export interface DeliveryOptions {
  now: Date;
  force?: boolean;
  /**
   * Write the rendered messages under this folder instead of sending: those a
   * real run would send (the sent-markers are read, never written).
   */
  outboxDir?: string;
}

export interface DeliveryResult {
  sent: number;
  /** Already sent or being sent by another run, or not on the allow-list. */
  skipped: number;
  /** Of the skipped: not on the environment's allow-list. */
  notAllowed: number;
  failed: number;
  /** Dry run: messages written to the outbox folder. */
  written: number;
}

/** Outside prod, only allow-listed domains (and their subdomains) or exact addresses receive email. */
export const isAllowed = (config: AppConfig, address: string): boolean => {
  if (config.env === 'prod') return true;
  const email = address.trim().toLowerCase();
  const domain = email.slice(email.lastIndexOf('@') + 1);
  return (config.emailAllowList ?? []).some((entry) => {
    const e = entry.trim().toLowerCase();
    return e.includes('@') ? e === email : domain === e || domain.endsWith(`.${e}`);
  });
};

const slug = (s: string) => s.replace(/[^a-zA-Z0-9@._-]+/g, '_');

export const deliver = async (
  deps: Deps,
  deliveries: Delivery[],
  o: DeliveryOptions,
): Promise<DeliveryResult> => {
  const result: DeliveryResult = { sent: 0, skipped: 0, notAllowed: 0, failed: 0, written: 0 };
  for (const d of deliveries) {
    const to = d.marker.recipient;
    const markers = [d.marker, ...(d.alsoMarkers ?? [])];
    if (markers.some((m) => m.recipient !== to)) throw new Error('one delivery goes to one recipient');
    if (!isAllowed(deps.config, to)) {
      result.skipped++;
      result.notAllowed++;
      continue;
    }
    if (o.outboxDir) {
      const carried: MarkerId[] = [];
      for (const marker of markers)
        if (await wouldClaimMarker(deps, marker, o.now, o.force)) carried.push(marker);
      if (carried.length === 0) {
        result.skipped++;
        continue;
      }
      const email = d.render(carried);
      const dir = join(o.outboxDir, slug(d.marker.job), slug(d.marker.period));
      await mkdir(dir, { recursive: true });
      const base = join(dir, slug(to));
      await writeFile(`${base}.html`, email.html);
      await writeFile(`${base}.txt`, `Subject: ${email.subject}\nTo: ${to}\n\n${email.text}`);
      for (const a of email.attachments ?? []) await writeFile(`${base}.${slug(a.fileName)}`, a.content);
      result.written++;
      continue;
    }
    const claims: { marker: MarkerId; token: string }[] = [];
    for (const marker of markers) {
      const claim = await claimMarker(deps, marker, o.now, o.force);
      if (claim.claimed) claims.push({ marker, token: claim.token });
    }
    if (claims.length === 0) {
      result.skipped++;
      continue;
    }
    let messageId: string;
    try {
      ({ messageId } = await deps.mailer.send({ ...d.render(claims.map((c) => c.marker)), to }));
    } catch (err) {
      result.failed++;
      // Never log the address: the job and period identify the message.
      logger.warn('email send failed; the next run retries it', {
        job: d.marker.job,
        period: d.marker.period,
        error: (err as Error).name,
      });
      for (const c of claims) await releaseClaim(deps, c.marker, c.token).catch(() => undefined);
      continue;
    }
    result.sent++;
    try {
      for (const c of claims) await markSent(deps, c.marker, c.token, messageId, deps.clock());
    } catch (err) {
      // The one window for a duplicate: SES accepted, the marker is not set.
      // The claim stays, so nothing resends it before its lease expires.
      logger.error('email sent but its marker was not set', {
        job: d.marker.job,
        period: d.marker.period,
        error: (err as Error).name,
      });
    }
  }
  return result;
};
