import { DeleteApplicationCommand, DescribeApplicationCommand, ListApplicationsCommand } from '@aws-sdk/client-kinesis-analytics-v2';
import { DeleteDeliveryStreamCommand, ListDeliveryStreamsCommand } from '@aws-sdk/client-firehose';
import { DeleteStreamCommand } from '@aws-sdk/client-kinesis';
import { DeleteBucketCommand } from '@aws-sdk/client-s3';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import type { ServiceClients } from '../../aws/clients';
import { fetchStreamRows } from '../lib/kinesisReads';
import { describeError, type ShownError } from './errors';
import { useServices } from './services';
import { useGeneratorControls, useGeneratorRun } from './useGenerator';
import { countObjects, emptyBucket, listBuckets } from './useS3';

/*
 * Activity 3-D, "Clean up": everything the workshop made, deleted in an order AWS accepts. The
 * producer stops first, then the analytics applications (which read the stream and write to the
 * delivery stream), the delivery streams, the data streams, and last the buckets, each emptied
 * first because S3 refuses to delete a bucket with objects in it (BucketNotEmpty).
 */

export type CleanupKind = 'generator' | 'application' | 'delivery-stream' | 'stream' | 'bucket';

/** The order deletions run in. */
export const CLEANUP_ORDER: readonly CleanupKind[] = ['generator', 'application', 'delivery-stream', 'stream', 'bucket'];

export const KIND_LABELS: Record<CleanupKind, string> = {
  generator: 'Data generator run',
  application: 'Analytics application',
  'delivery-stream': 'Firehose delivery stream',
  stream: 'Kinesis data stream',
  bucket: 'S3 bucket',
};

export interface CleanupItem {
  /** `<kind>:<name>` */
  id: string;
  kind: CleanupKind;
  name: string;
  /** What the console knows of it: a status, an object count. */
  detail?: string;
  /** Objects in a bucket (at least this many when `moreObjects`). */
  objects?: number;
  moreObjects?: boolean;
}

export type CleanupState =
  | { status: 'waiting' }
  | { status: 'working'; progress?: string }
  | { status: 'done'; progress?: string }
  | { status: 'failed'; error: ShownError };

/** What exists, and the services that could not be listed (the rest are still offered). */
export interface Inventory {
  items: CleanupItem[];
  problems: { service: string; error: ShownError }[];
}

const item = (kind: CleanupKind, name: string, extra: Partial<CleanupItem> = {}): CleanupItem => ({ id: `${kind}:${name}`, kind, name, ...extra });

/** Items in the order they are deleted (by kind, then by name). */
export const inCleanupOrder = (items: readonly CleanupItem[]): CleanupItem[] =>
  [...items].sort((a, b) => CLEANUP_ORDER.indexOf(a.kind) - CLEANUP_ORDER.indexOf(b.kind) || a.name.localeCompare(b.name));

type Clients = Pick<ServiceClients, 'kinesis' | 'analytics' | 'firehose' | 's3'>;

const listApplications = async (c: Clients) => {
  const out: CleanupItem[] = [];
  let NextToken: string | undefined;
  do {
    const page = await c.analytics.send(new ListApplicationsCommand({ NextToken }));
    for (const a of page.ApplicationSummaries ?? []) if (a.ApplicationName) out.push(item('application', a.ApplicationName, { detail: a.ApplicationStatus }));
    NextToken = page.NextToken;
  } while (NextToken);
  return out;
};

const listDeliveryStreams = async (c: Clients) => {
  const names: string[] = [];
  let ExclusiveStartDeliveryStreamName: string | undefined;
  while (true) {
    const page = await c.firehose.send(new ListDeliveryStreamsCommand({ ExclusiveStartDeliveryStreamName, Limit: 100 }));
    names.push(...(page.DeliveryStreamNames ?? []));
    if (!page.HasMoreDeliveryStreams || names.length === 0) break;
    ExclusiveStartDeliveryStreamName = names[names.length - 1];
  }
  return names.map((n) => item('delivery-stream', n));
};

const listStreams = async (c: Clients) => (await fetchStreamRows(c.kinesis)).map((r) => item('stream', r.name, { detail: r.status }));

const listBucketsWithCounts = async (c: Clients) =>
  Promise.all(
    (await listBuckets(c.s3)).map(async (b) => {
      try {
        const { count, more } = await countObjects(c.s3, b.name);
        return item('bucket', b.name, { objects: count, moreObjects: more, detail: `${count.toLocaleString('en-US')}${more ? '+' : ''} object${count === 1 && !more ? '' : 's'}` });
      } catch (e) {
        return item('bucket', b.name, { detail: `Objects not counted: ${describeError(e).type}` });
      }
    }),
  );

/** Everything there is to clean up, each service listed on its own so one refusal does not hide the rest. */
export const cleanupInventory = async (c: Clients, generatorRun?: string): Promise<Inventory> => {
  const sources: [string, () => Promise<CleanupItem[]>][] = [
    ['Kinesis Data Analytics', () => listApplications(c)],
    ['Amazon Data Firehose', () => listDeliveryStreams(c)],
    ['Kinesis Data Streams', () => listStreams(c)],
    ['Amazon S3', () => listBucketsWithCounts(c)],
  ];
  const items: CleanupItem[] = generatorRun !== undefined ? [item('generator', generatorRun, { detail: 'Running' })] : [];
  const problems: Inventory['problems'] = [];
  const results = await Promise.allSettled(sources.map(([, list]) => list()));
  results.forEach((r, i) => {
    if (r.status === 'fulfilled') items.push(...r.value);
    else problems.push({ service: sources[i][0], error: describeError(r.reason) });
  });
  return { items: inCleanupOrder(items), problems };
};

export interface CleanupDeps {
  stopGenerator: () => Promise<unknown> | unknown;
  onState: (id: string, state: CleanupState) => void;
}

const count = (n: number) => `${n.toLocaleString('en-US')} object${n === 1 ? '' : 's'}`;

const deleteOne = async (c: Clients, it: CleanupItem, deps: CleanupDeps): Promise<string | undefined> => {
  const progress = (p: string) => deps.onState(it.id, { status: 'working', progress: p });
  switch (it.kind) {
    case 'generator':
      await deps.stopGenerator();
      return 'Stopped';
    case 'application': {
      // DeleteApplication takes the creation time, so it never deletes a newer application of the same name.
      const d = await c.analytics.send(new DescribeApplicationCommand({ ApplicationName: it.name }));
      await c.analytics.send(new DeleteApplicationCommand({ ApplicationName: it.name, CreateTimestamp: d.ApplicationDetail?.CreateTimestamp }));
      return 'Deleting';
    }
    case 'delivery-stream':
      await c.firehose.send(new DeleteDeliveryStreamCommand({ DeliveryStreamName: it.name }));
      return 'Deleting';
    case 'stream':
      await c.kinesis.send(new DeleteStreamCommand({ StreamName: it.name }));
      return 'Deleting';
    case 'bucket': {
      let deleted = await emptyBucket(c.s3, it.name, (n) => progress(`Emptying: ${count(n)} deleted`));
      try {
        await c.s3.send(new DeleteBucketCommand({ Bucket: it.name }));
      } catch (e) {
        // Objects written while it was being emptied (a delivery stream's last flush): empty it once more.
        if ((e as { name?: string }).name !== 'BucketNotEmpty') throw e;
        deleted += await emptyBucket(c.s3, it.name, (n) => progress(`Emptying: ${count(deleted + n)} deleted`));
        await c.s3.send(new DeleteBucketCommand({ Bucket: it.name }));
      }
      return `Deleted with ${count(deleted)}`;
    }
    default: {
      const never: never = it.kind;
      throw new Error(`unknown kind ${String(never)}`);
    }
  }
};

/**
 * Deletes the items in CLEANUP_ORDER, one at a time, reporting each one's state. A failure is
 * reported with AWS's error and the rest carry on. Returns how many failed.
 */
export const runCleanup = async (c: Clients, items: readonly CleanupItem[], deps: CleanupDeps): Promise<number> => {
  const ordered = inCleanupOrder(items);
  for (const it of ordered) deps.onState(it.id, { status: 'waiting' });
  let failed = 0;
  for (const it of ordered) {
    deps.onState(it.id, { status: 'working' });
    try {
      deps.onState(it.id, { status: 'done', progress: await deleteOne(c, it, deps) });
    } catch (e) {
      failed++;
      deps.onState(it.id, { status: 'failed', error: describeError(e) });
    }
  }
  return failed;
};

/** The clean-up page's data: what exists, and deleting a chosen part of it with per-item progress. */
export const useCleanup = () => {
  const clients = useServices();
  const { stop } = useGeneratorControls();
  const generator = useGeneratorRun();
  const qc = useQueryClient();
  const generatorRun = generator.running ? (generator.stream ?? 'data generator') : undefined;
  const inventory = useQuery({
    queryKey: ['cleanup', 'inventory', generatorRun ?? null],
    queryFn: () => cleanupInventory(clients, generatorRun),
    // Deletions take a few seconds to finish: the list follows them.
    refetchInterval: 5000,
  });
  const [states, setStates] = useState<Record<string, CleanupState>>({});
  const [running, setRunning] = useState(false);
  const [finished, setFinished] = useState<{ failed: number; total: number } | undefined>();

  const run = useCallback(
    async (items: CleanupItem[]) => {
      setRunning(true);
      setFinished(undefined);
      setStates({});
      try {
        const failed = await runCleanup(clients, items, {
          stopGenerator: stop,
          onState: (id, state) => setStates((s) => ({ ...s, [id]: state })),
        });
        setFinished({ failed, total: items.length });
      } finally {
        setRunning(false);
        // Every page's lists changed.
        void qc.invalidateQueries();
      }
    },
    [clients, stop, qc],
  );

  const reset = useCallback(() => {
    setStates({});
    setFinished(undefined);
  }, []);

  return { inventory, states, run, running, finished, reset };
};
