// `npm run --silent webhook-receiver -- [--port 8790] [--host 127.0.0.1]`: a
// receiver for another stack's (or a second) endpoint; `npm start` already runs
// one of its own (./local-webhooks.ts, docs/webhooks.md). Each POST is verified
// with the Standard Webhooks library against WEBHOOK_SECRET, as a real
// receiver would: a verified one is printed as one JSON line on stdout and
// answered 204; a forged or stale one is answered 401 and said on stderr.
import { parseArgs } from 'node:util';
import { startWebhookReceiver } from './local-webhooks';

const { values } = parseArgs({
  options: { port: { type: 'string', default: '8790' }, host: { type: 'string', default: '127.0.0.1' } },
});
const secret = process.env.WEBHOOK_SECRET?.trim();
if (!secret?.startsWith('whsec_')) {
  process.stderr.write('Set WEBHOOK_SECRET to the endpoint’s whsec_… secret (the one in its config).\n');
  process.exit(2);
}

const receiver = await startWebhookReceiver({
  port: Number(values.port),
  host: values.host,
  secret,
  onDelivery: (d) => {
    process.stdout.write(`${JSON.stringify({ webhookId: d.webhookId, event: d.event })}\n`);
  },
  onRejected: (id, reason) => process.stderr.write(`rejected ${id ?? '(no webhook-id)'}: ${reason}\n`),
});
process.stderr.write(`webhook receiver on ${receiver.url}/ (Ctrl-C to stop)\n`);
