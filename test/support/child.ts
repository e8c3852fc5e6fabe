// Child processes in tests: a spawned process with its output collected as it
// comes, and a stack file pointing the companion commands at a test's table.
import type { ChildProcess } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { type StackFile, stackFilePath } from '#infra/local/stack-file';

export interface Run {
  child: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Collects a child's stdout and stderr and settles `exited` when it exits. */
export const watch = (child: ChildProcess): Run => {
  let out = '';
  let err = '';
  child.stdout?.on('data', (c: Buffer) => {
    out += c.toString();
  });
  child.stderr?.on('data', (c: Buffer) => {
    err += c.toString();
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  return { child, stdout: () => out, stderr: () => err, exited };
};

/**
 * Writes `<dataDir>/stack.json` naming a test's table and mail server, as a running
 * stack would (without `pid`: the commands then check that DynamoDB answers).
 */
export const writeStackFile = async (
  dataDir: string,
  t: { endpoint: string; sesEndpoint: string; tableName: string },
  over: Partial<StackFile> = {},
): Promise<void> => {
  const file: StackFile = {
    apiUrl: 'http://127.0.0.1:9',
    dynamodbEndpoint: t.endpoint,
    sesEndpoint: t.sesEndpoint,
    mailViewerUrl: 'http://127.0.0.1:9',
    tableName: t.tableName,
    ...over,
  };
  await writeFile(stackFilePath(dataDir), JSON.stringify(file));
};
