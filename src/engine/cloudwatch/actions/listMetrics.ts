import type { Dimension } from '../../common/metrics';
import { invalidNextToken } from '../errors';
import { decodeToken, encodeToken, optArray, optObject, optString, ShapeErrors } from '../input';
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

export const listMetrics = (
  ctx: CloudWatchContext,
  input: Record<string, unknown>,
  region: string,
): { Metrics: MetricOut[]; NextToken?: string } => {
  const errors = new ShapeErrors();
  const namespace = optString(input.Namespace);
  const metricName = optString(input.MetricName);
  const recentlyActive = optString(input.RecentlyActive);
  const nextToken = optString(input.NextToken);
  errors.length(namespace, 'namespace', 1, 255);
  errors.length(metricName, 'metricName', 1, 255);
  errors.enumValue(recentlyActive, 'recentlyActive', ['PT3H']);
  const filtersRaw = optArray(input.Dimensions) ?? [];
  // DimensionFilters: at most 10 (the CloudWatch model).
  if (filtersRaw.length > 10) errors.add(filtersRaw, 'dimensions', 'Member must have length less than or equal to 10');
  const filters = filtersRaw.map((raw, i) => {
    const f = optObject(raw) ?? {};
    const name = optString(f.Name);
    const value = optString(f.Value);
    const p = `dimensions.${i + 1}.member`;
    if (errors.notNull(name, `${p}.name`)) errors.length(name, `${p}.name`, 1, 255);
    errors.length(value, `${p}.value`, 1, 1024);
    return { name: name ?? '', value };
  });
  errors.throwIfAny();

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
