// A service that accepts the connection and never answers (a hung load balancer, a
// stalled DynamoDB Local) must fail the call at the configured timeout, so the API
// answers 503 and a job records a failure, instead of waiting until Lambda kills it.
// A real hanging server: a TCP socket that reads and never writes.
import { createServer, type Server, type Socket } from 'node:net';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSesClient, sesMailer } from '#mail/mailer';
import { createDocumentClient } from '#store/client';

let server: Server;
let endpoint: string;
const sockets = new Set<Socket>();

beforeAll(async () => {
  server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.resume(); // read the request, never answer
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  endpoint = `http://127.0.0.1:${address.port}`;
});

afterAll(async () => {
  for (const s of sockets) s.destroy();
  await new Promise((resolve) => server.close(resolve));
});

describe('a service that never answers', () => {
  it('fails a store read with a TimeoutError instead of waiting on', async () => {
    const db = createDocumentClient({ region: 'ap-southeast-1', endpoint, timeoutMs: 300, maxAttempts: 1 });
    try {
      const read = db.send(new GetCommand({ TableName: 't', Key: { pk: 'x', sk: 'y' } }));
      await expect(read).rejects.toMatchObject({ name: 'TimeoutError' });
    } finally {
      db.destroy();
    }
  }, 10_000);

  it('fails an email send with a TimeoutError instead of waiting on', async () => {
    const from = 'desk@example.org';
    const client = createSesClient({ region: 'ap-southeast-1', endpoint, from, timeoutMs: 300 });
    try {
      const send = sesMailer(client, { from }).send({
        to: 'leader@example.org',
        subject: 'x',
        html: '<p>x</p>',
        text: 'x',
      });
      await expect(send).rejects.toMatchObject({ name: 'TimeoutError' });
    } finally {
      client.destroy();
    }
  }, 20_000);
});
