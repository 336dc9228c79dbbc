import { randomHex } from '../../common/rng';
import { fErr } from '../errors';
import type { DeliveryStream } from '../types';
import type { FirehoseContext } from './context';
import { toDestination, type S3DestinationRequest } from './destination';
import { checkTags, MAX_TAGS } from './tags';

export interface CreateDeliveryStreamInput {
  DeliveryStreamName: string;
  DeliveryStreamType?: string;
  KinesisStreamSourceConfiguration?: { KinesisStreamARN: string; RoleARN: string };
  S3DestinationConfiguration?: S3DestinationRequest & { RoleARN: string; BucketARN: string };
  ExtendedS3DestinationConfiguration?: S3DestinationRequest & { RoleARN: string; BucketARN: string };
  Tags?: Array<{ Key: string; Value?: string }>;
  [other: string]: unknown;
}

/** Destinations other than S3 that CreateDeliveryStream accepts, which the emulator does not deliver to. */
const OTHER_DESTINATIONS = [
  'RedshiftDestinationConfiguration',
  'ElasticsearchDestinationConfiguration',
  'AmazonopensearchserviceDestinationConfiguration',
  'SplunkDestinationConfiguration',
  'HttpEndpointDestinationConfiguration',
  'AmazonOpenSearchServerlessDestinationConfiguration',
  'SnowflakeDestinationConfiguration',
  'IcebergDestinationConfiguration',
];

export const createDeliveryStream = (f: FirehoseContext, input: CreateDeliveryStreamInput) => {
  const type = input.DeliveryStreamType ?? 'DirectPut';
  // The texts below are the console's own, in AWS's manner.
  if (type !== 'DirectPut' && type !== 'KinesisStreamAsSource')
    throw fErr.invalidArgument(`DeliveryStreamType ${type} is not available in the emulator.`);
  if (type === 'KinesisStreamAsSource' && !input.KinesisStreamSourceConfiguration)
    throw fErr.invalidArgument(
      'KinesisStreamSourceConfiguration is required when DeliveryStreamType is KinesisStreamAsSource.',
    );
  if (type === 'DirectPut' && input.KinesisStreamSourceConfiguration)
    throw fErr.invalidArgument(
      'KinesisStreamSourceConfiguration is only allowed when DeliveryStreamType is KinesisStreamAsSource.',
    );
  const other = OTHER_DESTINATIONS.find((k) => input[k] !== undefined);
  if (other)
    throw fErr.invalidArgument(`${other} is not available in the emulator: it delivers to Amazon S3.`);
  const given = [input.S3DestinationConfiguration, input.ExtendedS3DestinationConfiguration].filter(
    (d) => d !== undefined,
  );
  if (given.length !== 1)
    throw fErr.invalidArgument('Exactly one destination configuration must be specified.');
  const tags = input.Tags ?? [];
  checkTags(tags, 'tags');
  if (new Set(tags.map((t) => t.Key)).size !== tags.length)
    throw fErr.invalidArgument('Tag keys must be unique.');
  if (tags.length > MAX_TAGS) throw fErr.limit(`A delivery stream can have at most ${MAX_TAGS} tags.`);
  const { store, rc } = f;
  if (store.find(rc.region, input.DeliveryStreamName))
    throw fErr.exists(input.DeliveryStreamName, store.account);
  const now = store.now();
  const source = input.KinesisStreamSourceConfiguration;
  if (source && f.env.openSource && !f.env.openSource(source.KinesisStreamARN, rc.region, now))
    throw fErr.invalidArgument(`Kinesis stream ${source.KinesisStreamARN} does not exist.`);
  const s: DeliveryStream = {
    DeliveryStreamName: input.DeliveryStreamName,
    DeliveryStreamARN: store.arnOf(rc.region, input.DeliveryStreamName),
    DeliveryStreamStatus: 'CREATING',
    DeliveryStreamType: type,
    VersionId: '1',
    CreateTimestamp: now,
    ...(source
      ? {
          KinesisStreamSource: {
            KinesisStreamARN: source.KinesisStreamARN,
            RoleARN: source.RoleARN,
            DeliveryStartTimestamp: now,
          },
        }
      : {}),
    Destination: toDestination(given[0]!, now),
    Tags: structuredClone(tags),
    _region: rc.region,
    _statusUntil: 0,
    _errors: [],
    _records: 0,
    _idPrefix: randomHex(f.engine.rng, 24),
  };
  store.transition(s, 'CREATING');
  store.streams.set(s.DeliveryStreamARN, s);
  return { DeliveryStreamARN: s.DeliveryStreamARN };
};
