// One environment: a stateful DataStack (the table) and a stateless AppStack
// (user pool, API, functions, email, scheduled jobs) that is handed the table.
import { Stage, type StageProps, Tags } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import type { AppConfig } from '#config/schema';
import { AppStack } from './app-stack';
import { DataStack } from './data-stack';
import { stageNameOf } from './names';

export interface OpinionDeskStageProps extends StageProps {
  config: AppConfig;
}

export const stageName = (config: AppConfig): string => stageNameOf(config.env);

export class OpinionDeskStage extends Stage {
  readonly config: AppConfig;
  readonly dataStack: DataStack;
  readonly appStack: AppStack;

  constructor(scope: Construct, id: string, props: OpinionDeskStageProps) {
    const { config, ...stageProps } = props;
    super(scope, id, { env: { account: config.account, region: config.region }, ...stageProps });
    this.config = config;

    this.dataStack = new DataStack(this, 'Data', {
      config,
      description: `opinion-desk ${config.env}: stateful resources (DynamoDB table, evidence files bucket)`,
    });
    this.appStack = new AppStack(this, 'App', {
      config,
      table: this.dataStack.table,
      description: `opinion-desk ${config.env}: user pool, HTTP API, functions, email, scheduled jobs, outbox sender and alarms`,
    });

    // The App stack imports the files bucket by export name, which CDK does not see as a reference.
    this.appStack.addStackDependency(this.dataStack, 'imports the evidence files bucket by export name');

    Tags.of(this).add('app', 'opinion-desk');
    Tags.of(this).add('env', config.env);
  }
}
