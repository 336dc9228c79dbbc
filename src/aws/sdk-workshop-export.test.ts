import { CreateApplicationCommand, DescribeApplicationCommand } from '@aws-sdk/client-kinesis-analytics-v2';
import { CreateDeliveryStreamCommand, DescribeDeliveryStreamCommand } from '@aws-sdk/client-firehose';
import {
  CreateStreamCommand,
  GetRecordsCommand,
  GetShardIteratorCommand,
  ListStreamsCommand,
  PutRecordCommand,
} from '@aws-sdk/client-kinesis';
import {
  CreateBucketCommand,
  GetObjectCommand,
  ListBucketsCommand,
  PutObjectCommand,
} from '@aws-sdk/client-s3';
import { gunzipSync, gzipSync, strFromU8, strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { createServiceClients, EMULATOR_CREDENTIALS } from './clients';
import { defaultConnectionSettings } from './connection';
import { ScaledClock, VirtualClock } from '../engine/common/clock';
import { createInThreadClient } from '../worker/client';
import { EmulatorHost } from '../worker/host';
import { MemoryStorage, Persister, type StoredState } from '../worker/persistence';
import { WORKSHOP_FILE_FORMAT, WORKSHOP_FILE_VERSION } from '../worker/workshopFile';

const T0 = Date.UTC(2026, 0, 1, 9);
const CODE = 'CREATE OR REPLACE STREAM "DEST_SQL_STREAM" (v INTEGER);';
const BODY = new Uint8Array([0, 1, 2, 250, 255, 10, 13]);

/** An emulator host on a manual clock, saving to memory, and the console's SDK clients over it. */
const world = (start = T0) => {
  const base = new VirtualClock(start);
  const storage = new MemoryStorage();
  const host = new EmulatorHost({ clock: new ScaledClock(base), storage });
  const client = createInThreadClient(host);
  const clients = createServiceClients(defaultConnectionSettings, { emulatorTransport: client.transport });
  const advance = (ms: number) => {
    base.advance(ms);
    host.emulator.advance(host.clockSource.now());
  };
  return { base, host, storage, client, clients, advance };
};

const readStream = async (clients: ReturnType<typeof world>['clients'], name: string) => {
  const { ShardIterator } = await clients.kinesis.send(
    new GetShardIteratorCommand({
      StreamName: name,
      ShardId: 'shardId-000000000000',
      ShardIteratorType: 'TRIM_HORIZON',
    }),
  );
  const out = await clients.kinesis.send(new GetRecordsCommand({ ShardIterator }));
  return (out.Records ?? []).map((r) => ({
    key: r.PartitionKey,
    data: new TextDecoder().decode(r.Data),
    seq: r.SequenceNumber,
  }));
};

/** What a save holds of every service but CloudWatch (whose metrics count the test's own reads). */
const savedServices = (storage: MemoryStorage) => {
  const { cloudwatch: _metrics, ...services } = (storage.state as StoredState).snapshot.services;
  return { services, chunks: storage.chunks };
};

/** A stream with two records, an application with code, a delivery stream, a bucket with an object. */
const prepare = async () => {
  const w = world();
  const { clients, advance } = w;
  await clients.kinesis.send(new CreateStreamCommand({ StreamName: 'input', ShardCount: 1 }));
  await clients.s3.send(new CreateBucketCommand({ Bucket: 'workshop-out' }));
  advance(10_000);
  for (const d of ['{"t":1}', '{"t":2}'])
    await clients.kinesis.send(
      new PutRecordCommand({
        StreamName: 'input',
        PartitionKey: 'sensor-1',
        Data: new TextEncoder().encode(d),
      }),
    );
  await clients.s3.send(new PutObjectCommand({ Bucket: 'workshop-out', Key: 'a/b.bin', Body: BODY }));
  await clients.analytics.send(
    new CreateApplicationCommand({
      ApplicationName: 'app',
      RuntimeEnvironment: 'SQL-1_0',
      ServiceExecutionRole: 'arn:aws:iam::000000000000:role/workshop',
      ApplicationConfiguration: {
        ApplicationCodeConfiguration: { CodeContentType: 'PLAINTEXT', CodeContent: { TextContent: CODE } },
      },
    }),
  );
  await clients.firehose.send(
    new CreateDeliveryStreamCommand({
      DeliveryStreamName: 'to-s3',
      ExtendedS3DestinationConfiguration: {
        BucketARN: 'arn:aws:s3:::workshop-out',
        RoleARN: 'arn:aws:iam::000000000000:role/firehose',
      },
    }),
  );
  advance(10_000);
  await w.client.console.setSpeed(4);
  return w;
};

describe('workshop export and import', () => {
  it('carries every service, the bulk data and the clock into a fresh emulator, and saves it there', async () => {
    const a = await prepare();
    const before = await readStream(a.clients, 'input');
    expect(before).toHaveLength(2);
    const clockA = await a.client.console.clock();
    const bytes = await a.client.console.exportWorkshop({ ticked: { '1-A': { at: 1, detail: 'x' } } });

    const doc = JSON.parse(strFromU8(gunzipSync(bytes)));
    expect(doc).toMatchObject({
      format: WORKSHOP_FILE_FORMAT,
      version: WORKSHOP_FILE_VERSION,
      clock: clockA,
    });
    expect(Object.keys(doc.modules)).toEqual(
      expect.arrayContaining(['kinesis', 's3', 'firehose', 'analytics', 'cloudwatch']),
    );
    expect(Object.keys(doc.bulk)).toEqual(expect.arrayContaining(['kinesis', 's3']));

    // Another browser, earlier on the wall clock: time moves on to the export's, at its speed.
    const b = world(T0 - 60_000);
    const got = await b.client.console.importWorkshop(bytes);
    expect(got).toMatchObject({
      streams: 1,
      records: 3,
      progress: { ticked: { '1-A': { at: 1, detail: 'x' } } },
    });
    expect(await b.client.console.clock()).toEqual(clockA);

    expect(await readStream(b.clients, 'input')).toEqual(before);
    expect((await b.clients.kinesis.send(new ListStreamsCommand({}))).StreamNames).toEqual(['input']);
    const app = await b.clients.analytics.send(new DescribeApplicationCommand({ ApplicationName: 'app' }));
    expect(
      app.ApplicationDetail?.ApplicationConfigurationDescription?.ApplicationCodeConfigurationDescription
        ?.CodeContentDescription?.TextContent,
    ).toBe(CODE);
    const hose = await b.clients.firehose.send(
      new DescribeDeliveryStreamCommand({ DeliveryStreamName: 'to-s3' }),
    );
    expect(hose.DeliveryStreamDescription?.DeliveryStreamStatus).toBe('ACTIVE');
    expect((await b.clients.s3.send(new ListBucketsCommand({}))).Buckets?.map((x) => x.Name)).toEqual([
      'workshop-out',
    ]);
    const obj = await b.clients.s3.send(new GetObjectCommand({ Bucket: 'workshop-out', Key: 'a/b.bin' }));
    expect(await obj.Body!.transformToByteArray()).toEqual(BODY);

    // Saved: a reload of that browser has it all.
    const loaded = await new Persister(b.storage).load();
    expect(loaded.kind).toBe('restored');
    const reloaded = new EmulatorHost({ clock: new ScaledClock(new VirtualClock(T0)), storage: b.storage });
    await reloaded.ready;
    expect(
      reloaded.emulator.kinesis.call('ListStreams', {}, { region: 'us-east-1', requestId: 'r' }),
    ).toMatchObject({ StreamNames: ['input'] });
    expect((await reloaded.storage()).records).toBe(3);
  });

  it('holds no credentials: neither the keys requests were signed with nor anything shaped like an access key', async () => {
    const a = await prepare();
    const text = strFromU8(gunzipSync(await a.client.console.exportWorkshop()));
    expect(text).not.toContain(EMULATOR_CREDENTIALS.accessKeyId);
    expect(text).not.toContain(EMULATOR_CREDENTIALS.secretAccessKey);
    expect(text).not.toMatch(/\b(AKIA|ASIA)[A-Z0-9]{12,}/);
    expect(text).not.toMatch(/secretAccessKey|sessionToken|Signature=/i);
  });

  const refusals: [string, () => Uint8Array | Promise<Uint8Array>, RegExp][] = [
    ['a file that is not gzip', () => strToU8('{"format":"kinesis-workshop-export"}'), /not gzip-compressed/],
    [
      'gzip that is cut short',
      async () => (await prepare().then((w) => w.client.console.exportWorkshop())).slice(0, 40),
      /could not be decompressed/,
    ],
    ['gzip of something that is not JSON', () => gzipSync(strToU8('hello')), /not JSON/],
    [
      'another format',
      () => gzipSync(strToU8(JSON.stringify({ format: 'something-else', version: 1 }))),
      /not a workshop export/,
    ],
    [
      'a newer version',
      () =>
        gzipSync(
          strToU8(
            JSON.stringify({
              format: WORKSHOP_FILE_FORMAT,
              version: WORKSHOP_FILE_VERSION + 1,
              exportedAt: 0,
              clock: { now: 0, speed: 1 },
              modules: {},
              bulk: {},
            }),
          ),
        ),
      /newer console \(export version 2; this console reads version 1\)/,
    ],
    [
      'a service this console does not emulate',
      () =>
        gzipSync(
          strToU8(
            JSON.stringify({
              format: WORKSHOP_FILE_FORMAT,
              version: 1,
              exportedAt: 0,
              clock: { now: 0, speed: 1 },
              modules: { sqs: { version: 1 } },
              bulk: {},
            }),
          ),
        ),
      /does not emulate: sqs/,
    ],
    [
      "a service's state of a newer version",
      () =>
        gzipSync(
          strToU8(
            JSON.stringify({
              format: WORKSHOP_FILE_FORMAT,
              version: 1,
              exportedAt: 0,
              clock: { now: 0, speed: 1 },
              modules: { kinesis: { version: 99 } },
              bulk: {},
            }),
          ),
        ),
      /service state could not be read .*nothing was changed/,
    ],
  ];

  it.each(refusals)('refuses %s with a clear message and changes nothing', async (_what, file, message) => {
    const bytes = await file();
    const w = await prepare();
    const before = await readStream(w.clients, 'input');
    const clock = await w.client.console.clock();
    await w.client.console.flush();
    const saved = structuredClone(savedServices(w.storage));
    await expect(w.client.console.importWorkshop(bytes)).rejects.toThrow(message);
    expect(await readStream(w.clients, 'input')).toEqual(before);
    expect((await w.clients.s3.send(new ListBucketsCommand({}))).Buckets?.map((x) => x.Name)).toEqual([
      'workshop-out',
    ]);
    expect(await w.client.console.clock()).toEqual(clock);
    // Timed work may save again meanwhile (the reads' metrics), but the services saved are as before.
    expect(savedServices(w.storage)).toEqual(saved);
  });
});
