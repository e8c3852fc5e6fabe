// Port checks for the local stack. A taken port is found before anything is
// started, and the message names the knob that moves it, because "EADDRINUSE"
// alone does not tell a developer which of three services to reconfigure.
import type { Server } from 'node:http';
import { type AddressInfo, createServer } from 'node:net';

/** An error whose message is meant for the person at the terminal: printed as is, without a stack trace. */
export class LocalStackError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'LocalStackError';
  }
}

export const portInUseMessage = (service: string, port: number, envVar: string): string =>
  `${service} cannot listen on port ${port}: the port is already in use. ` +
  `Stop the program that uses it (perhaps another local stack), or choose another port with ${envVar}=<port>.`;

/** Whether `host:port` can be bound right now (the probe is closed again at once). */
export const isPortFree = (port: number, host: string): Promise<boolean> =>
  new Promise((resolve, reject) => {
    const probe = createServer();
    probe.unref();
    probe.once('error', (err: NodeJS.ErrnoException) => {
      if (err.code === 'EADDRINUSE') resolve(false);
      else reject(err);
    });
    probe.listen({ port, host, exclusive: true }, () => probe.close(() => resolve(true)));
  });

/**
 * Throws a LocalStackError naming `envVar` when the port is taken. `host` is the
 * address the service will bind (HOST, 127.0.0.1 by default), so a listener
 * on any conflicting address is found.
 */
export const assertPortFree = async (
  port: number,
  host: string,
  service: string,
  envVar: string,
): Promise<void> => {
  if (port === 0) return;
  let free: boolean;
  try {
    free = await isPortFree(port, host);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new LocalStackError(
      `${service} cannot listen on ${host}:${port} (${code ?? String(err)}). Choose another port with ${envVar}=<port>.`,
      { cause: err },
    );
  }
  if (!free) throw new LocalStackError(portInUseMessage(service, port, envVar));
};

/** A port that was free a moment ago (the OS picks it). For programs that need a number up front, such as Java. */
export const freePort = (host = '127.0.0.1'): Promise<number> =>
  new Promise((resolve, reject) => {
    const probe = createServer();
    probe.unref();
    probe.once('error', reject);
    probe.listen({ port: 0, host, exclusive: true }, () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => (port ? resolve(port) : reject(new Error('Could not find a free port'))));
    });
  });

export const parsePort = (value: string | undefined, fallback: number, envVar: string): number => {
  if (value === undefined || value.trim() === '') return fallback;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 1 || port > 65_535) {
    throw new LocalStackError(`${envVar} must be a port number between 1 and 65535, not "${value}".`);
  }
  return port;
};

/** A local HTTP server listening: its address as a client connects to it, and its stop. */
export interface ListeningServer {
  url: string;
  port: number;
  /** Closes the server and its open connections; safe to call more than once. */
  stop(): Promise<void>;
}

/**
 * Puts `server` on `host:port` (0: a free one) for the local API and the
 * console alike: a taken port fails with a message naming `envVar`.
 */
export const listenHttp = async (
  server: Server,
  o: { port: number; host: string; connectHost: string; service: string; envVar: string },
): Promise<ListeningServer> => {
  await new Promise<void>((resolveListen, reject) => {
    const onError = (err: NodeJS.ErrnoException) => {
      reject(
        err.code === 'EADDRINUSE' ? new LocalStackError(portInUseMessage(o.service, o.port, o.envVar)) : err,
      );
    };
    server.once('error', onError);
    server.listen({ port: o.port, host: o.host, exclusive: true }, () => {
      server.off('error', onError);
      resolveListen();
    });
  });
  const port = (server.address() as AddressInfo).port;
  let stopping: Promise<void> | undefined;
  const stop = (): Promise<void> => {
    stopping ??= new Promise((resolveClose) => {
      server.close(() => resolveClose());
      server.closeAllConnections();
    });
    return stopping;
  };
  return { url: `http://${o.connectHost}:${port}`, port, stop };
};
