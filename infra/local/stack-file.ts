// `<DATA_DIR>/stack.json`: how the companion commands (job, seed) find a
// running local stack. Written when the stack is ready, removed when it stops.
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import * as z from 'zod';
import { dynamoAnswers } from './dynamodb';
import { LocalStackError } from './ports';

export const stackFileSchema = z.object({
  apiUrl: z.url(),
  dynamodbEndpoint: z.url(),
  sesEndpoint: z.url(),
  mailViewerUrl: z.url(),
  tableName: z.string().min(3),
});
export type StackFile = z.infer<typeof stackFileSchema>;

export const stackFilePath = (dataDir: string): string => join(resolve(dataDir), 'stack.json');

/** The running stack's addresses; a LocalStackError that says to run `npm start` when there is none. */
export const readStackFile = async (
  dataDir: string,
  options: { probe?: boolean } = {},
): Promise<StackFile> => {
  const file = stackFilePath(dataDir);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new LocalStackError(
        `The local stack is not running: ${file} does not exist. Start it with \`npm start\` ` +
          '(with the same DATA_DIR) in another terminal, wait for "API ready at", then run this again.',
      );
    }
    throw err;
  }
  let parsed: StackFile;
  try {
    parsed = stackFileSchema.parse(JSON.parse(text));
  } catch (err) {
    throw new LocalStackError(`${file} is not a valid stack file; restart the stack with \`npm start\`.`, {
      cause: err,
    });
  }
  if (options.probe !== false && !(await dynamoAnswers(parsed.dynamodbEndpoint, 2000))) {
    throw new LocalStackError(
      `The local stack is not running: ${file} names DynamoDB Local at ${parsed.dynamodbEndpoint}, ` +
        'which does not answer (the stack may have been killed). Start it again with `npm start`.',
    );
  }
  return parsed;
};
