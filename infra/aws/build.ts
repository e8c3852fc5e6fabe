// Builds the CDK app for one environment, without reading the process
// environment: app.ts (the CLI entry) passes in what the CLI gave it, and the
// infra tests call buildApp() in-process.
import { App, type AppProps, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import type { AppConfig } from '#config/schema';
import { calendarCoverage } from '#domain/working-days';
import { loadAppConfig } from '#infra/config/index';
import { OpinionDeskStage, stageName } from './stage';

/**
 * The CLI tells the app to leave validation reporting to it, and then drops the
 * findings of stacks that were not selected: a plain `cdk synth` of this Stage
 * app would pass with cdk-nag errors. With this the app itself fails synth on
 * any unacknowledged error, whatever the CLI command.
 */
export const FAIL_SYNTH_ON_VALIDATION_ERRORS = { '@aws-cdk/core:failSynthOnValidationErrors': true } as const;

/**
 * Adds the environment's Stage to `app` and the cdk-nag AwsSolutions checks,
 * which run as a validation plugin when the app is synthesized. Throws for an
 * unknown environment name or an invalid config, naming it.
 */
export const defineApp = (app: App, envName: string): OpinionDeskStage => {
  const config = loadAppConfig(envName);
  checkCalendar(envName, config.calendar, new Date());
  const stage = new OpinionDeskStage(app, stageName(config), { config });
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  return stage;
};

/**
 * The working-day calendar must list this year's days off (deadlines and the
 * escalation ladder count on them): synth fails without it. Next year's missing
 * is a warning, so a deploy late in the year reminds the operator to add it.
 */
export const checkCalendar = (envName: string, calendar: AppConfig['calendar'], now: Date): void => {
  const coverage = calendarCoverage(calendar, now);
  const year = now.getUTCFullYear();
  if (!coverage.current)
    throw new Error(
      `infra/config (${envName}): calendar.years has no ${year}: add its days off (docs/configuration.md, "Working-day calendar")`,
    );
  if (!coverage.next)
    console.warn(
      `infra/config (${envName}): calendar.years has no ${year + 1} yet: add it once it is announced`,
    );
};

/** Props for the App that app.ts creates under the CLI. */
export const cliAppProps = (): AppProps => ({ postCliContext: { ...FAIL_SYNTH_ON_VALIDATION_ERRORS } });

export interface BuiltApp {
  app: App;
  stage: OpinionDeskStage;
}

/** A new App holding the one environment's Stage (for tests and scripts). */
export const buildApp = (envName: string, props: AppProps = {}): BuiltApp => {
  const app = new App({
    ...props,
    postCliContext: { ...props.postCliContext, ...FAIL_SYNTH_ON_VALIDATION_ERRORS },
  });
  return { app, stage: defineApp(app, envName) };
};
