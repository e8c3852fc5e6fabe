// Sending one email through SES v2. The SES client is created once per process;
// the local stack and tests point it at aws-ses-v2-local.
import { SESv2Client, SendEmailCommand } from '@aws-sdk/client-sesv2';
import { NodeHttpHandler } from '@smithy/node-http-handler';

export interface EmailAttachment {
  fileName: string;
  contentType: string;
  /** Raw bytes (or text), not base64. */
  content: string | Uint8Array;
  /** For calendar invitations: `text/calendar; method=REQUEST`. */
  contentDisposition?: 'ATTACHMENT' | 'INLINE';
}

export interface OutgoingEmail {
  to: string;
  subject: string;
  html: string;
  text: string;
  attachments?: EmailAttachment[];
}

export interface Mailer {
  /** Resolves with SES's message id once SES has accepted the message. */
  send(email: OutgoingEmail): Promise<{ messageId: string }>;
}

export interface SesMailerOptions {
  region: string;
  endpoint?: string;
  from: string;
  configurationSet?: string;
  timeoutMs?: number;
}

export const createSesClient = (o: SesMailerOptions): SESv2Client =>
  new SESv2Client({
    region: o.region,
    // Throttling (429) is retried with the SDK's backoff; a run that still fails leaves the message for the next run.
    maxAttempts: 4,
    requestHandler: new NodeHttpHandler({
      connectionTimeout: o.timeoutMs ?? 3000,
      requestTimeout: o.timeoutMs ?? 5000,
      // Without it the SDK only logs a warning at requestTimeout and keeps waiting on an SES
      // that accepted the connection but never answers; with it the send fails and is retried.
      throwOnRequestTimeout: true,
    }),
    ...(o.endpoint
      ? { endpoint: o.endpoint, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } }
      : {}),
  });

export const sesMailer = (
  client: SESv2Client,
  o: Pick<SesMailerOptions, 'from' | 'configurationSet'>,
): Mailer => ({
  async send(email) {
    const out = await client.send(
      new SendEmailCommand({
        FromEmailAddress: o.from,
        Destination: { ToAddresses: [email.to] },
        ...(o.configurationSet ? { ConfigurationSetName: o.configurationSet } : {}),
        Content: {
          Simple: {
            Subject: { Data: email.subject, Charset: 'UTF-8' },
            Body: {
              Html: { Data: email.html, Charset: 'UTF-8' },
              Text: { Data: email.text, Charset: 'UTF-8' },
            },
            ...(email.attachments?.length
              ? {
                  Attachments: email.attachments.map((a) => ({
                    FileName: a.fileName,
                    ContentType: a.contentType,
                    ContentDisposition: a.contentDisposition ?? 'ATTACHMENT',
                    RawContent:
                      typeof a.content === 'string' ? new TextEncoder().encode(a.content) : a.content,
                  })),
                }
              : {}),
          },
        },
      }),
    );
    return { messageId: out.MessageId ?? '' };
  },
});
