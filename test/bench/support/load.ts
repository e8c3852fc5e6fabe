// A small closed-loop HTTP load driver: `concurrency` clients on keep-alive
// connections, each sending its next request as soon as the last one answers,
// for a fixed time after a warm-up. Latency is measured per request, from
// write to the end of the response body.
import { Agent, request } from 'node:http';
import { type LatencySummary, latencySummary, round } from './stats';

export interface LoadOptions {
  url: string;
  path: string;
  concurrency: number;
  durationMs: number;
  warmupMs: number;
  /** Headers and body of the n-th request (n counts from 0 over all clients). */
  next: (n: number) => { headers: Record<string, string>; body: string };
}

export interface LoadResult {
  concurrency: number;
  durationMs: number;
  requests: number;
  requestsPerSecond: number;
  latency: LatencySummary;
  non2xx: number;
  errors: number;
  statuses: Record<string, number>;
}

const once = (
  agent: Agent,
  url: URL,
  path: string,
  headers: Record<string, string>,
  body: string,
): Promise<number> =>
  new Promise((resolve, reject) => {
    const req = request(
      {
        agent,
        host: url.hostname,
        port: url.port,
        path,
        method: 'POST',
        headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) },
      },
      (res) => {
        res.on('data', () => {});
        res.once('end', () => resolve(res.statusCode ?? 0));
        res.once('error', reject);
      },
    );
    req.once('error', reject);
    req.end(body);
  });

export const runLoad = async (o: LoadOptions): Promise<LoadResult> => {
  const url = new URL(o.url);
  const agent = new Agent({ keepAlive: true, maxSockets: o.concurrency });
  const startedAt = performance.now();
  const measureFrom = startedAt + o.warmupMs;
  const endAt = measureFrom + o.durationMs;
  const latencies: number[] = [];
  const statuses: Record<string, number> = {};
  let errors = 0;
  let n = 0;
  const client = async () => {
    for (;;) {
      const t0 = performance.now();
      if (t0 >= endAt) return;
      const { headers, body } = o.next(n++);
      let status = 0;
      try {
        status = await once(agent, url, o.path, headers, body);
      } catch {
        errors++;
      }
      const t1 = performance.now();
      // Only requests that started and finished inside the window count.
      if (t0 >= measureFrom && t1 <= endAt) {
        latencies.push(t1 - t0);
        statuses[status] = (statuses[status] ?? 0) + 1;
      }
    }
  };
  await Promise.all(Array.from({ length: o.concurrency }, client));
  agent.destroy();
  const non2xx = Object.entries(statuses)
    .filter(([s]) => !/^2\d\d$/.test(s))
    .reduce((a, [, c]) => a + c, 0);
  return {
    concurrency: o.concurrency,
    durationMs: o.durationMs,
    requests: latencies.length,
    requestsPerSecond: round(latencies.length / (o.durationMs / 1000), 1),
    latency: latencySummary(latencies),
    non2xx,
    errors,
    statuses,
  };
};
