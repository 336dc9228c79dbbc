/**
 * The application as a Flink SQL script (Managed Service for Apache Flink), written by the engine's
 * exporter from what DescribeApplication gives: the SQL, the input's schema and stream, the
 * destinations. Pure work on data the page already has, so it runs on the page (the exporter is
 * loaded the first time it is asked for), the same in emulated and AWS mode.
 */
import { useQuery } from '@tanstack/react-query';
import type { FlinkEndpoint, FlinkExportOptions } from '../../engine/sql/flink/export';
import type { InputSchema } from '../../engine/sql/discovery/discover';
import { appParts, type ApplicationDetail } from './useAnalytics';

/** Service, Region and resource name of a Kinesis stream or Firehose delivery stream ARN. */
export const endpointOfArn = (arn: string): FlinkEndpoint & { region: string } => {
  const [, , service = '', region = '', , resource = ''] = arn.split(':');
  return { kind: service === 'firehose' ? 'firehose' : 'kinesis', region, name: resource.slice(resource.indexOf('/') + 1) };
};

/** What the exporter needs, read from the application's description; undefined until it has an input. */
export const flinkExportInput = (app: ApplicationDetail | undefined): { sql: string; options: FlinkExportOptions } | undefined => {
  const parts = appParts(app);
  if (!app || !parts.sourceArn || !parts.schema) return undefined;
  const source = endpointOfArn(parts.sourceArn);
  const outputs = parts.outputs.flatMap((o) => {
    const arn = o.KinesisStreamsOutputDescription?.ResourceARN ?? o.KinesisFirehoseOutputDescription?.ResourceARN;
    if (!arn || !o.Name) return [];
    const to = endpointOfArn(arn);
    return [{ stream: o.Name, to: { kind: to.kind, name: to.name }, format: o.DestinationSchema?.RecordFormatType === 'CSV' ? ('CSV' as const) : ('JSON' as const) }];
  });
  return {
    sql: parts.code,
    options: { applicationName: app.ApplicationName, source: { kind: source.kind, name: source.name }, region: source.region, schema: parts.schema as InputSchema, outputs },
  };
};

export type FlinkExportResult = { ok: true; script: string; notTranslated: string[] } | { ok: false; message: string };

/** The Flink SQL script of an application, computed while `enabled` (the export dialog is open). */
export const useFlinkExport = (app: ApplicationDetail | undefined, enabled: boolean) => {
  const input = flinkExportInput(app);
  return useQuery({
    queryKey: ['analytics', 'flink-export', app?.ApplicationARN, app?.ApplicationVersionId, input?.sql],
    enabled: enabled && input !== undefined,
    staleTime: Infinity,
    queryFn: async (): Promise<FlinkExportResult> => {
      const { exportFlinkSql } = await import('../../engine/sql/flink/export');
      try {
        return { ok: true, ...exportFlinkSql(input!.sql, input!.options) };
      } catch (e) {
        return { ok: false, message: (e as Error).message };
      }
    },
  });
};
