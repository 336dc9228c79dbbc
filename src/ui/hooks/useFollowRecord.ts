import { DescribeApplicationCommand, type ApplicationDetail } from '@aws-sdk/client-kinesis-analytics-v2';
import { DescribeDeliveryStreamCommand, ListDeliveryStreamsCommand } from '@aws-sdk/client-firehose';
import { GetRecordsCommand, GetShardIteratorCommand, ListShardsCommand } from '@aws-sdk/client-kinesis';
import { ListObjectsV2Command, type _Object } from '@aws-sdk/client-s3';
import { useQuery } from '@tanstack/react-query';
import type { AggregateOrigin, RecordOrigin, StreamTail, TailRow } from '../../engine/analytics/runtime';
import { bucketOfArn } from '../lib/firehoseRules';
import {
  deliveryStreamOfKey,
  findLine,
  lineFields,
  lineMatchScore,
  lineOfRow,
  linesOf,
  NEWEST_OBJECTS,
  rowsForLine,
  rowsOfRecord,
  streamPath,
  timesInFields,
  type RecordFormat,
} from '../lib/follow';
import { asText, gunzipPart, isGzip } from '../lib/objectPreview';
import { arnNames } from '../workshop/detectors';
import { analyticsChannel, useServices } from './services';
import { listApplications } from './useAnalytics';
import { s3DestinationOf } from './useFirehose';
import { getBytes } from './useS3';
import { staticPrefix } from './useWorkshopProgress';

export type { RecordOrigin, AggregateOrigin };

/** Where following starts: a row of an in-application stream, a line of an S3 object, or a Kinesis record. */
export type FollowStart =
  | { from: 'row'; applicationArn: string; stream: string; row: TailRow }
  | { from: 'line'; bucket: string; key: string; line: string }
  | { from: 'record'; stream: string; shardId: string; sequenceNumber: string };

export interface StoredLine {
  bucket: string;
  key: string;
  /** 1-based numbers of the lines holding the row. */
  lines: number[];
}

export interface DeliveryHop {
  /** The in-application stream written to the delivery stream. */
  stream: string;
  deliveryStream: string;
  format: RecordFormat;
  /** The row as written. */
  line: string;
  bucket?: string;
  prefix: string;
  found: StoredLine[];
  /** How many of the delivery stream's newest objects were searched. */
  searched: number;
}

export interface FollowedPath {
  application?: string;
  /** The Kinesis stream the application reads. */
  sourceStream?: string;
  /** The record, when the pipeline can name it. */
  record?: RecordOrigin;
  /** Why there is no single record, when there is none. */
  aggregate?: AggregateOrigin;
  /** The row asked about has no origin and is not an aggregate (a delivery stream source, a join, a sliding window). */
  untraceable?: boolean;
  /** The in-application streams the row came through, source first. */
  streams: string[];
  /** Rows made from the record, per in-application stream, upstream first. */
  rows: { stream: string; rows: TailRow[] }[];
  deliveries: DeliveryHop[];
  /** Said in words when a step could not be followed (no application writes the object, the row is no longer kept...). */
  notes: string[];
}

const appByArn = async (analytics: ReturnType<typeof useServices>['analytics']): Promise<ApplicationDetail[]> => {
  const names = (await listApplications(analytics)).map((a) => a.ApplicationName!);
  const out = await Promise.allSettled(names.map((n) => analytics.send(new DescribeApplicationCommand({ ApplicationName: n }))));
  return out.flatMap((r) => (r.status === 'fulfilled' && r.value.ApplicationDetail ? [r.value.ApplicationDetail] : []));
};

const sqlOf = (a: ApplicationDetail) => a.ApplicationConfigurationDescription?.SqlApplicationConfigurationDescription;
const inputStreamOf = (a: ApplicationDetail) => arnNames(sqlOf(a)?.InputDescriptions?.[0]?.KinesisStreamsInputDescription?.ResourceARN, 'stream');
const sameName = (output: string, stream: string) => output === stream || output.toUpperCase() === stream;

/**
 * The path of one record through the pipeline, read when asked: the application's kept rows (over the
 * console channel), its outputs, and the newest objects its delivery streams wrote (searched by content).
 */
export const useFollowRecord = (start: FollowStart | undefined) => {
  const { settings, analytics, firehose, kinesis, s3 } = useServices();
  return useQuery({
    queryKey: ['follow', start],
    enabled: start !== undefined,
    staleTime: Infinity,
    gcTime: 0,
    queryFn: async (): Promise<FollowedPath> => {
      const s = start!;
      const apps = await appByArn(analytics);
      const notes: string[] = [];
      const tails = new Map<string, StreamTail[]>();
      const rowsOf = async (a: ApplicationDetail) => {
        const arn = a.ApplicationARN!;
        if (!tails.has(arn)) tails.set(arn, a.ApplicationStatus === 'RUNNING' || a.ApplicationStatus === 'UPDATING' ? (await analyticsChannel(settings).console.analyticsRows(arn)).streams : []);
        return tails.get(arn)!;
      };

      // 1. Back to the record.
      let lineFound: { bucket: string; key: string; format: RecordFormat; deliveryStream: string; stream: string } | undefined;
      let app: ApplicationDetail | undefined;
      let record: RecordOrigin | undefined;
      let startStream: string | undefined;
      const path: FollowedPath = { streams: [], rows: [], deliveries: [], notes };
      if (s.from === 'row') {
        app = apps.find((a) => a.ApplicationARN === s.applicationArn);
        startStream = s.stream;
        if (s.row.origin?.kind === 'record') record = s.row.origin;
        else if (s.row.origin?.kind === 'aggregate') path.aggregate = s.row.origin;
        else path.untraceable = true;
      } else if (s.from === 'line') {
        const names = await listDeliveryStreams(firehose);
        const ds = deliveryStreamOfKey(s.key, names);
        if (!ds) notes.push(`The object's name does not start with the name of a delivery stream, so no application can be said to have written ${s.key}.`);
        for (const a of apps) {
          const out = (sqlOf(a)?.OutputDescriptions ?? []).find((o) => arnNames(o.KinesisFirehoseOutputDescription?.ResourceARN, 'deliverystream') === ds);
          if (!ds || !out) continue;
          app = a;
          const format = (out.DestinationSchema?.RecordFormatType ?? 'CSV') as RecordFormat;
          const stream = (await rowsOf(a)).find((t) => sameName(out.Name ?? '', t.name));
          startStream = stream?.name ?? out.Name;
          const rows = stream ? rowsForLine(format, stream, s.line) : [];
          const traced = rows.find((r) => r.origin?.kind === 'record');
          if (traced?.origin?.kind === 'record') record = traced.origin;
          else if (rows[0]?.origin?.kind === 'aggregate') path.aggregate = rows[0].origin;
          else if (rows.length) path.untraceable = true;
          else {
            // The row is no longer kept: look for the record itself in the source stream, by content, near the line's times.
            const source = inputStreamOf(a);
            const found = source ? await findRecordForLine(kinesis, source, format, s.line) : undefined;
            if (found?.record) {
              record = found.record;
              lineFound = { bucket: s.bucket, key: s.key, format, deliveryStream: ds, stream: startStream ?? '' };
              notes.push(
                `${stream?.name ?? out.Name} no longer keeps this row, so the record was found by its content among the ${found.read.toLocaleString('en-US')} records ${source} received around the line's times.`,
              );
            } else
              notes.push(
                stream
                  ? `No row of ${stream.name} among the ${stream.rows.length.toLocaleString('en-US')} it keeps is written as this line: the row is older than those kept, or the application was restarted since.${found ? ` No record of ${source} among the ${found.read.toLocaleString('en-US')} received around the line's times holds its values either.` : ''}`
                  : `${a.ApplicationName} is not running, so its rows are not kept.`,
              );
          }
          break;
        }
        if (ds && !app) notes.push(`No analytics application writes to ${ds}.`);
      } else {
        record = undefined;
        app = apps.find((a) => inputStreamOf(a) === s.stream && (a.ApplicationStatus === 'RUNNING' || a.ApplicationStatus === 'UPDATING'));
        if (!app) notes.push(`No running analytics application reads ${s.stream}.`);
      }
      path.application = app?.ApplicationName;
      path.sourceStream = app ? inputStreamOf(app) : s.from === 'record' ? s.stream : undefined;
      const tail = app ? await rowsOf(app) : [];
      if (startStream) path.streams = streamPath(tail, startStream);

      // 2. Forward from the record: its rows, and the objects holding them.
      const key = record ?? (s.from === 'record' ? { shardId: s.shardId, sequenceNumber: s.sequenceNumber } : undefined);
      if (lineFound && s.from === 'line') {
        // The line asked about is where the record's row was stored: the object and its line numbers.
        const { bytes } = await getBytes(s3, lineFound.bucket, lineFound.key);
        const text = asText(isGzip(bytes) ? gunzipPart(bytes, true).data : bytes) ?? '';
        path.deliveries.push({
          stream: lineFound.stream,
          deliveryStream: lineFound.deliveryStream,
          format: lineFound.format,
          line: s.line,
          bucket: lineFound.bucket,
          prefix: '',
          found: [{ bucket: lineFound.bucket, key: lineFound.key, lines: findLine(linesOf(lineFound.format, text), s.line) }],
          searched: 1,
        });
        return { ...path, record };
      }
      if (!key || !app) return { ...path, record };
      path.rows = rowsOfRecord(tail, key);
      if (!record && s.from === 'record') {
        const r = path.rows.flatMap((x) => x.rows).find((x) => x.origin?.kind === 'record');
        if (r?.origin?.kind === 'record') record = r.origin;
        else notes.push(`${app.ApplicationName} keeps no row made from this record: it was read before the newest rows kept, or the record did not pass the pumps' filters.`);
      }
      if (path.streams.length === 0 && path.rows.length) path.streams = streamPath(tail, path.rows[path.rows.length - 1].stream);
      for (const out of sqlOf(app)?.OutputDescriptions ?? []) {
        const ds = arnNames(out.KinesisFirehoseOutputDescription?.ResourceARN, 'deliverystream');
        const hop = path.rows.find((r) => sameName(out.Name ?? '', r.stream));
        const stream = hop && tail.find((t) => t.name === hop.stream);
        if (!ds || !hop || !stream) continue;
        const format = (out.DestinationSchema?.RecordFormatType ?? 'CSV') as RecordFormat;
        path.deliveries.push(await searchDelivery(firehose, s3, ds, hop.stream, format, lineOfRow(format, stream, hop.rows[0])));
      }
      return { ...path, record };
    },
  });
};

/** Records read per shard at most when looking for a line's record by content: the search stays bounded. */
const LINE_SEARCH_RECORDS = 20_000;
/** How far around the line's times its record is looked for. */
const LINE_SEARCH_SLACK_MS = 5_000;

/**
 * The Kinesis record a stored line was made from, found by content among the records the stream
 * received around the times written in the line (when the row between them is no longer kept).
 */
const findRecordForLine = async (
  kinesis: ReturnType<typeof useServices>['kinesis'],
  stream: string,
  format: RecordFormat,
  line: string,
): Promise<{ record?: RecordOrigin; read: number }> => {
  const fields = lineFields(format, line);
  const times = timesInFields(fields);
  if (times.length === 0) return { read: 0 };
  const from = Math.min(...times) - LINE_SEARCH_SLACK_MS;
  const until = Math.max(...times) + LINE_SEARCH_SLACK_MS;
  const shards = (await kinesis.send(new ListShardsCommand({ StreamName: stream }))).Shards ?? [];
  const decoder = new TextDecoder();
  let best: { record: RecordOrigin; score: number } | undefined;
  let read = 0;
  for (const shard of shards) {
    let iterator = (
      await kinesis.send(
        new GetShardIteratorCommand({ StreamName: stream, ShardId: shard.ShardId!, ShardIteratorType: 'AT_TIMESTAMP', Timestamp: new Date(from) }),
      )
    ).ShardIterator;
    for (let readHere = 0; iterator && readHere < LINE_SEARCH_RECORDS; ) {
      const out = await kinesis.send(new GetRecordsCommand({ ShardIterator: iterator, Limit: 10_000 }));
      const records = out.Records ?? [];
      readHere += records.length;
      read += records.length;
      let past = false;
      for (const r of records) {
        const arrival = r.ApproximateArrivalTimestamp?.getTime() ?? 0;
        if (arrival > until) {
          past = true;
          break;
        }
        const candidate: RecordOrigin = {
          kind: 'record',
          shardId: shard.ShardId!,
          sequenceNumber: r.SequenceNumber!,
          partitionKey: r.PartitionKey!,
          arrival,
          data: decoder.decode(r.Data),
        };
        const score = lineMatchScore(candidate, fields, times);
        if (score > (best?.score ?? 0)) best = { record: candidate, score };
      }
      if (past || records.length === 0 || (out.MillisBehindLatest ?? 0) === 0) break;
      iterator = out.NextShardIterator;
    }
  }
  return { record: best?.record, read };
};

const listDeliveryStreams = async (firehose: ReturnType<typeof useServices>['firehose']): Promise<string[]> => {
  const names: string[] = [];
  for (;;) {
    const out = await firehose.send(new ListDeliveryStreamsCommand(names.length ? { ExclusiveStartDeliveryStreamName: names[names.length - 1] } : {}));
    names.push(...(out.DeliveryStreamNames ?? []));
    if (!out.HasMoreDeliveryStreams || !out.DeliveryStreamNames?.length) return names;
  }
};

/** The newest objects the delivery stream wrote, searched for the line. */
const searchDelivery = async (
  firehose: ReturnType<typeof useServices>['firehose'],
  s3: ReturnType<typeof useServices>['s3'],
  deliveryStream: string,
  stream: string,
  format: RecordFormat,
  line: string,
): Promise<DeliveryHop> => {
  const d = (await firehose.send(new DescribeDeliveryStreamCommand({ DeliveryStreamName: deliveryStream }))).DeliveryStreamDescription;
  const dest = s3DestinationOf(d);
  const bucket = bucketOfArn(dest?.BucketARN);
  const prefix = staticPrefix(dest?.Prefix);
  const hop: DeliveryHop = { stream, deliveryStream, format, line, bucket, prefix, found: [], searched: 0 };
  if (!bucket) return hop;
  const errors = staticPrefix(dest?.ErrorOutputPrefix);
  const objects: _Object[] = [];
  let token: string | undefined;
  do {
    const page = await s3.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix || undefined, ContinuationToken: token }));
    objects.push(...(page.Contents ?? []));
    token = page.NextContinuationToken;
  } while (token && objects.length < 10_000);
  const mine = objects
    .filter((o) => deliveryStreamOfKey(o.Key ?? '', [deliveryStream]) && !(errors && o.Key!.startsWith(errors)))
    .sort((a, b) => (b.LastModified?.getTime() ?? 0) - (a.LastModified?.getTime() ?? 0) || (b.Key ?? '').localeCompare(a.Key ?? ''))
    .slice(0, NEWEST_OBJECTS);
  hop.searched = mine.length;
  for (const o of mine) {
    const { bytes } = await getBytes(s3, bucket, o.Key!);
    const text = asText(isGzip(bytes) ? gunzipPart(bytes, true).data : bytes);
    if (text === undefined) continue;
    const at = findLine(linesOf(format, text), line);
    if (at.length) hop.found.push({ bucket, key: o.Key!, lines: at });
  }
  return hop;
};
