// The local SES v2 endpoint (`aws-ses-v2-local`), run in this process: it
// accepts SendEmail like SES, keeps every message in memory, and serves a mail
// viewer at `/` and the stored messages as JSON at `/store`.
import type { Server } from 'node:http';
import * as sesLocalModule from 'aws-ses-v2-local';
import { connectHost } from './dynamodb';
import { assertPortFree, LocalStackError, portInUseMessage } from './ports';

export interface LocalSesOptions {
  /** 0 lets the OS pick a free port (tests). */
  port: number;
  host?: string;
}

export interface LocalSes {
  endpoint: string;
  viewerUrl: string;
  port: number;
  stop(): Promise<void>;
}

type StartServer = (config?: { host?: string; port?: number }) => Promise<Server>;

/**
 * The package is CommonJS with `exports.default = server`: Node's ESM import
 * hands us `module.exports` as the default, a bundler hands us the function.
 */
const startServer = ((): StartServer => {
  const mod = sesLocalModule as unknown as { default?: unknown };
  const candidate = mod.default;
  if (typeof candidate === 'function') return candidate as StartServer;
  const nested = (candidate as { default?: unknown } | undefined)?.default;
  if (typeof nested === 'function') return nested as StartServer;
  throw new Error('aws-ses-v2-local does not export its server function where expected');
})();

export const startLocalSes = async ({ port, host = '127.0.0.1' }: LocalSesOptions): Promise<LocalSes> => {
  await assertPortFree(port, host, 'The local SES endpoint', 'MAIL_PORT');
  const server = await startServer({ host, port });
  // On a listen error its Express `listen` callback still resolves, with a server that is not listening.
  if (!server.listening) {
    server.close();
    throw new LocalStackError(portInUseMessage('The local SES endpoint', port, 'MAIL_PORT'));
  }
  const address = server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  const endpoint = `http://${connectHost(host)}:${actualPort}`;

  let stopping: Promise<void> | undefined;
  const stop = (): Promise<void> => {
    stopping ??= new Promise((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
    return stopping;
  };

  return { endpoint, viewerUrl: `${endpoint}/`, port: actualPort, stop };
};
