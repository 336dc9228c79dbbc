import type { AnalyticsContext } from './context';
import { applicationDetail } from './describe';

export const describeApplication = (a: AnalyticsContext, input: { ApplicationName: string }) => ({
  ApplicationDetail: applicationDetail(a.store.get(a.rc.region, input.ApplicationName)),
});
