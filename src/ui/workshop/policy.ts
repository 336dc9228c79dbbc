/**
 * The least-privilege IAM policy for the workshop in AWS mode: what the console's calls need for
 * Activities 1-3 and nothing more, on the resources the user names (or on all of their kind when
 * none is named). Actions without resource-level permissions (ListStreams, ListDeliveryStreams,
 * ListApplications, ListAllMyBuckets, DescribeLimits, CloudWatch reads) take "*"; iam:PassRole is
 * limited to the delivery role and to the service that receives it (iam:PassedToService, see IAM's
 * "Granting a user permissions to pass a role to an AWS service").
 */
export interface PolicyInput {
  /** The region; empty for any. */
  region?: string;
  /** The 12-digit account id; empty for any. */
  accountId?: string;
  /** Data stream names; none for any stream. */
  streams?: readonly string[];
  /** The Firehose delivery stream name; empty for any. */
  deliveryStream?: string;
  /** The bucket Firehose writes to; empty for any. */
  bucket?: string;
  /** The key prefix the console reads and deletes under (Firehose's prefix); empty for the whole bucket. */
  prefix?: string;
  /** The role Firehose assumes to write to S3: a role name or its ARN; empty for any role. */
  deliveryRole?: string;
  /** Kinesis Data Analytics SQL applications (discontinued by AWS: only for accounts that still have them). */
  analytics?: boolean;
}

interface Statement {
  Sid: string;
  Effect: 'Allow';
  Action: string | string[];
  Resource: string | string[];
  Condition?: Record<string, Record<string, string | string[]>>;
}

/** The stream names in a comma- or space-separated list, without blanks or repeats. */
export const splitNames = (text: string): string[] => [...new Set(text.split(/[\s,]+/).filter(Boolean))];

/** The policy as an object (the statements in a fixed order). */
export const leastPrivilegePolicy = (i: PolicyInput = {}): { Version: string; Statement: Statement[] } => {
  const r = i.region || '*';
  const a = i.accountId || '*';
  const streams = i.streams?.length ? i.streams : ['*'];
  const bucket = i.bucket || '*';
  // A prefix ending in "/" already reads as a folder; anything else matches as a key start.
  const objects = `arn:aws:s3:::${bucket}/${i.prefix ?? ''}*`;
  const role = i.deliveryRole
    ? i.deliveryRole.startsWith('arn:')
      ? i.deliveryRole
      : `arn:aws:iam::${a}:role/${i.deliveryRole}`
    : `arn:aws:iam::${a}:role/*`;
  const one = <T>(xs: T[]): T | T[] => (xs.length === 1 ? xs[0] : xs);
  const statements: Statement[] = [
    {
      Sid: 'DataStreams',
      Effect: 'Allow',
      Action: [
        'kinesis:CreateStream',
        'kinesis:DeleteStream',
        'kinesis:DescribeStreamSummary',
        'kinesis:ListShards',
        'kinesis:PutRecord',
        'kinesis:PutRecords',
        'kinesis:GetShardIterator',
        'kinesis:GetRecords',
        'kinesis:UpdateShardCount',
        'kinesis:SplitShard',
        'kinesis:MergeShards',
        'kinesis:IncreaseStreamRetentionPeriod',
        'kinesis:DecreaseStreamRetentionPeriod',
        'kinesis:EnableEnhancedMonitoring',
        'kinesis:DisableEnhancedMonitoring',
        'kinesis:RegisterStreamConsumer',
        'kinesis:ListStreamConsumers',
      ],
      Resource: one(streams.map((s) => `arn:aws:kinesis:${r}:${a}:stream/${s}`)),
    },
    {
      Sid: 'StreamConsumers',
      Effect: 'Allow',
      Action: ['kinesis:DeregisterStreamConsumer', 'kinesis:DescribeStreamConsumer'],
      Resource: one(streams.map((s) => `arn:aws:kinesis:${r}:${a}:stream/${s}/consumer/*`)),
    },
    {
      Sid: 'DeliveryStream',
      Effect: 'Allow',
      Action: [
        'firehose:CreateDeliveryStream',
        'firehose:DeleteDeliveryStream',
        'firehose:DescribeDeliveryStream',
        'firehose:UpdateDestination',
        'firehose:PutRecord',
        'firehose:PutRecordBatch',
      ],
      Resource: `arn:aws:firehose:${r}:${a}:deliverystream/${i.deliveryStream || '*'}`,
    },
    {
      Sid: 'WorkshopBucket',
      Effect: 'Allow',
      Action: ['s3:CreateBucket', 's3:DeleteBucket', 's3:ListBucket', 's3:GetBucketLocation'],
      Resource: `arn:aws:s3:::${bucket}`,
    },
    {
      Sid: 'DeliveredObjects',
      Effect: 'Allow',
      Action: ['s3:GetObject', 's3:PutObject', 's3:DeleteObject'],
      Resource: objects,
    },
  ];
  if (i.analytics)
    statements.push({
      Sid: 'AnalyticsApplications',
      Effect: 'Allow',
      Action: [
        'kinesisanalytics:CreateApplication',
        'kinesisanalytics:DeleteApplication',
        'kinesisanalytics:DescribeApplication',
        'kinesisanalytics:UpdateApplication',
        'kinesisanalytics:AddApplicationInput',
        'kinesisanalytics:AddApplicationOutput',
        'kinesisanalytics:DeleteApplicationOutput',
        'kinesisanalytics:StartApplication',
        'kinesisanalytics:StopApplication',
      ],
      Resource: `arn:aws:kinesisanalytics:${r}:${a}:application/*`,
    });
  statements.push(
    {
      Sid: 'ListsAndMetrics',
      Effect: 'Allow',
      Action: [
        'kinesis:ListStreams',
        'kinesis:DescribeLimits',
        'firehose:ListDeliveryStreams',
        's3:ListAllMyBuckets',
        'cloudwatch:GetMetricData',
        'cloudwatch:GetMetricStatistics',
        'cloudwatch:ListMetrics',
        ...(i.analytics ? ['kinesisanalytics:ListApplications', 'kinesisanalytics:DiscoverInputSchema'] : []),
      ],
      Resource: '*',
    },
    {
      Sid: 'PassDeliveryRoleToFirehose',
      Effect: 'Allow',
      Action: 'iam:PassRole',
      Resource: role,
      Condition: { StringEquals: { 'iam:PassedToService': 'firehose.amazonaws.com' } },
    },
  );
  if (i.analytics)
    statements.push({
      Sid: 'PassRoleToAnalytics',
      Effect: 'Allow',
      Action: 'iam:PassRole',
      Resource: `arn:aws:iam::${a}:role/*`,
      Condition: { StringEquals: { 'iam:PassedToService': 'kinesisanalytics.amazonaws.com' } },
    });
  return { Version: '2012-10-17', Statement: statements };
};

/** The policy as the JSON text to paste into IAM. */
export const policyJson = (i: PolicyInput = {}): string => JSON.stringify(leastPrivilegePolicy(i), null, 2);

/** The walkthrough's policy: every resource of its kind in the region, SQL applications included. */
export const workshopPolicy = (region: string): string => policyJson({ region, analytics: true });
