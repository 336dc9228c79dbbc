import { toOutput, type OutputRequest } from './configuration';
import { requireStatus, requireVersion, type AnalyticsContext } from './context';

export const addApplicationOutput = (a: AnalyticsContext, input: { ApplicationName: string; CurrentApplicationVersionId: number; Output: OutputRequest }) => {
  const app = a.store.get(a.rc.region, input.ApplicationName);
  requireStatus(app, 'READY', 'RUNNING');
  requireVersion(app, input.CurrentApplicationVersionId);
  app.Outputs.push(toOutput(a, app, input.Output));
  a.store.bumpVersion(app);
  return {
    ApplicationARN: app.ApplicationARN,
    ApplicationVersionId: app.ApplicationVersionId,
    OutputDescriptions: app.Outputs.map((o) => structuredClone(o)),
  };
};
