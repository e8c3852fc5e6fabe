// `npm run --silent job -- <name> [flags]`: runs one scheduled job once against
// the running local stack (found through <DATA_DIR>/stack.json), with the same
// `run` the deployed Lambda and the local scheduler call, and prints exactly one
// JSON line `{ "job": name, ...result }` on stdout. Logs go to stderr.
//
//   npm run --silent job -- daily-summary [--date YYYY-MM-DD] [--force] [--now RFC3339] [--dry-run]
//   npm run --silent job -- briefing-reminders [--now RFC3339] [--dry-run]
//
// Exit codes: 0 the run finished (its `failed` count says whether every email
// went out; what failed is retried by the next run), 1 the stack is not running
// or the run threw, 2 a usage error, or a run the job refused (its result has an
// `error`, such as daily-summary asked for a day that has not ended; its JSON
// line is still printed, and its `message` goes to stderr).
import { createMailingDeps } from '#mail/deps';
import { JobFlagError, jobOptionsFromFlags, jobUsage, localJobs, parseJobFlags } from './jobs';
import { localWebhookSecret } from './local-webhooks';
import { LocalStackError } from './ports';
import { localRuntimeSettings } from './stack';
import { isConnectionError, notRunningMessage, readStackFile, shellQuote } from './stack-file';

// Stdout carries the one result line; anything else written there (the
// Powertools logger writes JSON logs to process.stdout) goes to stderr instead.
const writeResult = process.stdout.write.bind(process.stdout);
process.stdout.write = process.stderr.write.bind(process.stderr) as typeof process.stdout.write;

const usage = () => {
  const jobs = Object.values(localJobs);
  return [
    'Usage: npm run --silent job -- <name> [flags]',
    `Jobs: ${jobs.length > 0 ? jobs.map((j) => j.name).join(', ') : '(none)'}`,
    ...jobs.map((j) => `  ${jobUsage(j.schedule)}`),
  ].join('\n');
};

const fail = (message: string, code: number): never => {
  console.error(message);
  process.exit(code);
};

const main = async () => {
  const [name, ...rest] = process.argv.slice(2);
  if (!name || name === '--help' || name === '-h') return fail(usage(), name ? 0 : 2);
  const job = Object.hasOwn(localJobs, name) ? localJobs[name] : undefined;
  if (!job) return fail(`Unknown job "${name}".\n${usage()}`, 2);
  const { flags, positionals } = parseJobFlags(rest);
  if (positionals.length > 0) return fail(`Unexpected argument "${positionals[0]}".\n${usage()}`, 2);
  if (flags.help === true) return fail(`Usage: npm run --silent job -- ${jobUsage(job.schedule)}`, 0);

  const dataDir = process.env.DATA_DIR?.trim() || '.local';
  let options: ReturnType<typeof jobOptionsFromFlags>;
  try {
    options = jobOptionsFromFlags(job.schedule, flags, { dataDir });
  } catch (err) {
    if (err instanceof JobFlagError) return fail(err.message, 2);
    throw err;
  }

  const command = `--silent job -- ${[name, ...rest].map(shellQuote).join(' ')}`;
  const stack = await readStackFile(dataDir, { command });
  const run = await job.load();
  // The stack's receiver is its endpoint `local` here too: else the job's retry
  // sweep would give up what it owes as "no longer configured".
  const webhookReceiver = stack.webhookReceiverUrl
    ? { url: stack.webhookReceiverUrl, secret: await localWebhookSecret(stack.dataDir ?? dataDir) }
    : undefined;
  const deps = createMailingDeps(
    localRuntimeSettings({ ...stack, ...(webhookReceiver ? { webhookReceiver } : {}) }),
  );
  try {
    const { job: _reported, ...result } = await run(deps, options);
    // A dry run says where its files are: in the JSON line, and in words on stderr.
    const outbox = options.dryRun && options.outboxDir ? { outboxDir: options.outboxDir } : {};
    writeResult(`${JSON.stringify({ job: name, ...result, ...outbox })}\n`);
    if (outbox.outboxDir) {
      const written = typeof result.written === 'number' ? result.written : 0;
      console.error(
        `Dry run: ${written} email(s) written under ${outbox.outboxDir}; nothing sent, no sent-marker set.`,
      );
    }
    if (typeof result.error === 'string') {
      console.error(typeof result.message === 'string' ? result.message : result.error);
      process.exitCode = 2;
    }
  } catch (err) {
    // The stack went away during the run: one line, not the SDK's stack trace.
    if (isConnectionError(err)) {
      throw new LocalStackError(
        await notRunningMessage(
          dataDir,
          command,
          `DynamoDB Local at ${stack.dynamodbEndpoint} stopped answering`,
        ),
      );
    }
    throw err;
  } finally {
    deps.db.destroy();
  }
};

main().catch((err: unknown) => {
  console.error(err instanceof LocalStackError ? err.message : err);
  process.exit(1);
});
