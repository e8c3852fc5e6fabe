// The HTTP API: one route per row of the route manifest (functions/routes.ts),
// each to its handler group's function; the JWT authorizer on every route that
// is not public; CORS, throttling and access logs from the environment config.
import { Duration, Validations } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import {
  CorsHttpMethod,
  HttpApi,
  HttpMethod,
  HttpNoneAuthorizer,
  HttpRoute,
  HttpRouteKey,
  HttpStage,
  type IHttpRouteAuthorizer,
  LogGroupLogDestination,
} from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpUserPoolAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type { UserPool, UserPoolClient } from 'aws-cdk-lib/aws-cognito';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { LogGroup } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import type { AppConfig } from '#config/schema';
import { type HandlerGroup, METHOD_FALLBACK_GROUP, type RouteDef, routeKey } from '#functions/routes';
import { logRetention, removalPolicyFor } from './retention';

/**
 * Access log line: ids, route, outcome and timings. No source IP, user agent or
 * caller identity: the desk tracks concerns, not people (docs/privacy.md).
 */
const ACCESS_LOG_FORMAT = AccessLogFormat.custom(
  JSON.stringify({
    requestId: '$context.requestId',
    requestTime: '$context.requestTime',
    routeKey: '$context.routeKey',
    status: '$context.status',
    protocol: '$context.protocol',
    responseLength: '$context.responseLength',
    responseLatency: '$context.responseLatency',
    integrationLatency: '$context.integrationLatency',
    integrationStatus: '$context.integrationStatus',
    integrationError: '$context.integrationErrorMessage',
    authorizerError: '$context.authorizer.error',
    error: '$context.error.message',
  }),
);

/** Request headers a browser client sends (docs/api.md), and response headers it must be able to read. */
const CORS_ALLOW_HEADERS = ['authorization', 'content-type', 'idempotency-key', 'if-match'];
const CORS_EXPOSE_HEADERS = [
  'etag',
  'location',
  'retry-after',
  'link',
  'x-export-next',
  'x-export-rows',
  'content-disposition',
];

export interface OpinionDeskApiProps {
  config: AppConfig;
  routes: readonly RouteDef[];
  /** The function that serves each handler group. */
  functions: Record<HandlerGroup, IFunction>;
  userPool: UserPool;
  userPoolClient: UserPoolClient;
  /** The console's origin (`https://<distribution domain>`), allowed by CORS besides config.corsOrigins. */
  consoleOrigin: string;
}

export class OpinionDeskApi extends Construct {
  readonly httpApi: HttpApi;
  readonly stage: HttpStage;
  readonly accessLogs: LogGroup;
  /** Route constructs by route key (`GET /reports/{id}`). */
  readonly routes = new Map<string, HttpRoute>();
  /** The `ANY <path>` routes that answer 405, by route key. */
  readonly methodFallbacks = new Map<string, HttpRoute>();

  constructor(scope: Construct, id: string, props: OpinionDeskApiProps) {
    super(scope, id);
    const { config } = props;

    this.httpApi = new HttpApi(this, 'HttpApi', {
      apiName: `opinion-desk-${config.env}`,
      description: `opinion-desk API (${config.env})`,
      createDefaultStage: false,
      // The console calls the API from its own origin; config.corsOrigins adds others (a local
      // development server, a custom domain).
      corsPreflight: {
        allowOrigins: [props.consoleOrigin, ...config.corsOrigins],
        allowMethods: [CorsHttpMethod.GET, CorsHttpMethod.POST, CorsHttpMethod.OPTIONS],
        allowHeaders: CORS_ALLOW_HEADERS,
        exposeHeaders: CORS_EXPOSE_HEADERS,
        maxAge: Duration.hours(1),
      },
    });

    this.accessLogs = new LogGroup(this, 'AccessLogs', {
      retention: logRetention(config),
      removalPolicy: removalPolicyFor(config),
    });
    this.stage = new HttpStage(this, 'DefaultStage', {
      httpApi: this.httpApi,
      stageName: '$default',
      autoDeploy: true,
      throttle: { rateLimit: config.api.throttleRatePerSecond, burstLimit: config.api.throttleBurst },
      accessLogSettings: {
        destination: new LogGroupLogDestination(this.accessLogs),
        format: ACCESS_LOG_FORMAT,
      },
    });

    // Clients send the Cognito ID token: it carries cognito:groups, custom:agency
    // and email, which shared/http/principal.ts reads (access tokens lack the last two).
    const jwtAuthorizer = new HttpUserPoolAuthorizer('CognitoJwt', props.userPool, {
      userPoolClients: [props.userPoolClient],
    });
    const noAuthorizer = new HttpNoneAuthorizer();

    const integrations = new Map<HandlerGroup, HttpLambdaIntegration>();
    const integrationOf = (group: HandlerGroup): HttpLambdaIntegration => {
      let integration = integrations.get(group);
      if (!integration) {
        integration = new HttpLambdaIntegration(`${group}-integration`, props.functions[group]);
        integrations.set(group, integration);
      }
      return integration;
    };

    for (const route of props.routes) {
      const key = routeKey(route);
      const isPublic = route.access === 'public';
      const authorizer: IHttpRouteAuthorizer = isPublic ? noAuthorizer : jwtAuthorizer;
      const httpRoute = new HttpRoute(this, `Route ${key.replaceAll('/', '|')}`, {
        httpApi: this.httpApi,
        routeKey: HttpRouteKey.with(route.path, HttpMethod[route.method]),
        integration: integrationOf(route.group),
        authorizer,
      });
      if (isPublic) {
        Validations.of(httpRoute).acknowledge({
          id: 'AwsSolutions-APIG4',
          reason: `${key} is public by design (functions/routes.ts access: 'public', docs/roles.md): ${route.summary}; it returns no stored data.`,
        });
      }
      this.routes.set(key, httpRoute);
    }

    // A known path with a method it lacks answers 405 with Allow instead of
    // the gateway's 404: one public `ANY <path>` route per path (routes with
    // an explicit method take priority), served without reading the store.
    for (const path of new Set(props.routes.map((r) => r.path))) {
      const key = `ANY ${path}`;
      const httpRoute = new HttpRoute(this, `Route ${key.replaceAll('/', '|')}`, {
        httpApi: this.httpApi,
        routeKey: HttpRouteKey.with(path, HttpMethod.ANY),
        integration: integrationOf(METHOD_FALLBACK_GROUP),
        authorizer: noAuthorizer,
      });
      Validations.of(httpRoute).acknowledge({
        id: 'AwsSolutions-APIG4',
        reason: `${key} only answers 405 with Allow (the methods ${path} takes); it reads nothing and returns no stored data.`,
      });
      this.methodFallbacks.set(key, httpRoute);
    }
  }
}
