// The local stack's console server: a node:http server for the built console
// (web/dist), with what CloudFront does on AWS (infra/aws/constructs/console-site.ts):
// the single-page fallback to index.html, long caching for the hashed assets and
// none for index.html, sw.js and config.json, the same CSP and security headers
// (without HSTS: this is plain http), and `/config.json` made from the running
// stack. It also serves the development sign-in page (./dev-sign-in.ts), which
// only the local stack has.
import { readFile, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { extname, join, resolve, sep } from 'node:path';
import { CONSOLE_DIST_DIR, ensureConsoleBuilt } from '#web/build';
import { CONSOLE_SECURITY_HEADERS, consoleCsp } from '#web/csp';
import type { RuntimeConfig } from '#web/src/runtime-config';
import { DEV_SIGN_IN_PATH, type DevSignInOptions, devSignInHandler } from './dev-sign-in';
import { connectHost } from './dynamodb';
import { listenHttp } from './ports';
import type { StackExtension } from './stack';
import { TokenKeys } from './token';

export interface ConsoleServerOptions {
  /** 0 lets the OS pick a free port. */
  port: number;
  host?: string;
  /** The built console; default web/dist. */
  distDir?: string;
  /** The API the console talks to (config.json's apiUrl, the CSP's connect-src). */
  apiUrl: string;
  /** The IANA zone every time is shown in: the app config's. */
  timeZone: string;
  /** Signs the development sign-in's tokens; with the agencies of the app config. */
  devSignIn: DevSignInOptions;
  /** One line per request; nothing is logged when absent. */
  log?: (line: string) => void;
  /** The local S3 server's endpoint: the CSP lets the console upload to it and show its thumbnails. */
  filesEndpoint?: string;
}

export interface ConsoleServer {
  /** The console's origin, e.g. http://127.0.0.1:3001. */
  url: string;
  port: number;
  stop(): Promise<void>;
}

export const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

const IMMUTABLE = 'public, max-age=31536000, immutable';
const NO_CACHE = 'no-cache';
/** Files that must be checked on every load: the page, the service worker, the runtime config. */
const ALWAYS_FRESH = new Set(['/index.html', '/sw.js', '/config.json']);

/** The runtime configuration the local console gets (web/src/runtime-config.ts). */
export const localRuntimeConfig = (apiUrl: string, timeZone: string): RuntimeConfig => ({
  apiUrl: apiUrl.replace(/\/+$/, ''),
  timeZone,
  environment: 'local',
  auth: { mode: 'local', signInUrl: DEV_SIGN_IN_PATH },
});

/** The headers every answer carries: the CSP and the console's security headers, without HSTS on plain http. */
export const consoleHeaders = (apiUrl: string, filesEndpoint?: string): Record<string, string> => {
  const { 'strict-transport-security': _hsts, ...rest } = CONSOLE_SECURITY_HEADERS;
  const csp = consoleCsp({
    apiOrigin: new URL(apiUrl).origin,
    ...(filesEndpoint ? { fileOrigins: [new URL(filesEndpoint).origin] } : {}),
  });
  return { 'content-security-policy': csp, ...rest };
};

/**
 * The file under `root` a URL path names, or undefined when it leaves the root,
 * names a dotfile (the build's manifest and stamp) or is not a clean path.
 */
export const resolveInside = (root: string, pathname: string): string | undefined => {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return undefined;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return undefined;
  const segments = decoded.split('/').filter((s) => s !== '');
  if (segments.some((s) => s === '..' || s === '.' || s.startsWith('.'))) return undefined;
  const base = resolve(root);
  const file = resolve(base, ...segments);
  return file.startsWith(base + sep) ? file : undefined;
};

const sendText = (
  res: ServerResponse,
  status: number,
  text: string,
  headers: Record<string, string> = {},
) => {
  res.statusCode = status;
  res.setHeader('content-type', 'text/plain; charset=utf-8');
  res.setHeader('cache-control', NO_CACHE);
  for (const [k, v] of Object.entries(headers)) res.setHeader(k, v);
  res.end(text);
};

export const startConsoleServer = async (options: ConsoleServerOptions): Promise<ConsoleServer> => {
  const host = options.host ?? '127.0.0.1';
  const root = resolve(options.distDir ?? CONSOLE_DIST_DIR);
  const headers = consoleHeaders(options.apiUrl, options.filesEndpoint);
  const configJson = JSON.stringify(localRuntimeConfig(options.apiUrl, options.timeZone));
  const devSignIn = devSignInHandler(options.devSignIn);
  const log = options.log;

  const serveFile = async (
    req: IncomingMessage,
    res: ServerResponse,
    file: string,
    cacheControl: string,
  ): Promise<boolean> => {
    const info = await stat(file).catch(() => undefined);
    if (!info?.isFile()) return false;
    const body = await readFile(file);
    res.statusCode = 200;
    res.setHeader('content-type', CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream');
    res.setHeader('cache-control', cacheControl);
    res.setHeader('content-length', body.length);
    res.setHeader('last-modified', info.mtime.toUTCString());
    res.end(req.method === 'HEAD' ? undefined : body);
    return true;
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    for (const [k, v] of Object.entries(headers)) res.setHeader(k, v);
    let url: URL;
    try {
      url = new URL(req.url ?? '/', 'http://console.invalid');
    } catch {
      return sendText(res, 400, 'Bad request');
    }
    if (await devSignIn(req, res, url)) return;

    if (req.method !== 'GET' && req.method !== 'HEAD') {
      return sendText(res, 405, 'Method not allowed', { allow: 'GET, HEAD' });
    }
    const path = url.pathname;
    if (path === '/config.json') {
      res.statusCode = 200;
      res.setHeader('content-type', CONTENT_TYPES['.json']!);
      res.setHeader('cache-control', NO_CACHE);
      res.end(req.method === 'HEAD' ? undefined : configJson);
      return;
    }
    // A path without an extension is a route of the single-page app: index.html answers it.
    if (extname(path) === '') {
      if (await serveFile(req, res, join(root, 'index.html'), NO_CACHE)) return;
      return sendText(
        res,
        503,
        'The console is not built: run `npm run build:web` (npm start builds it when sources change).',
      );
    }
    const file = resolveInside(root, path);
    if (file === undefined) return sendText(res, 404, 'Not found');
    const cache = path.startsWith('/assets/')
      ? IMMUTABLE
      : ALWAYS_FRESH.has(path)
        ? NO_CACHE
        : 'public, max-age=300';
    if (await serveFile(req, res, file, cache)) return;
    return sendText(res, 404, 'Not found');
  };

  const server = createServer((req, res) => {
    const started = performance.now();
    handle(req, res)
      .catch((err: unknown) => {
        console.error(`console server: unhandled error for ${req.method} ${req.url}:`, err);
        if (res.headersSent) res.destroy();
        else sendText(res, 500, 'Internal error');
      })
      .finally(() => {
        log?.(
          `console ${req.method} ${(req.url ?? '/').split('?')[0]} ${res.statusCode} ${Math.round(performance.now() - started)} ms`,
        );
      });
  });

  return listenHttp(server, {
    port: options.port,
    host,
    connectHost: connectHost(host),
    service: 'The console',
    envVar: 'CONSOLE_PORT',
  });
};

/**
 * The console on a started local stack (`npm start`): builds web/ when its
 * sources changed, then serves it on the stack's console port
 * (LocalStackOptions.consolePort, which the stack has already checked, allowed
 * by CORS and linked from emails), signing the development sign-in's tokens
 * with the stack's own key. A stack without a console port gets none.
 */
export const consoleExtension =
  (
    o: {
      /** A build already under way (start.ts starts it while Java starts); else it builds here when stale. */
      built?: Promise<string>;
      log?: (line: string) => void;
      /** One line per request to the console. */
      requestLog?: (line: string) => void;
    } = {},
  ): StackExtension =>
  async (stack) => {
    if (stack.consolePort === undefined) return undefined;
    await (o.built ?? ensureConsoleBuilt(o.log));
    const config = stack.deps.config;
    const server = await startConsoleServer({
      port: stack.consolePort,
      host: stack.host,
      apiUrl: stack.apiUrl,
      timeZone: config.timeZone,
      devSignIn: { signer: await TokenKeys.forDataDir(stack.dataDir), agencies: config.agencies },
      ...(o.requestLog ? { log: o.requestLog } : {}),
      ...(stack.settings.s3Endpoint ? { filesEndpoint: stack.settings.s3Endpoint } : {}),
    });
    return server.stop;
  };
