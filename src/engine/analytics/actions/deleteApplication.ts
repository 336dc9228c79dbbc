import { aErr } from '../errors';
import { requireStatus, type AnalyticsContext } from './context';

export const deleteApplication = (a: AnalyticsContext, input: { ApplicationName: string; CreateTimestamp: number }) => {
  const app = a.store.get(a.rc.region, input.ApplicationName);
  // CreateTimestamp guards against deleting a same-named application made since the caller looked (API reference).
  if (Math.abs(input.CreateTimestamp * 1000 - app.CreateTimestamp) >= 1) throw aErr.staleCreateTimestamp(app.ApplicationName);
  requireStatus(app, 'READY', 'RUNNING');
  a.store.transition(app, 'DELETING', 'deleted');
  return {};
};
