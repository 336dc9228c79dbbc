import { describe, expect, it } from 'vitest';
import { leastPrivilegePolicy, policyJson, splitNames, workshopPolicy } from './policy';

const statement = (p: ReturnType<typeof leastPrivilegePolicy>, sid: string) => p.Statement.find((s) => s.Sid === sid);
const actions = (p: ReturnType<typeof leastPrivilegePolicy>) => p.Statement.flatMap((s) => [s.Action].flat());

describe('the least-privilege policy for named resources', () => {
  const named = leastPrivilegePolicy({
    region: 'eu-west-1',
    accountId: '123456789012',
    streams: ['input', 'output'],
    deliveryStream: 'to-s3',
    bucket: 'my-workshop',
    prefix: 'out/',
    deliveryRole: 'firehose-delivery',
  });

  it('grants stream actions on the named streams only', () => {
    expect(statement(named, 'DataStreams')?.Resource).toEqual([
      'arn:aws:kinesis:eu-west-1:123456789012:stream/input',
      'arn:aws:kinesis:eu-west-1:123456789012:stream/output',
    ]);
    expect(statement(named, 'StreamConsumers')?.Resource).toEqual([
      'arn:aws:kinesis:eu-west-1:123456789012:stream/input/consumer/*',
      'arn:aws:kinesis:eu-west-1:123456789012:stream/output/consumer/*',
    ]);
    expect(statement(named, 'DataStreams')?.Action).toEqual(expect.arrayContaining(['kinesis:PutRecords', 'kinesis:GetRecords', 'kinesis:ListShards']));
  });

  it('grants the delivery stream, the bucket and the objects under the prefix', () => {
    expect(statement(named, 'DeliveryStream')?.Resource).toBe('arn:aws:firehose:eu-west-1:123456789012:deliverystream/to-s3');
    expect(statement(named, 'WorkshopBucket')?.Resource).toBe('arn:aws:s3:::my-workshop');
    expect(statement(named, 'DeliveredObjects')).toMatchObject({
      Action: ['s3:GetObject', 's3:PutObject', 's3:DeleteObject'],
      Resource: 'arn:aws:s3:::my-workshop/out/*',
    });
  });

  it('passes only the delivery role, and only to Firehose', () => {
    expect(statement(named, 'PassDeliveryRoleToFirehose')).toEqual({
      Sid: 'PassDeliveryRoleToFirehose',
      Effect: 'Allow',
      Action: 'iam:PassRole',
      Resource: 'arn:aws:iam::123456789012:role/firehose-delivery',
      Condition: { StringEquals: { 'iam:PassedToService': 'firehose.amazonaws.com' } },
    });
    const byArn = leastPrivilegePolicy({ deliveryRole: 'arn:aws:iam::210987654321:role/service-role/fh' });
    expect(statement(byArn, 'PassDeliveryRoleToFirehose')?.Resource).toBe('arn:aws:iam::210987654321:role/service-role/fh');
  });

  it('gives "*" only to the calls that take no resource, CloudWatch reads among them', () => {
    expect(statement(named, 'ListsAndMetrics')).toMatchObject({
      Resource: '*',
      Action: ['kinesis:ListStreams', 'kinesis:DescribeLimits', 'firehose:ListDeliveryStreams', 's3:ListAllMyBuckets', 'cloudwatch:GetMetricData', 'cloudwatch:GetMetricStatistics', 'cloudwatch:ListMetrics'],
    });
    const wide = named.Statement.filter((s) => s.Resource === '*').map((s) => s.Sid);
    expect(wide).toEqual(['ListsAndMetrics']);
  });

  it('leaves Kinesis Data Analytics out unless asked', () => {
    expect(actions(named).some((a) => a.startsWith('kinesisanalytics:'))).toBe(false);
    const withSql = leastPrivilegePolicy({ analytics: true });
    expect(actions(withSql)).toEqual(expect.arrayContaining(['kinesisanalytics:CreateApplication', 'kinesisanalytics:ListApplications']));
    expect(withSql.Statement.filter((s) => s.Action === 'iam:PassRole').map((s) => s.Condition?.StringEquals['iam:PassedToService'])).toEqual([
      'firehose.amazonaws.com',
      'kinesisanalytics.amazonaws.com',
    ]);
  });

  it('stands for "any" where nothing is named', () => {
    const any = leastPrivilegePolicy({});
    expect(statement(any, 'DataStreams')?.Resource).toBe('arn:aws:kinesis:*:*:stream/*');
    expect(statement(any, 'DeliveredObjects')?.Resource).toBe('arn:aws:s3:::*/*');
    expect(statement(any, 'PassDeliveryRoleToFirehose')?.Resource).toBe('arn:aws:iam::*:role/*');
  });

  it('is valid policy JSON, and the walkthrough uses the same generator', () => {
    expect(JSON.parse(policyJson({ region: 'us-east-1' }))).toMatchObject({ Version: '2012-10-17' });
    expect(JSON.parse(workshopPolicy('us-west-2'))).toEqual(leastPrivilegePolicy({ region: 'us-west-2', analytics: true }));
  });

  it('reads stream names separated by commas or spaces', () => {
    expect(splitNames(' a, b  c,,a ')).toEqual(['a', 'b', 'c']);
  });
});
