import { requireStatus, type AnalyticsContext } from './context';

export const stopApplication = (a: AnalyticsContext, input: { ApplicationName: string; Force?: boolean }) => {
  const app = a.store.get(a.rc.region, input.ApplicationName);
  requireStatus(app, 'RUNNING', 'STARTING', 'UPDATING');
  a.store.transition(app, 'STOPPING', 'READY');
  return {};
};
