// The evidence files bucket (docs/files.md), in the stateful DataStack beside
// the table: uploads land in `incoming/` through presigned POST forms, the
// files function writes the checked and cleaned copies to `file/` and their
// thumbnails to `thumb/`, and readers get short-lived signed GET links.
//
// Choices (infra/aws/README.md, "The files bucket"):
// - Encrypted with S3-managed keys (SSE-S3), not a KMS key: every reader and
//   writer is one of our functions' roles, which would hold kms:Decrypt and
//   kms:GenerateDataKey on the key anyway, so a key of our own changes no one's
//   access; it would cost a key a month and a KMS request per upload and signed read.
// - No server access logs: they record the client IP of every presigned upload
//   and read, i.e. which address sent or looked at which evidence; the system
//   keeps no such data about people (SPEC §1; the API's access log and the
//   console's CloudFront leave IPs out too).
// - CORS: the console posts the upload form from its own origin. That origin is
//   the App stack's CloudFront domain, which this stateful stack cannot name (a
//   reference would tie the Data stack's deploy to the App stack's, and the
//   Data stack deploys first). So the rule allows config.corsOrigins, plus
//   `links.consoleUrl` when set, else any `https://*.cloudfront.net` origin. CORS
//   only lets a page read the answer: an upload is authorized by the signed
//   policy the API hands out for one key, one size and one type, and a read by
//   its signed link, so a wider origin grants nothing.
import { CfnOutput, Duration, Fn, RemovalPolicy, Validations } from 'aws-cdk-lib';
import {
  BlockPublicAccess,
  Bucket,
  BucketEncryption,
  type CorsRule,
  HttpMethods,
  type IBucket,
  type LifecycleRule,
  ObjectOwnership,
} from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import type { AppConfig } from '#config/schema';
import { filesBucketExportsOf } from '#infra/aws/names';
import { removalPolicyFor } from './retention';

/** The generated CloudFront domains the console is served from when no consoleUrl is configured. */
export const CLOUDFRONT_ORIGINS = 'https://*.cloudfront.net';

/** The object key prefixes (shared/domain/files.ts objectKeys): uploads, cleaned files, thumbnails. */
export const FILE_PREFIXES = ['incoming', 'file', 'thumb'] as const;
export type FilePrefix = (typeof FILE_PREFIXES)[number];

/** The origins whose pages may post an upload form and read the answer. */
export const uploadOrigins = (config: AppConfig): string[] => [
  ...new Set([
    ...config.corsOrigins.map((o) => new URL(o).origin),
    config.links.consoleUrl ? new URL(config.links.consoleUrl).origin : CLOUDFRONT_ORIGINS,
  ]),
];

/** The bucket's CORS rule: the console's POST of the upload form (a multipart form, no preflight). */
export const uploadCors = (config: AppConfig): CorsRule => ({
  allowedOrigins: uploadOrigins(config),
  allowedMethods: [HttpMethods.POST],
  allowedHeaders: ['content-type'],
  maxAge: 3600,
});

/**
 * Uploads never confirmed go after a day (a form lives `uploadTtlSeconds`, at most an hour);
 * so do parts of a multipart upload nobody finished (S3 keeps and bills them otherwise). With
 * versioning, a deleted or overwritten object stays as a noncurrent version for
 * `noncurrentVersionDays`, then goes, and the delete marker left alone is removed.
 */
export const filesLifecycle = (config: AppConfig): LifecycleRule[] => [
  { id: 'incoming-after-1-day', prefix: 'incoming/', expiration: Duration.days(1) },
  { id: 'abort-incomplete-multipart-uploads', abortIncompleteMultipartUploadAfter: Duration.days(1) },
  ...(config.files.versioning
    ? [
        {
          id: 'noncurrent-versions',
          noncurrentVersionExpiration: Duration.days(config.files.noncurrentVersionDays),
          expiredObjectDeleteMarker: true,
        },
      ]
    : []),
];

export interface FilesBucketProps {
  config: AppConfig;
}

export class FilesBucket extends Construct {
  readonly bucket: Bucket;

  constructor(scope: Construct, id: string, props: FilesBucketProps) {
    super(scope, id);
    const { config } = props;
    const removalPolicy = removalPolicyFor(config);

    this.bucket = new Bucket(this, 'Bucket', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      minimumTLSVersion: 1.2,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      versioned: config.files.versioning,
      lifecycleRules: filesLifecycle(config),
      cors: [uploadCors(config)],
      // Evidence follows the table: kept outside dev when the stack goes, emptied and deleted in dev.
      removalPolicy,
      autoDeleteObjects: removalPolicy === RemovalPolicy.DESTROY,
    });
    Validations.of(this.bucket).acknowledge({
      id: 'AwsSolutions-S1',
      reason:
        'No server access logs: they would record the client IP address of every presigned upload and signed read of evidence, data about people the system does not keep (SPEC §1, docs/privacy.md). Who may upload or read is decided and recorded by the API.',
    });

    const exports = filesBucketExportsOf(config.env);
    new CfnOutput(this, 'Arn', {
      value: this.bucket.bucketArn,
      exportName: exports.arn,
      description: 'The evidence files bucket (ARN), imported by the App stack',
    });
    new CfnOutput(this, 'Name', {
      value: this.bucket.bucketName,
      exportName: exports.name,
      description: 'The evidence files bucket, imported by the App stack (FILES_BUCKET)',
    });
  }
}

/** The files bucket as the App stack sees it: imported by export name. */
export interface ImportedFilesBucket {
  bucket: IBucket;
  /** Objects under a key prefix as cdk-nag names them in a finding (`<export name>/file/*`). */
  nagObjectsArn(prefix: string): string;
}

export const importFilesBucket = (scope: Construct, id: string, config: AppConfig): ImportedFilesBucket => {
  const exports = filesBucketExportsOf(config.env);
  return {
    bucket: Bucket.fromBucketAttributes(scope, id, {
      bucketArn: Fn.importValue(exports.arn),
      bucketName: Fn.importValue(exports.name),
    }),
    nagObjectsArn: (prefix) => `${exports.arn}/${prefix}/*`,
  };
};
