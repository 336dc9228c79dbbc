/**
 * The least-privilege IAM policy for the whole workshop in AWS mode: what the console's calls
 * need for Activities 1-3 and nothing more. Actions without resource-level permissions
 * (ListStreams, ListDeliveryStreams, ListApplications, ListAllMyBuckets, CloudWatch reads)
 * take "*"; iam:PassRole is limited to the service that receives the role
 * (iam:PassedToService, see IAM's "Granting a user permissions to pass a role to an AWS service").
 */
export const workshopPolicy = (region: string): string => {
  const r = region || '*';
  const policy = {
    Version: '2012-10-17',
    Statement: [
      {
        Sid: 'DataStreams',
        Effect: 'Allow',
        Action: [
          'kinesis:CreateStream',
          'kinesis:DeleteStream',
          'kinesis:DescribeStream',
          'kinesis:DescribeStreamSummary',
          'kinesis:ListShards',
          'kinesis:PutRecord',
          'kinesis:PutRecords',
          'kinesis:GetShardIterator',
          'kinesis:GetRecords',
          'kinesis:UpdateShardCount',
          'kinesis:SplitShard',
          'kinesis:MergeShards',
          'kinesis:EnableEnhancedMonitoring',
          'kinesis:DisableEnhancedMonitoring',
        ],
        Resource: `arn:aws:kinesis:${r}:*:stream/*`,
      },
      {
        Sid: 'DeliveryStreams',
        Effect: 'Allow',
        Action: [
          'firehose:CreateDeliveryStream',
          'firehose:DeleteDeliveryStream',
          'firehose:DescribeDeliveryStream',
          'firehose:UpdateDestination',
          'firehose:PutRecord',
          'firehose:PutRecordBatch',
        ],
        Resource: `arn:aws:firehose:${r}:*:deliverystream/*`,
      },
      {
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
        Resource: `arn:aws:kinesisanalytics:${r}:*:application/*`,
      },
      {
        Sid: 'WorkshopBucket',
        Effect: 'Allow',
        Action: ['s3:CreateBucket', 's3:DeleteBucket', 's3:ListBucket', 's3:GetBucketLocation', 's3:GetObject', 's3:DeleteObject'],
        Resource: ['arn:aws:s3:::*', 'arn:aws:s3:::*/*'],
      },
      {
        Sid: 'ListsAndMetrics',
        Effect: 'Allow',
        Action: [
          'kinesis:ListStreams',
          'firehose:ListDeliveryStreams',
          'kinesisanalytics:ListApplications',
          'kinesisanalytics:DiscoverInputSchema',
          's3:ListAllMyBuckets',
          'cloudwatch:GetMetricData',
          'cloudwatch:GetMetricStatistics',
          'cloudwatch:ListMetrics',
        ],
        Resource: '*',
      },
      {
        Sid: 'PassRoleToFirehose',
        Effect: 'Allow',
        Action: 'iam:PassRole',
        Resource: 'arn:aws:iam::*:role/*',
        Condition: { StringEquals: { 'iam:PassedToService': 'firehose.amazonaws.com' } },
      },
      {
        Sid: 'PassRoleToAnalytics',
        Effect: 'Allow',
        Action: 'iam:PassRole',
        Resource: 'arn:aws:iam::*:role/*',
        Condition: { StringEquals: { 'iam:PassedToService': 'kinesisanalytics.amazonaws.com' } },
      },
    ],
  };
  return JSON.stringify(policy, null, 2);
};
