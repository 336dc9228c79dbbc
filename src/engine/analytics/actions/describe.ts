import { md5Hex } from '../../kinesis/store/md5';
import type { AnalyticsApplication } from '../types';

const seconds = (ms: number): number => ms / 1000;
const utf8 = new TextEncoder();

/** ApplicationDetail as DescribeApplication and the mutating operations return it. */
export const applicationDetail = (app: AnalyticsApplication) => ({
  ApplicationARN: app.ApplicationARN,
  ...(app.ApplicationDescription !== undefined ? { ApplicationDescription: app.ApplicationDescription } : {}),
  ApplicationName: app.ApplicationName,
  RuntimeEnvironment: app.RuntimeEnvironment,
  ServiceExecutionRole: app.ServiceExecutionRole,
  ApplicationStatus: app.ApplicationStatus,
  ApplicationVersionId: app.ApplicationVersionId,
  CreateTimestamp: seconds(app.CreateTimestamp),
  LastUpdateTimestamp: seconds(app.LastUpdateTimestamp),
  ApplicationConfigurationDescription: {
    SqlApplicationConfigurationDescription: {
      InputDescriptions: app.Inputs.map((i) => structuredClone(i)),
      OutputDescriptions: app.Outputs.map((o) => structuredClone(o)),
      ReferenceDataSourceDescriptions: [],
    },
    ApplicationCodeConfigurationDescription: {
      CodeContentType: 'PLAINTEXT',
      CodeContentDescription: { TextContent: app.Code, CodeMD5: md5Hex(app.Code), CodeSize: utf8.encode(app.Code).byteLength },
    },
  },
});

export const applicationSummary = (app: AnalyticsApplication) => ({
  ApplicationName: app.ApplicationName,
  ApplicationARN: app.ApplicationARN,
  ApplicationStatus: app.ApplicationStatus,
  ApplicationVersionId: app.ApplicationVersionId,
  RuntimeEnvironment: app.RuntimeEnvironment,
});
