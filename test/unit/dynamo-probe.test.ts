// The local stack's "does DynamoDB Local answer?" probe against a server that
// takes the connection and never replies (a JVM still starting, a stuck
// process): the probe says no after its timeout, so the caller can try again
// or say the stack is not running. With the SDK's HTTP handler a requestTimeout
// alone only logs "[WARN] a request has exceeded the configured … requestTimeout"
// and keeps waiting.
import { createServer, type Socket } from 'node:net';
import { afterEach, expect, it, vi } from 'vitest';
import { dynamoAnswers } from '#infra/local/dynamodb';

const sockets = new Set<Socket>();
const server = createServer((socket) => {
  sockets.add(socket); // read the request, answer nothing
});

afterEach(() => {
  vi.restoreAllMocks();
  for (const s of sockets) s.destroy();
  server.close();
});

it('says a server that never answers is not DynamoDB, without a timeout warning', async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  const warn = vi.spyOn(console, 'warn');
  expect(await dynamoAnswers(`http://127.0.0.1:${address.port}`, 200)).toBe(false);
  expect(sockets.size).toBeGreaterThan(0);
  expect(warn).not.toHaveBeenCalled();
});
