import {
  AddApplicationInputCommand,
  AddApplicationOutputCommand,
  CreateApplicationCommand,
  DeleteApplicationCommand,
  DeleteApplicationOutputCommand,
  DescribeApplicationCommand,
  DiscoverInputSchemaCommand,
  ListApplicationsCommand,
  StartApplicationCommand,
  StopApplicationCommand,
  UpdateApplicationCommand,
  type ApplicationDetail,
  type ApplicationSummary,
  type DiscoverInputSchemaCommandOutput,
  type InputStartingPosition,
  type KinesisAnalyticsV2Client,
  type RecordColumn,
  type SourceSchema,
} from '@aws-sdk/client-kinesis-analytics-v2';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { analyticsChannel, useServices } from './services';

export type { ApplicationDetail, ApplicationSummary, RecordColumn, SourceSchema };

/** While an application is changing state the console polls fast; otherwise slowly. */
const FAST_POLL_MS = 500;
const SLOW_POLL_MS = 5000;

export const isTransitionalApp = (status: string | undefined): boolean =>
  status === 'STARTING' || status === 'STOPPING' || status === 'UPDATING' || status === 'DELETING';

/** The role every console-made application names: the emulator checks the ARN's form, not the role. */
export const ANALYTICS_ROLE = 'arn:aws:iam::000000000000:role/kinesis-analytics-workshop';

/** The in-application stream an input feeds (the KDA console's default name prefix). */
export const SOURCE_NAME_PREFIX = 'SOURCE_SQL_STREAM';

export const analyticsKeys = {
  all: ['analytics'] as const,
  list: () => ['analytics', 'list'] as const,
  app: (name: string) => ['analytics', 'app', name] as const,
};

/** ListApplications, every page. */
export const listApplications = async (analytics: KinesisAnalyticsV2Client): Promise<ApplicationSummary[]> => {
  const all: ApplicationSummary[] = [];
  let NextToken: string | undefined;
  do {
    const out = await analytics.send(new ListApplicationsCommand({ NextToken }));
    all.push(...(out.ApplicationSummaries ?? []));
    NextToken = out.NextToken;
  } while (NextToken);
  return all;
};

export const useApplications = () => {
  const { analytics } = useServices();
  return useQuery({
    queryKey: analyticsKeys.list(),
    queryFn: () => listApplications(analytics),
    refetchInterval: (q) => (q.state.data?.some((a) => isTransitionalApp(a.ApplicationStatus)) ? FAST_POLL_MS : SLOW_POLL_MS),
  });
};

/** DescribeApplication: what `analyticsKeys.app(name)` holds. */
export const describeApplication = async (analytics: KinesisAnalyticsV2Client, name: string) =>
  (await analytics.send(new DescribeApplicationCommand({ ApplicationName: name }))).ApplicationDetail as ApplicationDetail;

export const useApplication = (name: string) => {
  const { analytics } = useServices();
  return useQuery({
    queryKey: analyticsKeys.app(name),
    queryFn: () => describeApplication(analytics, name),
    refetchInterval: (q) => (q.state.error ? false : isTransitionalApp(q.state.data?.ApplicationStatus) ? FAST_POLL_MS : SLOW_POLL_MS),
  });
};

/** A mutation that refreshes the list and the application once it settles. */
const useAppMutation = <I extends { name: string }, O>(fn: (input: I) => Promise<O>) => {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSettled: (_d, _e, input) => {
      void qc.invalidateQueries({ queryKey: analyticsKeys.list() });
      void qc.invalidateQueries({ queryKey: analyticsKeys.app(input.name) });
    },
  });
};

export interface CreateApplicationInput {
  name: string;
  description?: string;
}

/*
 * The analytics calls the pages make, as plain functions over the client: the hooks below wrap
 * them in mutations, and the walkthrough's "Do this step for me" sends exactly the same requests.
 */

export const createApplication = (analytics: KinesisAnalyticsV2Client, input: CreateApplicationInput) =>
  analytics.send(
    new CreateApplicationCommand({
      ApplicationName: input.name,
      ...(input.description ? { ApplicationDescription: input.description } : {}),
      RuntimeEnvironment: 'SQL-1_0',
      ServiceExecutionRole: ANALYTICS_ROLE,
    }),
  );

export const useCreateApplication = () => {
  const { analytics } = useServices();
  return useAppMutation((input: CreateApplicationInput) => createApplication(analytics, input));
};

/** The stream's ARN as Kinesis names it (ListStreams gives names; the analytics API takes ARNs). */
export const streamArn = (region: string, account: string, stream: string) => `arn:aws:kinesis:${region}:${account}:stream/${stream}`;

export const discoverSchema = (analytics: KinesisAnalyticsV2Client, input: { resourceArn: string; position?: InputStartingPosition }): Promise<DiscoverInputSchemaCommandOutput> =>
  analytics.send(
    new DiscoverInputSchemaCommand({
      ResourceARN: input.resourceArn,
      ServiceExecutionRole: ANALYTICS_ROLE,
      InputStartingPositionConfiguration: { InputStartingPosition: input.position ?? 'TRIM_HORIZON' },
    }),
  );

export const useDiscoverSchema = () => {
  const { analytics } = useServices();
  return useMutation({ mutationFn: (input: { resourceArn: string; position?: InputStartingPosition }) => discoverSchema(analytics, input) });
};

/** What an application reads: a Kinesis data stream or a Firehose delivery stream. */
export type SourceKind = 'kinesis' | 'firehose';

/** The kind of source an ARN names (a delivery stream's ARN has `:deliverystream/`). */
export const sourceKindOf = (arn: string | undefined): SourceKind => (arn?.includes(':deliverystream/') ? 'firehose' : 'kinesis');

export interface SaveSourceInput {
  name: string;
  app: ApplicationDetail;
  kind: SourceKind;
  resourceArn: string;
  schema: SourceSchema;
}

/** Connects the source, or replaces its stream and schema when the application has one. */
export const saveSource = async (analytics: KinesisAnalyticsV2Client, input: SaveSourceInput) => {
    const existing = input.app.ApplicationConfigurationDescription?.SqlApplicationConfigurationDescription?.InputDescriptions?.[0];
    if (!existing)
      return analytics.send(
        new AddApplicationInputCommand({
          ApplicationName: input.name,
          CurrentApplicationVersionId: input.app.ApplicationVersionId,
          Input: {
            NamePrefix: SOURCE_NAME_PREFIX,
            ...(input.kind === 'firehose' ? { KinesisFirehoseInput: { ResourceARN: input.resourceArn } } : { KinesisStreamsInput: { ResourceARN: input.resourceArn } }),
            InputSchema: input.schema,
          },
        }),
      );
    return analytics.send(
      new UpdateApplicationCommand({
        ApplicationName: input.name,
        CurrentApplicationVersionId: input.app.ApplicationVersionId,
        ApplicationConfigurationUpdate: {
          SqlApplicationConfigurationUpdate: {
            InputUpdates: [
              {
                InputId: existing.InputId,
                ...(input.kind === 'firehose'
                  ? { KinesisFirehoseInputUpdate: { ResourceARNUpdate: input.resourceArn } }
                  : { KinesisStreamsInputUpdate: { ResourceARNUpdate: input.resourceArn } }),
                InputSchemaUpdate: {
                  RecordFormatUpdate: input.schema.RecordFormat,
                  RecordEncodingUpdate: input.schema.RecordEncoding,
                  RecordColumnUpdates: input.schema.RecordColumns,
                },
              },
            ],
          },
        },
      }),
    );
};

export const useSaveSource = () => {
  const { analytics } = useServices();
  return useAppMutation((input: SaveSourceInput) => saveSource(analytics, input));
};

export interface SaveCodeInput {
  name: string;
  app: ApplicationDetail;
  code: string;
  run: boolean;
}

/** Saves the SQL; with `run`, starts a READY application afterwards (the console's "Save and run SQL"). */
export const saveCode = async (analytics: KinesisAnalyticsV2Client, input: SaveCodeInput) => {
    await analytics.send(
      new UpdateApplicationCommand({
        ApplicationName: input.name,
        CurrentApplicationVersionId: input.app.ApplicationVersionId,
        ApplicationConfigurationUpdate: { ApplicationCodeConfigurationUpdate: { CodeContentUpdate: { TextContentUpdate: input.code } } },
      }),
    );
    if (input.run && input.app.ApplicationStatus === 'READY')
      await analytics.send(
        new StartApplicationCommand({
          ApplicationName: input.name,
          RunConfiguration: {
            SqlRunConfigurations: [
              {
                InputId: input.app.ApplicationConfigurationDescription?.SqlApplicationConfigurationDescription?.InputDescriptions?.[0]?.InputId ?? '1.1',
                InputStartingPositionConfiguration: { InputStartingPosition: 'NOW' },
              },
            ],
          },
        }),
      );
};

export const useSaveCode = () => {
  const { analytics } = useServices();
  return useAppMutation((input: SaveCodeInput) => saveCode(analytics, input));
};

export interface StartApplicationInput {
  name: string;
  inputId: string;
  position: InputStartingPosition;
}

export const startApplication = (analytics: KinesisAnalyticsV2Client, input: StartApplicationInput) =>
  analytics.send(
    new StartApplicationCommand({
      ApplicationName: input.name,
      RunConfiguration: { SqlRunConfigurations: [{ InputId: input.inputId, InputStartingPositionConfiguration: { InputStartingPosition: input.position } }] },
    }),
  );

export const useStartApplication = () => {
  const { analytics } = useServices();
  return useAppMutation((input: StartApplicationInput) => startApplication(analytics, input));
};

export const stopApplication = (analytics: KinesisAnalyticsV2Client, input: { name: string }) =>
  analytics.send(new StopApplicationCommand({ ApplicationName: input.name }));

export const useStopApplication = () => {
  const { analytics } = useServices();
  return useAppMutation((input: { name: string }) => stopApplication(analytics, input));
};

export const useDeleteApplication = () => {
  const { analytics } = useServices();
  return useAppMutation((input: { name: string; createTimestamp: Date }) =>
    analytics.send(new DeleteApplicationCommand({ ApplicationName: input.name, CreateTimestamp: input.createTimestamp })),
  );
};

export interface AddOutputInput {
  name: string;
  version: number;
  streamName: string;
  resourceArn: string;
  kind: 'kinesis' | 'firehose';
  format: 'JSON' | 'CSV';
}

export const addOutput = (analytics: KinesisAnalyticsV2Client, input: AddOutputInput) =>
  analytics.send(
    new AddApplicationOutputCommand({
      ApplicationName: input.name,
      CurrentApplicationVersionId: input.version,
      Output: {
        Name: input.streamName,
        ...(input.kind === 'kinesis' ? { KinesisStreamsOutput: { ResourceARN: input.resourceArn } } : { KinesisFirehoseOutput: { ResourceARN: input.resourceArn } }),
        DestinationSchema: { RecordFormatType: input.format },
      },
    }),
  );

export const useAddOutput = () => {
  const { analytics } = useServices();
  return useAppMutation((input: AddOutputInput) => addOutput(analytics, input));
};

export const useDeleteOutput = () => {
  const { analytics } = useServices();
  return useAppMutation((input: { name: string; version: number; outputId: string }) =>
    analytics.send(new DeleteApplicationOutputCommand({ ApplicationName: input.name, CurrentApplicationVersionId: input.version, OutputId: input.outputId })),
  );
};

/** The application's pieces the pages show, read once from a description. */
export const appParts = (app: ApplicationDetail | undefined) => {
  const sql = app?.ApplicationConfigurationDescription?.SqlApplicationConfigurationDescription;
  const input = sql?.InputDescriptions?.[0];
  return {
    input,
    sourceArn: input?.KinesisStreamsInputDescription?.ResourceARN ?? input?.KinesisFirehoseInputDescription?.ResourceARN,
    schema: input?.InputSchema,
    outputs: sql?.OutputDescriptions ?? [],
    code: app?.ApplicationConfigurationDescription?.ApplicationCodeConfigurationDescription?.CodeContentDescription?.TextContent ?? '',
  };
};

/** ROWTIME as the SQL engine prints a TIMESTAMP: `YYYY-MM-DD HH:MM:SS.mmm`, UTC. */
export const formatRowtime = (ms: number): string => new Date(ms).toISOString().replace('T', ' ').replace('Z', '');

export type { StreamTail as StreamRows, TailRow } from '../../engine/analytics/runtime';

/** What the console channel gives about a running application: its streams' newest rows, its pumps' plans, why it stopped. */
export interface ApplicationRows {
  running: boolean;
  streams: import('../../engine/analytics/runtime').StreamTail[];
  plans: unknown[];
  statusReason?: string;
  /** In AWS mode, what went wrong lately reading the source or writing a destination. */
  problems?: string[];
}

/**
 * The newest rows of a running application's in-application streams, polled over the console
 * channel (not an AWS API). Polling pauses while `paused` (the pointer is over a table).
 */
export const useApplicationRows = (applicationArn: string, running: boolean, paused: boolean) => {
  const { settings } = useServices();
  return useQuery({
    queryKey: ['analytics', 'rows', applicationArn],
    enabled: applicationArn !== '',
    // Only the rows a table shows cross to the page four times a second; a download asks for all.
    queryFn: (): Promise<ApplicationRows> => analyticsChannel(settings).console.analyticsRows(applicationArn, LIVE_ROWS),
    refetchInterval: running && !paused ? 250 : running ? false : 5000,
  });
};

/** Rows a live table shows at most: the newest. */
export const LIVE_ROWS = 50;

/** Every row the application keeps of one in-application stream (its tail), for a download. */
export const useFetchStreamRows = () => {
  const { settings } = useServices();
  return async (applicationArn: string, stream: string): Promise<ApplicationRows['streams'][number] | undefined> =>
    (await analyticsChannel(settings).console.analyticsRows(applicationArn)).streams.find((s) => s.name === stream);
};
