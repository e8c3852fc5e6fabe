// Email through SES v2: the sender identity from the config and a configuration
// set that every send names. The set suppresses addresses that bounce or
// complain and publishes sends, bounces, complaints, rejects and delays as
// CloudWatch metrics (one dimension, the set's name), which the operator's
// "email failures" alarm reads.
import { Stack } from 'aws-cdk-lib';
import { Grant } from 'aws-cdk-lib/aws-iam';
import {
  CloudWatchDimensionSource,
  ConfigurationSet,
  EmailIdentity,
  EmailSendingEvent,
  EventDestination,
  Identity,
  SuppressionReasons,
} from 'aws-cdk-lib/aws-ses';
import { Construct } from 'constructs';
import type { AppConfig } from '#config/schema';
import type { HandlerFunction } from './function';

/** The SES events published to CloudWatch: what an alarm on failed email needs, and the sends to rate them by. */
export const PUBLISHED_EMAIL_EVENTS = [
  EmailSendingEvent.SEND,
  EmailSendingEvent.REJECT,
  EmailSendingEvent.BOUNCE,
  EmailSendingEvent.COMPLAINT,
  EmailSendingEvent.DELIVERY_DELAY,
];

/** What a sender may do: SES v2 SendEmail is authorized as `ses:SendEmail` (SendRawEmail for v1 raw sends). */
export const SES_SEND_ACTIONS = ['ses:SendEmail', 'ses:SendRawEmail'];

export interface EmailProps {
  config: AppConfig;
}

export class Email extends Construct {
  readonly identity: EmailIdentity;
  readonly configurationSet: ConfigurationSet;

  constructor(scope: Construct, id: string, props: EmailProps) {
    super(scope, id);

    this.configurationSet = new ConfigurationSet(this, 'ConfigurationSet', {
      reputationMetrics: true,
      suppressionReasons: SuppressionReasons.BOUNCES_AND_COMPLAINTS,
    });
    this.configurationSet.addEventDestination('CloudWatch', {
      destination: EventDestination.cloudWatchDimensions([
        {
          // SES's auto-tag: every message sent through the set carries it.
          source: CloudWatchDimensionSource.MESSAGE_TAG,
          name: 'ses:configuration-set',
          defaultValue: this.configurationSet.configurationSetName,
        },
      ]),
      events: PUBLISHED_EMAIL_EVENTS,
    });

    // The sender address must be verified once per account and region (SES sends
    // the verification mail when this is created); the set is its default, so a
    // send that forgets to name it is still recorded.
    this.identity = new EmailIdentity(this, 'Sender', {
      identity: Identity.email(props.config.senderAddress),
      configurationSet: this.configurationSet,
    });
  }

  get configurationSetArn(): string {
    return Stack.of(this).formatArn({
      service: 'ses',
      resource: 'configuration-set',
      resourceName: this.configurationSet.configurationSetName,
    });
  }

  /**
   * Lets `fn` send as the configured sender through the configuration set, and
   * tells it the set's name (SES_CONFIGURATION_SET). SES authorizes a send
   * against the identity and against the configuration set, so both ARNs, and
   * nothing else.
   */
  grantSend(fn: HandlerFunction): void {
    fn.fn.addEnvironment('SES_CONFIGURATION_SET', this.configurationSet.configurationSetName);
    Grant.addToPrincipal({
      grantee: fn.fn,
      actions: SES_SEND_ACTIONS,
      resourceArns: [this.identity.emailIdentityArn, this.configurationSetArn],
    });
  }
}
