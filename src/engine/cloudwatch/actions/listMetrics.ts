import type { Dimension } from '../../common/metrics';
import { invalidNextToken } from '../errors';
import { decodeToken, encodeToken } from '../input';
import type { CloudWatchContext } from './context';

/** ListMetrics returns up to 500 results per call (CloudWatch API reference, ListMetrics). */
export const LIST_METRICS_PAGE_SIZE = 500;
/** RecentlyActive PT3H: metrics that received data in the past three hours. */
const RECENTLY_ACTIVE_MS = 3 * 3600_000;

export interface MetricOut {
  Namespace: string;
  MetricName: string;
  Dimensions: Dimension[];
}

export interface ListMetricsInput {
  Namespace?: string;
  MetricName?: string;
  RecentlyActive?: string;
  NextToken?: string;
  Dimensions?: { Name: string; Value?: string }[];
}

/** The input has been checked against validations/listMetrics.ts. */
export const listMetrics = (
  ctx: CloudWatchContext,
  input: ListMetricsInput,
  region: string,
): { Metrics: MetricOut[]; NextToken?: string } => {
  const { Namespace: namespace, MetricName: metricName, RecentlyActive: recentlyActive, NextToken: nextToken } = input;
  const filters = (input.Dimensions ?? []).map((f) => ({ name: f.Name, value: f.Value }));

  let after: string | undefined;
  if (nextToken !== undefined) {
    const t = decodeToken(nextToken) as { k?: unknown } | undefined;
    if (!t || typeof t.k !== 'string') {
      throw invalidNextToken('The service cannot complete the request because the NextToken is not valid.');
    }
    after = t.k;
  }
  const cutoff = ctx.clock.now() - RECENTLY_ACTIVE_MS;
  const matches = ctx.store.list(region).filter(
    (s) =>
      (after === undefined || s.key > after) &&
      (namespace === undefined || s.namespace === namespace) &&
      (metricName === undefined || s.name === metricName) &&
      (recentlyActive === undefined || s.lastPut >= cutoff) &&
      filters.every((f) => s.dimensions.some((d) => d.Name === f.name && (f.value === undefined || d.Value === f.value))),
  );
  const page = matches.slice(0, LIST_METRICS_PAGE_SIZE);
  const out: { Metrics: MetricOut[]; NextToken?: string } = {
    Metrics: page.map((s) => ({
      Namespace: s.namespace,
      MetricName: s.name,
      Dimensions: s.dimensions.map((d) => ({ Name: d.Name, Value: d.Value })),
    })),
  };
  if (matches.length > LIST_METRICS_PAGE_SIZE) out.NextToken = encodeToken({ k: page[page.length - 1].key });
  return out;
};
