import { AwsError } from '../../common/errors';
import { requireStatus, requireVersion, type AnalyticsContext } from './context';

export const deleteApplicationOutput = (a: AnalyticsContext, input: { ApplicationName: string; CurrentApplicationVersionId: number; OutputId: string }) => {
  const app = a.store.get(a.rc.region, input.ApplicationName);
  requireStatus(app, 'READY', 'RUNNING');
  requireVersion(app, input.CurrentApplicationVersionId);
  const at = app.Outputs.findIndex((o) => o.OutputId === input.OutputId);
  if (at < 0) throw new AwsError('ResourceNotFoundException', `Output ${input.OutputId} does not exist in application ${app.ApplicationName}.`);
  app.Outputs.splice(at, 1);
  a.store.bumpVersion(app);
  return { ApplicationARN: app.ApplicationARN, ApplicationVersionId: app.ApplicationVersionId };
};
