// A webhook receiver on loopback for tests: every POST is recorded with its
// headers and raw body and verified with the Standard Webhooks library, as any
// receiver would. Each path is an endpoint; `answers` queues the statuses a
// path answers (then 200), `delayMs` makes it slow.
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';

export interface Received {
  path: string;
  headers: Record<string, string>;
  body: string;
  /** What `new Webhook(secret).verify(body, headers)` said. */
  verified: boolean;
  /** The status answered. */
  status: number;
}

export interface Receiver {
  url: (path: string) => string;
  received: Received[];
  /** Statuses to answer next on `path`, in order; then 200. */
  answers: Map<string, number[]>;
  delayMs: Map<string, number>;
  close(): Promise<void>;
}

const flat = (h: IncomingHttpHeaders): Record<string, string> =>
  Object.fromEntries(Object.entries(h).map(([k, v]) => [k, Array.isArray(v) ? v.join(',') : (v ?? '')]));

export const startWebhookReceiver = async (secret: string): Promise<Receiver> => {
  const received: Received[] = [];
  const answers = new Map<string, number[]>();
  const delayMs = new Map<string, number>();
  const wh = new Webhook(secret);
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', async () => {
      const path = req.url ?? '/';
      const body = Buffer.concat(chunks).toString('utf8');
      const headers = flat(req.headers);
      let verified = true;
      try {
        wh.verify(body, headers);
      } catch {
        verified = false;
      }
      const status = answers.get(path)?.shift() ?? (verified ? 200 : 401);
      received.push({ path, headers, body, verified, status });
      const wait = delayMs.get(path) ?? 0;
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      if (!res.destroyed) res.writeHead(status).end();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    url: (path) => `http://127.0.0.1:${port}${path}`,
    received,
    answers,
    delayMs,
    close: () =>
      new Promise((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
};
