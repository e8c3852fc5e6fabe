// The CDK app entry (cdk.json: `npx tsx infra/aws/app.ts`). The environment is
// chosen with `-c env=dev|staging|prod` (default dev); this is the only place
// that reads CDK context for it.
import { App } from 'aws-cdk-lib';
import { ensureConsoleBuilt } from '#web/build';
import { cliAppProps, defineApp } from './build';

const app = new App(cliAppProps());
const envName: unknown = app.node.tryGetContext('env') ?? 'dev';

try {
  if (typeof envName !== 'string')
    throw new Error(`Context "env" must be a string, got ${JSON.stringify(envName)}`);
  // The console's deployment takes web/dist as it is: build it first when a source is newer.
  await ensureConsoleBuilt((line) => console.error(line));
  defineApp(app, envName);
  app.synth();
} catch (error) {
  console.error(`opinion-desk: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
