import { DescribeApplicationCommand, type ApplicationDetail } from '@aws-sdk/client-kinesis-analytics-v2';
import { DescribeDeliveryStreamCommand, ListDeliveryStreamsCommand } from '@aws-sdk/client-firehose';
import { ListBucketsCommand, ListObjectsV2Command } from '@aws-sdk/client-s3';
import { useQuery } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo } from 'react';
import type { WorkshopApplication, WorkshopDeliveryStream, WorkshopSnapshot } from '../workshop/detectors';
import { useStore } from 'zustand';
import { currentStep, evaluate, progressStore, useScenarioStore } from '../workshop/progress';
import { scenarioById } from '../workshop/scenarios';
import { analyticsChannel, useServices } from './services';
import { listApplications } from './useAnalytics';
import { useGeneratorRun } from './useGenerator';
import { sumOf, useStreamMetrics } from './useMetrics';
import { useStreamList } from './useStreams';

/** How often the walkthrough reads the console's state while it is shown. */
export const WORKSHOP_POLL_MS = 3000;

export const workshopKeys = {
  applications: () => ['workshop', 'applications'] as const,
  delivery: () => ['workshop', 'delivery'] as const,
};

/** The application's parts the detectors read. */
export const toWorkshopApp = (a: ApplicationDetail, totals?: Record<string, number>): WorkshopApplication => {
  const sql = a.ApplicationConfigurationDescription?.SqlApplicationConfigurationDescription;
  return {
    name: a.ApplicationName ?? '',
    status: a.ApplicationStatus ?? 'UNKNOWN',
    code: a.ApplicationConfigurationDescription?.ApplicationCodeConfigurationDescription?.CodeContentDescription?.TextContent ?? '',
    inputs: (sql?.InputDescriptions ?? []).map((i) => ({
      streamArn: i.KinesisStreamsInputDescription?.ResourceARN,
      columns: i.InputSchema?.RecordColumns?.length ?? 0,
      names: (i.InputSchema?.RecordColumns ?? []).map((c) => c.Name ?? ''),
    })),
    outputs: (sql?.OutputDescriptions ?? []).map((o) => ({
      name: o.Name ?? '',
      firehoseArn: o.KinesisFirehoseOutputDescription?.ResourceARN,
      kinesisArn: o.KinesisStreamsOutputDescription?.ResourceARN,
      format: o.DestinationSchema?.RecordFormatType,
    })),
    ...(totals ? { streamTotals: totals } : {}),
  };
};

const bucketOf = (arn: string | undefined) => arn?.replace(/^arn:[^:]+:s3:::/, '');

/** The fixed start of a Firehose prefix (before any `!{...}` expression). */
export const staticPrefix = (prefix: string | undefined) => (prefix ?? '').split('!{')[0];

/**
 * Gathers a snapshot of the console's state with the SDK clients (and the
 * rows of running applications over the analytics channel), polling every few seconds while it is
 * mounted, and ticks the walkthrough's steps whose checks pass. Mount it only where the
 * walkthrough is shown.
 */
export const useWorkshopProgress = () => {
  const { settings, analytics, firehose, s3 } = useServices();
  const mode = settings.mode === 'emulated' ? 'emulated' : 'aws';
  const scenarioId = useScenarioStore((s) => s.scenario);
  const selectScenario = useScenarioStore((s) => s.select);
  const scenario = scenarioById(scenarioId);
  // Each scenario keeps its own ticks and names.
  const progress = useStore(progressStore(scenario.id));
  const { remembered, ticked } = progress;

  const streams = useStreamList();
  const run = useGeneratorRun();
  const metrics = useStreamMetrics(remembered.stream, '15m');

  const applications = useQuery({
    queryKey: workshopKeys.applications(),
    queryFn: async (): Promise<WorkshopApplication[]> => {
      const names = (await listApplications(analytics)).map((a) => a.ApplicationName!);
      const details = await Promise.allSettled(names.map((n) => analytics.send(new DescribeApplicationCommand({ ApplicationName: n }))));
      const apps: WorkshopApplication[] = [];
      for (const d of details) {
        // One deleted between the two calls is simply gone.
        const a = d.status === 'fulfilled' ? d.value.ApplicationDetail : undefined;
        if (!a) continue;
        let totals: Record<string, number> | undefined;
        if (a.ApplicationStatus === 'RUNNING' && a.ApplicationARN) {
          // Totals only: the walkthrough needs no rows.
          const rows = await analyticsChannel(settings).console.analyticsRows(a.ApplicationARN, 0);
          totals = Object.fromEntries(rows.streams.map((s) => [s.name, s.total]));
        }
        apps.push(toWorkshopApp(a, totals));
      }
      return apps;
    },
    refetchInterval: WORKSHOP_POLL_MS,
  });

  const delivery = useQuery({
    queryKey: workshopKeys.delivery(),
    queryFn: async (): Promise<{ deliveryStreams: WorkshopDeliveryStream[]; buckets: string[] }> => {
      const names: string[] = [];
      let start: string | undefined;
      for (;;) {
        const out = await firehose.send(new ListDeliveryStreamsCommand({ ...(start ? { ExclusiveStartDeliveryStreamName: start } : {}) }));
        names.push(...(out.DeliveryStreamNames ?? []));
        if (!out.HasMoreDeliveryStreams || !names.length) break;
        start = names[names.length - 1];
      }
      const buckets = ((await s3.send(new ListBucketsCommand({}))).Buckets ?? []).map((b) => b.Name!);
      const described = await Promise.allSettled(names.map((n) => firehose.send(new DescribeDeliveryStreamCommand({ DeliveryStreamName: n }))));
      const deliveryStreams: WorkshopDeliveryStream[] = [];
      for (const r of described) {
        const d = r.status === 'fulfilled' ? r.value.DeliveryStreamDescription : undefined;
        if (!d) continue;
        const dest = d.Destinations?.[0];
        const s3d = dest?.ExtendedS3DestinationDescription ?? dest?.S3DestinationDescription;
        const bucket = bucketOf(s3d?.BucketARN);
        const ds: WorkshopDeliveryStream = {
          name: d.DeliveryStreamName ?? '',
          status: d.DeliveryStreamStatus ?? 'UNKNOWN',
          bucket,
          prefix: s3d?.Prefix,
          errorPrefix: s3d?.ErrorOutputPrefix,
          sizeInMBs: s3d?.BufferingHints?.SizeInMBs,
          intervalInSeconds: s3d?.BufferingHints?.IntervalInSeconds,
        };
        if (bucket && buckets.includes(bucket)) {
          const out = await s3.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: staticPrefix(ds.prefix), MaxKeys: 100 }));
          const errors = staticPrefix(ds.errorPrefix);
          // Objects it wrote carry its name (`<name>-<version>-<date>-<random>`); failures sit under the error prefix.
          ds.objects = (out.Contents ?? [])
            .map((o) => o.Key ?? '')
            .filter((k) => k.split('/').pop()!.startsWith(`${ds.name}-`) && !(errors && k.startsWith(errors)));
        }
        deliveryStreams.push(ds);
      }
      return { deliveryStreams, buckets };
    },
    refetchInterval: WORKSHOP_POLL_MS,
  });

  const snapshot = useMemo((): WorkshopSnapshot => {
    const points = metrics.data;
    return {
      mode,
      streams: streams.data?.map((s) => ({ name: s.name, status: s.status, openShards: s.openShards })),
      generator: run.stream
        ? { stream: run.stream, target: run.target, anyAcknowledged: run.anyAcknowledged, targetRate: run.targetRate, running: run.running }
        : undefined,
      incomingRecords: remembered.stream && points ? { stream: remembered.stream, sum: sumOf(points, 'incomingRecords') } : undefined,
      applications: applications.data,
      deliveryStreams: delivery.data?.deliveryStreams,
      buckets: delivery.data?.buckets,
    };
  }, [mode, streams.data, run.stream, run.target, run.anyAcknowledged, run.targetRate, run.running, remembered.stream, metrics.data, applications.data, delivery.data]);

  const steps = useMemo(() => scenario.steps({ mode, region: settings.region, remembered }), [scenario, mode, settings.region, remembered]);
  const evaluation = useMemo(() => evaluate(steps, snapshot, { ticked, remembered }), [steps, snapshot, ticked, remembered]);

  const apply = progress.apply;
  useEffect(() => {
    if (evaluation.newlyTicked.length) apply(evaluation, Date.now());
  }, [evaluation, apply]);

  const markDone = useCallback((id: string) => progress.markDone(id, Date.now()), [progress]);

  return {
    mode,
    scenario,
    selectScenario,
    steps,
    checks: evaluation.checks,
    ticked,
    remembered,
    current: currentStep(steps, ticked),
    markDone,
    reset: progress.reset,
    /** Service reads that failed (shown so a missing permission in AWS mode does not look like "not done"). */
    problems: [streams.error, applications.error, delivery.error].filter((e): e is Error => !!e).map((e) => `${e.name}: ${e.message}`),
  };
};

export type WorkshopProgress = ReturnType<typeof useWorkshopProgress>;
