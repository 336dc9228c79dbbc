import { describe, expect, it } from 'vitest';
import { WORKSHOP_SQL } from '../hooks/workshopSql';
import {
  aggregatePumpRunning,
  applicationStopped,
  applicationWithSource,
  cleanedUp,
  dedupPumpRunning,
  deliveryStreamToS3,
  filteredToFirehose,
  filterRowsSeen,
  generatorWroteRecords,
  hasPump,
  incomingRecordsSeen,
  objectsInS3,
  streamWithTwoShards,
  type DetectorContext,
  type Remembered,
  type WorkshopApplication,
  type WorkshopDeliveryStream,
  type WorkshopSnapshot,
} from './detectors';

const ctx = (remembered: Remembered = {}, done: string[] = []): DetectorContext => ({ remembered, done: new Set(done) });
const snap = (p: Partial<WorkshopSnapshot>): WorkshopSnapshot => ({ mode: 'emulated', ...p });
const R = { stream: 'iot', application: 'app', deliveryStream: 'fh', bucket: 'b1' };
const STREAM_ARN = 'arn:aws:kinesis:us-east-1:000000000000:stream/iot';
const FH_ARN = 'arn:aws:firehose:us-east-1:000000000000:deliverystream/fh';

const app = (p: Partial<WorkshopApplication> = {}): WorkshopApplication => ({
  name: 'app',
  status: 'RUNNING',
  code: WORKSHOP_SQL,
  inputs: [{ streamArn: STREAM_ARN, columns: 4 }],
  outputs: [],
  streamTotals: { CLEAN_IOT_STREAM: 10, FILTERED_STREAM: 4, AGGREGATE_STREAM: 2 },
  ...p,
});
const ds = (p: Partial<WorkshopDeliveryStream> = {}): WorkshopDeliveryStream => ({
  name: 'fh',
  status: 'ACTIVE',
  bucket: 'b1',
  prefix: '',
  sizeInMBs: 5,
  intervalInSeconds: 60,
  objects: [],
  ...p,
});

describe('1-A streamWithTwoShards', () => {
  it('is not done with no stream, one shard, or two shards still CREATING', () => {
    expect(streamWithTwoShards(snap({ streams: [] }), ctx()).done).toBe(false);
    const one = streamWithTwoShards(snap({ streams: [{ name: 'iot', status: 'ACTIVE', openShards: 1 }] }), ctx());
    expect(one).toMatchObject({ done: false, detail: 'iot has 1 open shard; the workshop uses 2.' });
    const creating = streamWithTwoShards(snap({ streams: [{ name: 'iot', status: 'CREATING', openShards: 2 }] }), ctx());
    expect(creating).toMatchObject({ done: false, detail: 'iot is CREATING; it is ready when ACTIVE.' });
    expect(streamWithTwoShards(snap({}), ctx()).done).toBe(false);
  });

  it('is done with 2 ACTIVE shards, and remembers the stream', () => {
    const c = streamWithTwoShards(snap({ streams: [{ name: 'other', status: 'ACTIVE', openShards: 4 }, { name: 'iot', status: 'ACTIVE', openShards: 2 }] }), ctx());
    expect(c).toMatchObject({ done: true, remember: { stream: 'iot' } });
  });
});

describe('1-C generatorWroteRecords', () => {
  const g = { stream: 'iot', target: 'kinesis' as const, anyAcknowledged: true, targetRate: 200, running: true };
  it('is done when the workshop stream acknowledged records sent at 100-500 a second', () => {
    expect(generatorWroteRecords(snap({ generator: g }), ctx({ stream: 'iot' })).done).toBe(true);
  });
  it('is not done before a record is acknowledged, at a rate outside 100-500, to another stream, or to Firehose', () => {
    expect(generatorWroteRecords(snap({}), ctx()).done).toBe(false);
    expect(generatorWroteRecords(snap({ generator: { ...g, anyAcknowledged: false } }), ctx({ stream: 'iot' })).done).toBe(false);
    const slow = generatorWroteRecords(snap({ generator: { ...g, targetRate: 50 } }), ctx({ stream: 'iot' }));
    expect(slow).toMatchObject({ done: false, detail: 'The run sends 50 records a second; pick a rate from 100 to 500.' });
    expect(generatorWroteRecords(snap({ generator: { ...g, targetRate: 501 } }), ctx({ stream: 'iot' })).done).toBe(false);
    expect(generatorWroteRecords(snap({ generator: { ...g, stream: 'x' } }), ctx({ stream: 'iot' })).done).toBe(false);
    expect(generatorWroteRecords(snap({ generator: { ...g, target: 'firehose' } }), ctx({ stream: 'iot' })).done).toBe(false);
  });
});

describe('1-M incomingRecordsSeen', () => {
  it('is done when the 1-minute sums of IncomingRecords hold records', () => {
    expect(incomingRecordsSeen(snap({ incomingRecords: { stream: 'iot', sum: 600 } }), ctx({ stream: 'iot' })).done).toBe(true);
  });
  it('is not done at 0, for another stream, or before the stream is known', () => {
    expect(incomingRecordsSeen(snap({ incomingRecords: { stream: 'iot', sum: 0 } }), ctx({ stream: 'iot' })).done).toBe(false);
    expect(incomingRecordsSeen(snap({ incomingRecords: { stream: 'x', sum: 5 } }), ctx({ stream: 'iot' })).done).toBe(false);
    expect(incomingRecordsSeen(snap({ incomingRecords: { stream: 'iot', sum: 5 } }), ctx()).done).toBe(false);
  });
});

describe('2-A applicationWithSource', () => {
  it('is done when an application reads the workshop stream with a discovered schema', () => {
    expect(applicationWithSource(snap({ applications: [app({ status: 'READY', code: '' })] }), ctx({ stream: 'iot' }))).toMatchObject({ done: true, remember: { application: 'app' } });
  });
  it('is not done without an application, without a source, without columns, or reading another stream', () => {
    expect(applicationWithSource(snap({ applications: [] }), ctx({ stream: 'iot' })).done).toBe(false);
    expect(applicationWithSource(snap({ applications: [app({ inputs: [] })] }), ctx({ stream: 'iot' })).done).toBe(false);
    expect(applicationWithSource(snap({ applications: [app({ inputs: [{ streamArn: STREAM_ARN, columns: 0 }] })] }), ctx({ stream: 'iot' })).done).toBe(false);
    expect(applicationWithSource(snap({ applications: [app()] }), ctx({ stream: 'other' })).done).toBe(false);
    // Another scenario's application (CloudTrail records) does not count for the immersion day.
    const cloudtrail = app({ inputs: [{ streamArn: STREAM_ARN, columns: 3, names: ['eventTime', 'eventName', 'sourceIPAddress'] }] });
    expect(applicationWithSource(snap({ applications: [cloudtrail] }), ctx()).done).toBe(false);
    const sensors = app({ inputs: [{ streamArn: STREAM_ARN, columns: 4, names: ['sensorId', 'eventTimeStamp', 'ambientTemp', 'measuredTemp'] }] });
    expect(applicationWithSource(snap({ applications: [sensors] }), ctx()).done).toBe(true);
  });
});

describe('2-B..2-D pumps', () => {
  it('finds the workshop pumps in the lab SQL, and not in other SQL', () => {
    expect(hasPump(WORKSHOP_SQL, 'DEDUP_PUMP', 'CLEAN_IOT_STREAM')).toBe(true);
    expect(hasPump(WORKSHOP_SQL, 'FILTER_PUMP', 'FILTERED_STREAM')).toBe(true);
    expect(hasPump(WORKSHOP_SQL, 'AGGREGATE_PUMP', 'AGGREGATE_STREAM')).toBe(true);
    expect(hasPump('create or replace pump "DEDUP_PUMP" as insert into "CLEAN_IOT_STREAM" select stream * from x;', 'DEDUP_PUMP', 'CLEAN_IOT_STREAM')).toBe(true);
    expect(hasPump('-- DEDUP_PUMP later', 'DEDUP_PUMP', 'CLEAN_IOT_STREAM')).toBe(false);
  });

  for (const [name, detector, stream] of [
    ['2-B dedupPumpRunning', dedupPumpRunning, 'CLEAN_IOT_STREAM'],
    ['2-C filterRowsSeen', filterRowsSeen, 'FILTERED_STREAM'],
    ['2-D aggregatePumpRunning', aggregatePumpRunning, 'AGGREGATE_STREAM'],
  ] as const) {
    it(`${name}: done when the pump runs and rows reached ${stream}`, () => {
      expect(detector(snap({ applications: [app()] }), ctx(R)).done).toBe(true);
      // AWS mode: the rows cannot be seen, the running pump is enough.
      expect(detector(snap({ mode: 'aws', applications: [app({ streamTotals: undefined })] }), ctx(R)).done).toBe(true);
    });
    it(`${name}: not done without the pump, while READY, or with no row in ${stream}`, () => {
      expect(detector(snap({ applications: [app({ code: '' })] }), ctx(R)).done).toBe(false);
      expect(detector(snap({ applications: [app({ status: 'READY' })] }), ctx(R)).done).toBe(false);
      expect(detector(snap({ applications: [app({ streamTotals: { CLEAN_IOT_STREAM: 0, FILTERED_STREAM: 0, AGGREGATE_STREAM: 0 } })] }), ctx(R)).done).toBe(false);
      expect(detector(snap({ applications: [] }), ctx(R)).done).toBe(false);
    });
  }
});

describe('2-E applicationStopped', () => {
  it('is done when the application that ran the pumps is READY', () => {
    expect(applicationStopped(snap({ applications: [app({ status: 'READY' })] }), ctx(R, ['2-B'])).done).toBe(true);
  });
  it('is not done while running, or before the pumps ran (a new application is READY too)', () => {
    expect(applicationStopped(snap({ applications: [app({ status: 'RUNNING' })] }), ctx(R, ['2-B'])).done).toBe(false);
    expect(applicationStopped(snap({ applications: [app({ status: 'STOPPING' })] }), ctx(R, ['2-B'])).done).toBe(false);
    expect(applicationStopped(snap({ applications: [app({ status: 'READY' })] }), ctx(R)).done).toBe(false);
  });
});

describe('3-A deliveryStreamToS3', () => {
  it('is done with an ACTIVE delivery stream to S3 buffering 5 MB / 60 s, and remembers it and its bucket', () => {
    expect(deliveryStreamToS3(snap({ deliveryStreams: [ds()] }), ctx({ stream: 'iot' }))).toMatchObject({ done: true, remember: { deliveryStream: 'fh', bucket: 'b1' } });
  });
  it('is not done with other buffering hints, while CREATING, without S3, or with none', () => {
    expect(deliveryStreamToS3(snap({ deliveryStreams: [ds({ sizeInMBs: 1 })] }), ctx()).detail).toBe('fh buffers 1 MB / 60 s; the lab uses 5 MB / 60 s.');
    expect(deliveryStreamToS3(snap({ deliveryStreams: [ds({ intervalInSeconds: 300 })] }), ctx()).done).toBe(false);
    expect(deliveryStreamToS3(snap({ deliveryStreams: [ds({ status: 'CREATING' })] }), ctx()).done).toBe(false);
    expect(deliveryStreamToS3(snap({ deliveryStreams: [ds({ bucket: undefined })] }), ctx()).done).toBe(false);
    expect(deliveryStreamToS3(snap({ deliveryStreams: [] }), ctx()).done).toBe(false);
  });
});

describe('3-B filteredToFirehose', () => {
  const out = { name: 'FILTERED_STREAM', firehoseArn: FH_ARN, format: 'CSV' };
  it('is done when FILTERED_STREAM goes to the delivery stream as CSV and the application runs', () => {
    expect(filteredToFirehose(snap({ applications: [app({ outputs: [out] })] }), ctx(R)).done).toBe(true);
  });
  it('is not done as JSON, for another in-application stream, another delivery stream, or while READY', () => {
    expect(filteredToFirehose(snap({ applications: [app({ outputs: [{ ...out, format: 'JSON' }] })] }), ctx(R)).done).toBe(false);
    expect(filteredToFirehose(snap({ applications: [app({ outputs: [{ ...out, name: 'AGGREGATE_STREAM' }] })] }), ctx(R)).done).toBe(false);
    expect(filteredToFirehose(snap({ applications: [app({ outputs: [{ ...out, firehoseArn: FH_ARN.replace('/fh', '/other') }] })] }), ctx(R)).done).toBe(false);
    expect(filteredToFirehose(snap({ applications: [app({ status: 'READY', outputs: [out] })] }), ctx(R)).done).toBe(false);
    expect(filteredToFirehose(snap({ applications: [app({ outputs: [out] })] }), ctx({ ...R, deliveryStream: undefined })).done).toBe(false);
  });
});

describe('3-C objectsInS3', () => {
  it('is done when an object from the delivery stream is under its prefix', () => {
    expect(objectsInS3(snap({ deliveryStreams: [ds({ objects: ['2026/01/02/03/fh-1-2026-01-02-03-04-05-abc'] })] }), ctx(R)).done).toBe(true);
  });
  it('is not done with an empty bucket, or before the listing is read', () => {
    expect(objectsInS3(snap({ deliveryStreams: [ds({ objects: [] })] }), ctx(R)).done).toBe(false);
    expect(objectsInS3(snap({ deliveryStreams: [ds({ objects: undefined })] }), ctx(R)).done).toBe(false);
    expect(objectsInS3(snap({ deliveryStreams: [] }), ctx(R)).done).toBe(false);
  });
});

describe('3-D cleanedUp', () => {
  const empty = snap({ streams: [], applications: [], deliveryStreams: [], buckets: [], generator: { stream: 'iot', anyAcknowledged: true, targetRate: 200, running: false } });
  it('is done when the generator stopped and the stream, application, delivery stream and bucket are gone', () => {
    expect(cleanedUp(empty, ctx(R, ['3-C'])).done).toBe(true);
  });
  it('is not done while any of them is left, or before the workshop got that far', () => {
    expect(cleanedUp({ ...empty, generator: { ...empty.generator!, running: true } }, ctx(R, ['3-C'])).done).toBe(false);
    expect(cleanedUp({ ...empty, streams: [{ name: 'iot', status: 'DELETING' }] }, ctx(R, ['3-C'])).done).toBe(false);
    expect(cleanedUp({ ...empty, applications: [app()] }, ctx(R, ['3-C'])).done).toBe(false);
    expect(cleanedUp({ ...empty, deliveryStreams: [ds()] }, ctx(R, ['3-C'])).done).toBe(false);
    const bucketLeft = cleanedUp({ ...empty, buckets: ['b1'] }, ctx(R, ['3-C']));
    expect(bucketLeft).toMatchObject({ done: false, detail: 'Still there: bucket b1.' });
    // An empty console at the start is not a cleaned-up workshop.
    expect(cleanedUp(empty, ctx({}, [])).done).toBe(false);
  });
});
