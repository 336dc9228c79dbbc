import { AwsError } from '../common/errors';
import { validate, type Shapes } from '../common/validation';
import type { RequestContext } from '../protocol/context';
import type { JsonService } from '../protocol/service';
import type { CloudWatchContext } from './actions/context';
import { getMetricData } from './actions/getMetricData';
import { getMetricStatistics } from './actions/getMetricStatistics';
import { listMetrics } from './actions/listMetrics';
import { putMetricData } from './actions/putMetricData';
import { queryErrorHeader } from './errors';
import * as v from './validations';

interface Operation {
  shapes: Shapes;
  /** `region`: the request's; CloudWatch reads and writes only that region's metrics. */
  action: (ctx: CloudWatchContext, input: any, region: string) => unknown;
}

/** Operation name -> validation shapes + action (one file each under validations/ and actions/). */
export const operations: Readonly<Record<string, Operation>> = {
  GetMetricData: { shapes: v.getMetricData, action: getMetricData },
  GetMetricStatistics: { shapes: v.getMetricStatistics, action: getMetricStatistics },
  ListMetrics: { shapes: v.listMetrics, action: listMetrics },
  PutMetricData: { shapes: v.putMetricData, action: putMetricData },
};

/**
 * A copy of the request without its empty lists: CloudWatch is a query-compatible service, and in
 * the query protocol an empty list is not sent at all, so AWS judges `[]` as absent.
 */
const withoutEmptyLists = (o: Record<string, unknown>): Record<string, unknown> => {
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(o)) {
    const x = copyValue(o[k]);
    if (x !== undefined) out[k] = x;
  }
  return out;
};
const copyValue = (x: unknown): unknown => {
  if (Array.isArray(x))
    return x.length === 0
      ? undefined
      : x.map((m) =>
          m !== null && typeof m === 'object' && !Array.isArray(m)
            ? withoutEmptyLists(m as Record<string, unknown>)
            : m,
        );
  if (x !== null && typeof x === 'object') return withoutEmptyLists(x as Record<string, unknown>);
  return x;
};

/**
 * CloudWatch metrics over awsJson1_0 (`X-Amz-Target: GraniteServiceVersion20100801.<Op>`),
 * query-compatible: errors carry `x-amzn-query-error` so the SDK names them as in awsQuery.
 */
export class CloudWatchService implements JsonService {
  readonly kind = 'json';
  readonly targetPrefix = 'GraniteServiceVersion20100801';
  readonly jsonVersion = '1.0';

  constructor(private readonly ctx: CloudWatchContext) {}

  hasOperation(operation: string): boolean {
    return Object.hasOwn(operations, operation);
  }

  /** Validates the parsed JSON body against the operation's shapes, then runs the action. Throws AwsError. */
  call(operation: string, input: Record<string, unknown>, rc: RequestContext): unknown {
    const op = operations[operation];
    if (op === undefined) throw new AwsError('UnknownOperationException', '');
    const data = withoutEmptyLists(input);
    validate(data, op.shapes);
    return op.action(this.ctx, data, rc.region);
  }

  errorHeaders(code: string): Record<string, string> {
    return { 'x-amzn-query-error': queryErrorHeader(code) };
  }
}
