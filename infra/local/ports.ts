// Port checks for the local stack. A taken port is found before anything is
// started, and the message names the knob that moves it, because "EADDRINUSE"
// alone does not tell a developer which of three services to reconfigure.
import { createServer } from 'node:net';

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
