import { AwsError } from '../common/errors';
import type { RequestContext } from '../protocol/context';
import type { JsonService } from '../protocol/service';
import type { CloudWatchContext } from './actions/context';
import { getMetricData } from './actions/getMetricData';
import { getMetricStatistics } from './actions/getMetricStatistics';
import { listMetrics } from './actions/listMetrics';
import { putMetricData } from './actions/putMetricData';
import { queryErrorHeader } from './errors';

/** `region`: the request's; CloudWatch reads and writes only that region's metrics. */
type Action = (ctx: CloudWatchContext, input: Record<string, unknown>, region: string) => unknown;

const actions: Readonly<Record<string, Action>> = {
  GetMetricData: getMetricData,
  GetMetricStatistics: getMetricStatistics,
  ListMetrics: listMetrics,
  PutMetricData: putMetricData,
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
    return Object.hasOwn(actions, operation);
  }

  call(operation: string, input: Record<string, unknown>, rc: RequestContext): unknown {
    const action = actions[operation];
    if (action === undefined) throw new AwsError('UnknownOperationException', '');
    return action(this.ctx, input, rc.region);
  }

  errorHeaders(code: string): Record<string, string> {
    return { 'x-amzn-query-error': queryErrorHeader(code) };
  }
}
