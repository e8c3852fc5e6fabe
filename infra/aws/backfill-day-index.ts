// `npx tsx infra/aws/backfill-day-index.ts --env dev|staging|prod --table NAME`
// One-time step after deploying the daily summary's day index (gsi8) to a
// stage whose table already holds reports: gives each report its gsi8 keys
// (shared/store/reports.ts backfillDayIndex: a Query of the all-reports index,
// one conditional UpdateItem per report still without them). Idempotent, safe
// to run while the stage serves traffic, and safe to run twice. Uses the AWS
// credentials of the default chain in the environment's region. The local
// stack runs the same backfill itself when it adds gsi8 to an older data
// directory. Exit codes: 0 done, 1 AWS said no, 2 a usage error.
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { ENVIRONMENTS, type EnvironmentName } from '#config/schema';
import { loadAppConfig } from '#infra/config/index';
import { createDeps } from '#shared/deps';
import { backfillDayIndex } from '#store/reports';

export const USAGE = `Usage: npx tsx infra/aws/backfill-day-index.ts --env ${ENVIRONMENTS.join('|')} --table NAME [--endpoint URL]

  --env       the deployed environment (its config gives the region and time zone)
  --table     the table's name (the Table resource of stack OpinionDesk-<env>-Data)
  --endpoint  a DynamoDB endpoint other than AWS's (DynamoDB Local, for trying it out)`;

export const runBackfill = async (
  argv: string[],
  io: { out: (line: string) => void; err: (line: string) => void },
): Promise<number> => {
  let values: { env?: string; table?: string; endpoint?: string };
  try {
    ({ values } = parseArgs({
      args: argv,
      options: { env: { type: 'string' }, table: { type: 'string' }, endpoint: { type: 'string' } },
      strict: true,
    }));
  } catch (err) {
    io.err(`${(err as Error).message}\n${USAGE}`);
    return 2;
  }
  if (!values.env || !(ENVIRONMENTS as readonly string[]).includes(values.env) || !values.table) {
    io.err(USAGE);
    return 2;
  }
  const config = loadAppConfig(values.env as EnvironmentName);
  const deps = createDeps({
    config,
    tableName: values.table,
    region: config.region,
    ...(values.endpoint ? { dynamodbEndpoint: values.endpoint } : {}),
    dynamodbTimeoutMs: 5000,
  });
  try {
    const n = await backfillDayIndex(deps);
    io.out(`Indexed ${n} report${n === 1 ? '' : 's'} for the daily summary in ${values.table}.`);
    return 0;
  } catch (err) {
    io.err(
      `The backfill stopped: ${(err as Error).name}: ${(err as Error).message} (run it again to resume).`,
    );
    return 1;
  } finally {
    deps.db.destroy();
  }
};

if (import.meta.url === pathToFileURL(resolve(process.argv[1] ?? '')).href) {
  process.exitCode = await runBackfill(process.argv.slice(2), {
    out: (l) => console.log(l),
    err: (l) => console.error(l),
  });
}
