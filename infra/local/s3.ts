// The local S3-compatible server (`s3rver`), run in this process: evidence
// files (docs/files.md) go to it through the same S3 client code, presigned
// POST uploads included, that talks to the deployed bucket. Objects live on
// disk under `directory` (the stack's DATA_DIR) or in a temporary directory
// (tests).
//
// What it does not do that S3 does, and what stands in for it: s3rver neither
// checks a POST policy's conditions (size, content type) nor verifies SigV4
// signatures, so the confirm step's own checks (size, type from the bytes) are
// the ones a local upload meets; S3 enforces both before that. It keeps no
// versions and runs no lifecycle rules.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import S3rver from 's3rver';
import { connectHost } from './dynamodb';
import { assertPortFree, LocalStackError, portInUseMessage } from './ports';

export interface LocalS3Options {
  /** 0 lets the OS pick a free port (tests). */
  port: number;
  host?: string;
  /** Where objects are kept; a fresh temporary directory (removed on stop) when absent. */
  directory?: string;
  /** Buckets to create, each allowing browser uploads and reads from these origins (CORS). */
  buckets: readonly { name: string; corsOrigins: readonly string[] }[];
}

export interface LocalS3 {
  endpoint: string;
  port: number;
  stop(): Promise<void>;
}

const xmlEscape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The bucket's CORS: the console posts uploads to it and reads files from it. */
export const corsXml = (origins: readonly string[]): string => {
  const allowed = origins.length ? origins : ['*'];
  return [
    '<CORSConfiguration>',
    '<CORSRule>',
    ...allowed.map((o) => `<AllowedOrigin>${xmlEscape(o)}</AllowedOrigin>`),
    '<AllowedMethod>GET</AllowedMethod>',
    '<AllowedMethod>POST</AllowedMethod>',
    '<AllowedMethod>HEAD</AllowedMethod>',
    '<AllowedHeader>*</AllowedHeader>',
    '<ExposeHeader>ETag</ExposeHeader>',
    '<MaxAgeSeconds>3000</MaxAgeSeconds>',
    '</CORSRule>',
    '</CORSConfiguration>',
  ].join('');
};

export const startLocalS3 = async ({
  port,
  host = '127.0.0.1',
  directory,
  buckets,
}: LocalS3Options): Promise<LocalS3> => {
  await assertPortFree(port, host, 'The local S3 server', 'S3_PORT');
  const temporary = directory ? undefined : await mkdtemp(join(tmpdir(), 'opinion-desk-s3-'));
  const server = new S3rver({
    port,
    address: host,
    directory: directory ?? temporary,
    silent: true,
    // SigV4 verification is not implemented in s3rver; every request is accepted as the one account.
    allowMismatchedSignatures: true,
    configureBuckets: buckets.map((b) => ({ name: b.name, configs: [corsXml(b.corsOrigins)] })),
  });
  let address: { port: number };
  try {
    address = (await server.run()) as unknown as { port: number };
  } catch (err) {
    if (temporary) await rm(temporary, { recursive: true, force: true });
    if ((err as NodeJS.ErrnoException).code === 'EADDRINUSE')
      throw new LocalStackError(portInUseMessage('The local S3 server', port, 'S3_PORT'));
    throw err;
  }
  const endpoint = `http://${connectHost(host)}:${address.port}`;
  let stopping: Promise<void> | undefined;
  const stop = (): Promise<void> => {
    stopping ??= (async () => {
      await server.close();
      if (temporary) await rm(temporary, { recursive: true, force: true });
    })();
    return stopping;
  };
  return { endpoint, port: address.port, stop };
};
