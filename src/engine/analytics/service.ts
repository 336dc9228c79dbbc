import { validate, type Shapes } from '../common/validation';
import type { EngineContext, RequestContext } from '../protocol/context';
import type { JsonService } from '../protocol/service';
import { addApplicationInput } from './actions/addApplicationInput';
import { addApplicationOutput } from './actions/addApplicationOutput';
import type { AnalyticsContext, AnalyticsEnvironment } from './actions/context';
import { createApplication } from './actions/createApplication';
import { deleteApplication } from './actions/deleteApplication';
import { deleteApplicationOutput } from './actions/deleteApplicationOutput';
import { describeApplication } from './actions/describeApplication';
import { discoverInputSchema } from './actions/discoverInputSchema';
import { listApplications } from './actions/listApplications';
import { startApplication } from './actions/startApplication';
import { stopApplication } from './actions/stopApplication';
import { updateApplication } from './actions/updateApplication';
import { AnalyticsStore } from './store';
import type { AnalyticsSnapshot } from './types';
import * as v from './validations.generated';

interface Operation {
  /** AWS's input constraints, generated from its API model. */
  shapes: Shapes;
  /** Changes nothing worth saving. */
  readOnly: boolean;
  action: (a: AnalyticsContext, input: any) => unknown;
}

/** Operation name -> shapes + action (one file each under actions/). */
export const operations: Record<string, Operation> = {
  AddApplicationInput: { shapes: v.addApplicationInput, readOnly: false, action: addApplicationInput },
  AddApplicationOutput: { shapes: v.addApplicationOutput, readOnly: false, action: addApplicationOutput },
  CreateApplication: { shapes: v.createApplication, readOnly: false, action: createApplication },
  DeleteApplication: { shapes: v.deleteApplication, readOnly: false, action: deleteApplication },
  DeleteApplicationOutput: { shapes: v.deleteApplicationOutput, readOnly: false, action: deleteApplicationOutput },
  DescribeApplication: { shapes: v.describeApplication, readOnly: true, action: describeApplication },
  DiscoverInputSchema: { shapes: v.discoverInputSchema, readOnly: true, action: discoverInputSchema },
  ListApplications: { shapes: v.listApplications, readOnly: true, action: listApplications },
  StartApplication: { shapes: v.startApplication, readOnly: false, action: startApplication },
  StopApplication: { shapes: v.stopApplication, readOnly: false, action: stopApplication },
  UpdateApplication: { shapes: v.updateApplication, readOnly: false, action: updateApplication },
};

/** Kinesis Data Analytics (API v2, SQL applications) over awsJson 1.1 (`X-Amz-Target: KinesisAnalytics_20180523.<Op>`). */
export class AnalyticsService implements JsonService {
  readonly kind = 'json' as const;
  readonly targetPrefix = 'KinesisAnalytics_20180523';
  readonly jsonVersion = '1.1' as const;
  readonly store: AnalyticsStore;

  constructor(
    private readonly ctx: EngineContext,
    private readonly env: AnalyticsEnvironment,
  ) {
    this.store = new AnalyticsStore(ctx);
  }

  hasOperation(operation: string): boolean {
    return Object.prototype.hasOwnProperty.call(operations, operation);
  }

  isReadOnly(operation: string): boolean {
    return this.hasOperation(operation) && operations[operation].readOnly;
  }

  call(operation: string, input: Record<string, unknown>, rc: RequestContext): unknown {
    const op = operations[operation];
    validate(input, op.shapes);
    return op.action({ store: this.store, engine: this.ctx, rc, env: this.env }, input);
  }

  snapshot(): AnalyticsSnapshot {
    return this.store.snapshot();
  }

  restore(snapshot: AnalyticsSnapshot): void {
    this.store.restore(snapshot);
  }
}
