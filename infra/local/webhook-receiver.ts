// `npm run --silent webhook-receiver -- [--port 8790] [--host 127.0.0.1]`: a
// receiver for trying the local stack's webhooks (docs/webhooks.md). Each POST
// is verified with the Standard Webhooks library against WEBHOOK_SECRET, as a
// real receiver would: a verified one is printed as one JSON line on stdout
// and answered 204; a forged or stale one is answered 401 and said on stderr.
import { createServer } from 'node:http';
import { parseArgs } from 'node:util';
import { Webhook } from 'standardwebhooks';

const { values } = parseArgs({
  options: { port: { type: 'string', default: '8790' }, host: { type: 'string', default: '127.0.0.1' } },
});
const secret = process.env.WEBHOOK_SECRET?.trim();
if (!secret?.startsWith('whsec_')) {
  process.stderr.write(
    'Set WEBHOOK_SECRET to the endpoint’s whsec_… secret (the one in infra/config/dev.ts).\n',
  );
  process.exit(2);
}
const wh = new Webhook(secret);

const server = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    const body = Buffer.concat(chunks).toString('utf8');
    const headers = Object.fromEntries(
      Object.entries(req.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(',') : (v ?? '')]),
    );
    try {
      const event = wh.verify(body, headers);
      process.stdout.write(`${JSON.stringify({ webhookId: headers['webhook-id'], event })}\n`);
      res.writeHead(204).end();
    } catch (err) {
      process.stderr.write(
        `rejected ${headers['webhook-id'] ?? '(no webhook-id)'}: ${(err as Error).message}\n`,
      );
      res.writeHead(401).end();
    }
  });
});
server.listen(Number(values.port), values.host, () =>
  process.stderr.write(`webhook receiver on http://${values.host}:${values.port}/ (Ctrl-C to stop)\n`),
);
