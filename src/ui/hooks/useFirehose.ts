import {
  CreateDeliveryStreamCommand,
  DeleteDeliveryStreamCommand,
  DescribeDeliveryStreamCommand,
  ListDeliveryStreamsCommand,
  PutRecordBatchCommand,
  UpdateDestinationCommand,
  type DeliveryStreamDescription,
  type ExtendedS3DestinationDescription,
  type FirehoseClient,
} from '@aws-sdk/client-firehose';
import { useBuckets } from './useS3';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import {
  bucketArn,
  bucketOfArn,
  DELIVERY_FORM_FIELDS,
  demoTickerRecord,
  type DeliveryFormField,
} from '../lib/firehoseRules';
import { describeError, fieldForError, type ShownError } from './errors';
import { useServices } from './services';
import { FAST_POLL_MS, SLOW_POLL_MS } from './useStreams';

export type { DeliveryStreamDescription, ExtendedS3DestinationDescription };
export type DeliveryStreamStatus = 'CREATING' | 'CREATING_FAILED' | 'DELETING' | 'DELETING_FAILED' | 'ACTIVE';
export type SourceType = 'DirectPut' | 'KinesisStreamAsSource';
export type Compression = 'UNCOMPRESSED' | 'GZIP';

export const isTransitionalDelivery = (status: string | undefined): boolean =>
  status === 'CREATING' || status === 'DELETING';

/**
 * The role a console-made delivery stream names in emulated mode: the emulator checks the ARN's
 * form (Firehose's RoleARN pattern), not the role. In AWS mode the user gives a real one.
 */
export const FIREHOSE_ROLE = 'arn:aws:iam::000000000000:role/firehose-workshop';

/** The log stream the AWS console names for destination errors, under /aws/kinesisfirehose/<name>. */
export const loggingOptionsFor = (name: string, enabled: boolean) =>
  enabled
    ? { Enabled: true, LogGroupName: `/aws/kinesisfirehose/${name}`, LogStreamName: 'DestinationDelivery' }
    : { Enabled: false };

export const firehoseKeys = {
  all: ['firehose'] as const,
  list: () => ['firehose', 'list'] as const,
  stream: (name: string) => ['firehose', 'stream', name] as const,
};

/** One row of the delivery streams list. */
export interface DeliveryStreamRow {
  name: string;
  arn?: string;
  status: string;
  type: string;
  /** The source data stream's ARN, for a KinesisStreamAsSource delivery stream. */
  sourceStreamArn?: string;
  bucket?: string;
  createdAt?: Date;
}

/** The S3 destination of a description (the emulator and AWS both fill the extended one). */
export const s3DestinationOf = (
  d: DeliveryStreamDescription | undefined,
): ExtendedS3DestinationDescription | undefined =>
  d?.Destinations?.[0]?.ExtendedS3DestinationDescription ??
  (d?.Destinations?.[0]?.S3DestinationDescription as ExtendedS3DestinationDescription | undefined);

export const toRow = (d: DeliveryStreamDescription): DeliveryStreamRow => ({
  name: d.DeliveryStreamName ?? '',
  arn: d.DeliveryStreamARN,
  status: d.DeliveryStreamStatus ?? 'UNKNOWN',
  type: d.DeliveryStreamType ?? 'DirectPut',
  sourceStreamArn: d.Source?.KinesisStreamSourceDescription?.KinesisStreamARN,
  bucket: bucketOfArn(s3DestinationOf(d)?.BucketARN),
  createdAt: d.CreateTimestamp,
});

/** ListDeliveryStreams, every page, then DescribeDeliveryStream of each. */
export const fetchDeliveryStreamRows = async (firehose: FirehoseClient): Promise<DeliveryStreamRow[]> => {
  const names: string[] = [];
  let more = true;
  while (more) {
    const page = await firehose.send(
      new ListDeliveryStreamsCommand(
        names.length ? { ExclusiveStartDeliveryStreamName: names[names.length - 1] } : {},
      ),
    );
    names.push(...(page.DeliveryStreamNames ?? []));
    more = !!page.HasMoreDeliveryStreams && (page.DeliveryStreamNames?.length ?? 0) > 0;
  }
  const described = await Promise.allSettled(
    names.map((n) => firehose.send(new DescribeDeliveryStreamCommand({ DeliveryStreamName: n }))),
  );
  // A delivery stream deleted between the two calls is simply gone.
  return described.flatMap((r) =>
    r.status === 'fulfilled' && r.value.DeliveryStreamDescription
      ? [toRow(r.value.DeliveryStreamDescription)]
      : [],
  );
};

/** Every delivery stream with its status, source and bucket; polls fast while one is changing state. */
export const useDeliveryStreamList = (enabled = true) => {
  const { firehose } = useServices();
  return useQuery({
    queryKey: firehoseKeys.list(),
    enabled,
    queryFn: () => fetchDeliveryStreamRows(firehose),
    refetchInterval: (q) =>
      q.state.data?.some((r) => isTransitionalDelivery(r.status)) ? FAST_POLL_MS : SLOW_POLL_MS,
  });
};

/** DescribeDeliveryStream of one; polls fast while it is CREATING or DELETING. */
/** DescribeDeliveryStream: what `firehoseKeys.stream(name)` holds. */
export const describeDeliveryStream = async (firehose: FirehoseClient, name: string) => {
  const out = await firehose.send(new DescribeDeliveryStreamCommand({ DeliveryStreamName: name }));
  return out.DeliveryStreamDescription as DeliveryStreamDescription;
};

export const useDeliveryStream = (name: string) => {
  const { firehose } = useServices();
  return useQuery({
    queryKey: firehoseKeys.stream(name),
    queryFn: () => describeDeliveryStream(firehose, name),
    refetchInterval: (q) =>
      q.state.error
        ? false
        : isTransitionalDelivery(q.state.data?.DeliveryStreamStatus)
          ? FAST_POLL_MS
          : SLOW_POLL_MS,
  });
};

/** The account's bucket names, for the destination picker: the S3 pages' one bucket query, names only. */
export const useBucketNames = () => {
  const buckets = useBuckets();
  return { ...buckets, data: buckets.data?.map((b) => b.name) };
};

/** A mutation that refreshes the list and the named delivery stream once it settles. */
const useDeliveryMutation = <I, O>(fn: (input: I) => Promise<O>, nameOf: (input: I) => string) => {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSettled: (_d, _e, input) => {
      void qc.invalidateQueries({ queryKey: firehoseKeys.list() });
      void qc.invalidateQueries({ queryKey: firehoseKeys.stream(nameOf(input)) });
    },
  });
};

/** The S3 destination settings the console's form edits. */
export interface S3DestinationSettings {
  bucket: string;
  prefix: string;
  errorPrefix: string;
  sizeInMBs: number;
  intervalInSeconds: number;
  compression: Compression;
  errorLogging: boolean;
}

export interface CreateDeliveryStreamInput extends S3DestinationSettings {
  name: string;
  source: SourceType;
  /** The source data stream's ARN, for KinesisStreamAsSource. */
  sourceStreamArn?: string;
  /** The role Firehose assumes; FIREHOSE_ROLE when not given (emulated mode). */
  roleArn?: string;
  /** The Lambda function that transforms the source records (emulated: a console function's ARN); none when left out. */
  transformLambdaArn?: string;
}

/** Record transformation by one Lambda function, Firehose's own retries and buffer hints left at their defaults. */
export const lambdaProcessing = (lambdaArn: string) => ({
  Enabled: true,
  Processors: [
    {
      Type: 'Lambda' as const,
      Parameters: [{ ParameterName: 'LambdaArn' as const, ParameterValue: lambdaArn }],
    },
  ],
});

/** Whether a delivery stream transforms its records, and with which Lambda function (its LambdaArn). */
export const transformOf = (
  d: DeliveryStreamDescription | undefined,
): { enabled: boolean; lambdaArn?: string } => {
  const p = s3DestinationOf(d)?.ProcessingConfiguration;
  const lambdaArn = p?.Processors?.find((x) => x.Type === 'Lambda')?.Parameters?.find(
    (x) => x.ParameterName === 'LambdaArn',
  )?.ParameterValue;
  return { enabled: !!p?.Enabled && !!lambdaArn, lambdaArn };
};

/** The destination members of a create or an update, from the form's settings. */
const destinationMembers = (name: string, s: S3DestinationSettings) => ({
  BucketARN: bucketArn(s.bucket),
  // Empty prefixes are left out on create and sent empty on update (which clears them).
  Prefix: s.prefix,
  ErrorOutputPrefix: s.errorPrefix,
  BufferingHints: { SizeInMBs: s.sizeInMBs, IntervalInSeconds: s.intervalInSeconds },
  CompressionFormat: s.compression,
  CloudWatchLoggingOptions: loggingOptionsFor(name, s.errorLogging),
});

export const createDeliveryStreamRequest = (i: CreateDeliveryStreamInput) => {
  const role = i.roleArn || FIREHOSE_ROLE;
  const { Prefix, ErrorOutputPrefix, ...rest } = destinationMembers(i.name, i);
  return {
    DeliveryStreamName: i.name,
    DeliveryStreamType: i.source,
    ...(i.source === 'KinesisStreamAsSource'
      ? { KinesisStreamSourceConfiguration: { KinesisStreamARN: i.sourceStreamArn ?? '', RoleARN: role } }
      : {}),
    ExtendedS3DestinationConfiguration: {
      RoleARN: role,
      ...rest,
      ...(Prefix ? { Prefix } : {}),
      ...(ErrorOutputPrefix ? { ErrorOutputPrefix } : {}),
      ...(i.transformLambdaArn ? { ProcessingConfiguration: lambdaProcessing(i.transformLambdaArn) } : {}),
    },
  };
};

/** CreateDeliveryStream as the create page sends it (the walkthrough's 3-A sends the same). */
export const createDeliveryStream = (firehose: FirehoseClient, i: CreateDeliveryStreamInput) =>
  firehose.send(new CreateDeliveryStreamCommand(createDeliveryStreamRequest(i)));

export const useCreateDeliveryStream = () => {
  const { firehose } = useServices();
  return useDeliveryMutation(
    (i: CreateDeliveryStreamInput) => createDeliveryStream(firehose, i),
    (i) => i.name,
  );
};

export const useDeleteDeliveryStream = () => {
  const { firehose } = useServices();
  return useDeliveryMutation(
    (name: string) => firehose.send(new DeleteDeliveryStreamCommand({ DeliveryStreamName: name })),
    (n) => n,
  );
};

export interface UpdateDestinationInput extends S3DestinationSettings {
  name: string;
  /** The VersionId the user saw: AWS refuses the update if it changed since (ConcurrentModificationException). */
  versionId: string;
  destinationId: string;
}

/** UpdateDestination of the S3 destination, naming the version the user edited. */
export const useUpdateDeliveryDestination = () => {
  const { firehose } = useServices();
  return useDeliveryMutation(
    (i: UpdateDestinationInput) =>
      firehose.send(
        new UpdateDestinationCommand({
          DeliveryStreamName: i.name,
          CurrentDeliveryStreamVersionId: i.versionId,
          DestinationId: i.destinationId,
          ExtendedS3DestinationUpdate: destinationMembers(i.name, i),
        }),
      ),
    (i) => i.name,
  );
};

/**
 * The form field an AWS error is about: the member a ValidationException names, the member or
 * subject an InvalidArgumentException's text names, or the name when it is already taken.
 */
export const deliveryFieldOf = (e: ShownError): DeliveryFormField | undefined => {
  if (e.type === 'ResourceInUseException' && /already exists/.test(e.message)) return 'name';
  return fieldForError(e, DELIVERY_FORM_FIELDS);
};

const utf8 = new TextEncoder();

/** PutRecordBatch of text records; resolves to how many were accepted and how many failed. */
export const usePutRecordBatch = () => {
  const { firehose } = useServices();
  return useCallback(
    async (name: string, records: string[]) => {
      const out = await firehose.send(
        new PutRecordBatchCommand({
          DeliveryStreamName: name,
          Records: records.map((r) => ({ Data: utf8.encode(r) })),
        }),
      );
      const failed = out.FailedPutCount ?? 0;
      return { accepted: records.length - failed, failed };
    },
    [firehose],
  );
};

/** Records the demo sends each second. */
export const DEMO_RECORDS_PER_SECOND = 5;
export const DEMO_INTERVAL_MS = 1000;

/**
 * "Test with demo data": while running, a PutRecordBatch of a few stock-ticker records every
 * second. Stops when the page closes (unmount), on stop(), or on an error (shown, not retried).
 */
export const useDemoData = (name: string) => {
  const put = usePutRecordBatch();
  const [running, setRunning] = useState(false);
  const [sent, setSent] = useState(0);
  const [failed, setFailed] = useState(0);
  const [error, setError] = useState<ShownError | undefined>();
  const busy = useRef(false);

  useEffect(() => {
    if (!running) return;
    let live = true;
    const tick = async () => {
      if (busy.current) return;
      busy.current = true;
      try {
        const records = Array.from({ length: DEMO_RECORDS_PER_SECOND }, () => demoTickerRecord(Math.random));
        const r = await put(name, records);
        if (!live) return;
        setSent((n) => n + r.accepted);
        setFailed((n) => n + r.failed);
      } catch (e) {
        if (!live) return;
        setError(describeError(e));
        setRunning(false);
      } finally {
        busy.current = false;
      }
    };
    void tick();
    const timer = setInterval(() => void tick(), DEMO_INTERVAL_MS);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [running, name, put]);

  const start = useCallback(() => {
    setError(undefined);
    setRunning(true);
  }, []);
  const stop = useCallback(() => setRunning(false), []);
  return { running, sent, failed, error, start, stop };
};
