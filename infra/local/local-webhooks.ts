// The local stack's own webhook receiver (docs/webhooks.md, "On the local
// stack"): `npm start` and the README walk-through test both start it through
// startLocalWebhooks() and register it as the endpoint `local` of the config
// they run, at runtime, so infra/config/dev.ts lists no endpoint (the
// integration tests use that config and must not post to a closed port).
// Each POST is verified with the Standard Webhooks library, as a real receiver
// would: a verified one is appended as one JSON line to `<DATA_DIR>/webhooks.log`
// and answered 204; a forged or stale one is answered 401 and not logged.
import { randomBytes } from 'node:crypto';
import { appendFile, readFile, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { join, resolve } from 'node:path';
import { Webhook } from 'standardwebhooks';
import type { AppConfig } from '#config/schema';
import { WEBHOOK_EVENT_TYPES } from '#config/webhook-events';
import { listenHttp } from './ports';

/** The endpoint id the local receiver is registered under (names its delivery items). */
export const LOCAL_WEBHOOK_ENDPOINT_ID = 'local';
/** WEBHOOK_PORT's default. */
export const DEFAULT_WEBHOOK_PORT = 8790;

export const webhookSecretPath = (dataDir: string): string => join(resolve(dataDir), 'webhook-secret');
export const webhookLogPath = (dataDir: string): string => join(resolve(dataDir), 'webhooks.log');

const SECRET_PATTERN = /^whsec_[A-Za-z0-9+/]{32,}={0,2}$/;

/**
 * The receiver's `whsec_` secret, made once and kept under the data directory
 * (like the token signing key), so a restarted stack and the job command sign
 * with the same one.
 */
export const localWebhookSecret = async (dataDir: string): Promise<string> => {
  const path = webhookSecretPath(dataDir);
  const kept = (await readFile(path, 'utf8').catch(() => '')).trim();
  if (SECRET_PATTERN.test(kept)) return kept;
  const secret = `whsec_${randomBytes(32).toString('base64')}`;
  await writeFile(path, `${secret}\n`, { mode: 0o600 });
  return secret;
};

/** The config with the local receiver as endpoint `local`, taking every event type (a config's own `local` wins). */
export const withLocalWebhookEndpoint = (
  config: AppConfig,
  receiver: { url: string; secret: string } | undefined,
): AppConfig => {
  if (!receiver || config.webhooks.endpoints.some((e) => e.id === LOCAL_WEBHOOK_ENDPOINT_ID)) return config;
  return {
    ...config,
    webhooks: {
      ...config.webhooks,
      endpoints: [
        ...config.webhooks.endpoints,
        {
          id: LOCAL_WEBHOOK_ENDPOINT_ID,
          url: `${receiver.url}/`,
          events: [...WEBHOOK_EVENT_TYPES],
          secret: { value: receiver.secret },
        },
      ],
    },
  };
};

/** One verified delivery, as the receiver logs it. */
export interface ReceivedWebhook {
  receivedAt: string;
  webhookId: string;
  /** The payload the library verified (docs/webhooks.md, "Payload"). */
  event: unknown;
}

export interface WebhookReceiver {
  url: string;
  port: number;
  stop(): Promise<void>;
}

export interface WebhookReceiverOptions {
  /** 0 lets the OS pick a free port. */
  port: number;
  host: string;
  /** The address clients connect to (the host, or loopback for a wildcard). */
  connectHost?: string;
  secret: string;
  /** Each verified delivery, after it is written to `logFile` when one is given. */
  onDelivery?: (d: ReceivedWebhook) => void | Promise<void>;
  /** Each refused request: the webhook-id and why. */
  onRejected?: (webhookId: string | undefined, reason: string) => void;
  /** Where each verified delivery is appended as one JSON line. */
  logFile?: string;
}

export const startWebhookReceiver = async (o: WebhookReceiverOptions): Promise<WebhookReceiver> => {
  const wh = new Webhook(o.secret);
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      // The raw body, before any parsing: what the signature covers.
      const body = Buffer.concat(chunks).toString('utf8');
      const headers = Object.fromEntries(
        Object.entries(req.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(',') : (v ?? '')]),
      );
      let event: unknown;
      try {
        event = wh.verify(body, headers);
      } catch (err) {
        o.onRejected?.(headers['webhook-id'], (err as Error).message);
        res.writeHead(401).end();
        return;
      }
      const d: ReceivedWebhook = {
        receivedAt: new Date().toISOString(),
        webhookId: headers['webhook-id'] ?? '',
        event,
      };
      // Answered once logged: a delivery the sender records as delivered is in the log.
      void (async () => {
        try {
          if (o.logFile) await appendFile(o.logFile, `${JSON.stringify(d)}\n`);
          await o.onDelivery?.(d);
          res.writeHead(204).end();
        } catch (err) {
          o.onRejected?.(d.webhookId, `could not log it: ${(err as Error).message}`);
          res.writeHead(500).end();
        }
      })();
    });
  });
  return listenHttp(server, {
    port: o.port,
    host: o.host,
    connectHost: o.connectHost ?? o.host,
    service: 'The local webhook receiver',
    envVar: 'WEBHOOK_PORT',
  });
};

export interface LocalWebhooks extends WebhookReceiver {
  secret: string;
  /** `<DATA_DIR>/webhooks.log`. */
  logFile: string;
}

/** The receiver with the data directory's secret, logging to `<DATA_DIR>/webhooks.log`. */
export const startLocalWebhooks = async (o: {
  dataDir: string;
  port: number;
  host: string;
  connectHost?: string;
  log?: (line: string) => void;
}): Promise<LocalWebhooks> => {
  const secret = await localWebhookSecret(o.dataDir);
  const logFile = webhookLogPath(o.dataDir);
  const receiver = await startWebhookReceiver({
    port: o.port,
    host: o.host,
    ...(o.connectHost ? { connectHost: o.connectHost } : {}),
    secret,
    logFile,
    ...(o.log
      ? {
          onDelivery: (d: ReceivedWebhook) => {
            const e = d.event as { type?: string; data?: { caseId?: string } };
            o.log?.(`webhook ${e.type ?? '?'} ${e.data?.caseId ?? ''} verified (${d.webhookId})`);
          },
          onRejected: (id: string | undefined, reason: string) =>
            o.log?.(`webhook rejected ${id ?? '(no webhook-id)'}: ${reason}`),
        }
      : {}),
  });
  return { ...receiver, secret, logFile };
};
