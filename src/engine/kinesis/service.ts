import { validate, type Shapes } from '../common/validation';
import type { EngineContext, RequestContext } from '../protocol/context';
import type { JsonService } from '../protocol/service';
import { addTagsToStream } from './actions/addTagsToStream';
import type { KinesisContext } from './actions/context';
import { createStream } from './actions/createStream';
import { decreaseStreamRetentionPeriod } from './actions/decreaseStreamRetentionPeriod';
import { deleteStream } from './actions/deleteStream';
import { deregisterStreamConsumer } from './actions/deregisterStreamConsumer';
import { describeStreamConsumer } from './actions/describeStreamConsumer';
import { describeStream } from './actions/describeStream';
import { describeStreamSummary } from './actions/describeStreamSummary';
import { disableEnhancedMonitoring } from './actions/disableEnhancedMonitoring';
import { enableEnhancedMonitoring } from './actions/enableEnhancedMonitoring';
import { getRecords } from './actions/getRecords';
import { getShardIterator } from './actions/getShardIterator';
import { increaseStreamRetentionPeriod } from './actions/increaseStreamRetentionPeriod';
import { listShards } from './actions/listShards';
import { listStreamConsumers } from './actions/listStreamConsumers';
import { listStreams } from './actions/listStreams';
import { listTagsForStream } from './actions/listTagsForStream';
import { mergeShards } from './actions/mergeShards';
import { putRecord } from './actions/putRecord';
import { putRecords } from './actions/putRecords';
import { registerStreamConsumer } from './actions/registerStreamConsumer';
import { removeTagsFromStream } from './actions/removeTagsFromStream';
import { splitShard } from './actions/splitShard';
import { planSubscription, subscribeToShard, type SubscribeToShardInput } from './actions/subscribeToShard';
import { updateShardCount } from './actions/updateShardCount';
import { KINESIS_BINARY_OUTPUTS } from './binaryMembers';
import { KinesisMetrics } from './metrics';
import { KinesisStore } from './store/store';
import { Subscription } from './subscription';
import * as v from './validations';

interface Operation {
  shapes: Shapes;
  /** Changes nothing durable (a pending CREATING resolves the same after a restore): nothing to save. */
  readOnly?: true;
  // Inputs are validated against `shapes` before the action sees them.
  action: (k: KinesisContext, input: any) => unknown;
}

/** Operation name -> validation shapes + action (one file each under validations/ and actions/). */
export const operations: Record<string, Operation> = {
  AddTagsToStream: { shapes: v.addTagsToStream, action: addTagsToStream },
  CreateStream: { shapes: v.createStream, action: createStream },
  DecreaseStreamRetentionPeriod: { shapes: v.decreaseStreamRetentionPeriod, action: decreaseStreamRetentionPeriod },
  DeleteStream: { shapes: v.deleteStream, action: deleteStream },
  DeregisterStreamConsumer: { shapes: v.deregisterStreamConsumer, action: deregisterStreamConsumer },
  DescribeStream: { shapes: v.describeStream, action: describeStream, readOnly: true },
  DescribeStreamConsumer: { shapes: v.describeStreamConsumer, action: describeStreamConsumer, readOnly: true },
  DescribeStreamSummary: { shapes: v.describeStreamSummary, action: describeStreamSummary, readOnly: true },
  DisableEnhancedMonitoring: { shapes: v.disableEnhancedMonitoring, action: disableEnhancedMonitoring },
  EnableEnhancedMonitoring: { shapes: v.enableEnhancedMonitoring, action: enableEnhancedMonitoring },
  GetRecords: { shapes: v.getRecords, action: getRecords },
  GetShardIterator: { shapes: v.getShardIterator, action: getShardIterator, readOnly: true },
  IncreaseStreamRetentionPeriod: { shapes: v.increaseStreamRetentionPeriod, action: increaseStreamRetentionPeriod },
  ListShards: { shapes: v.listShards, action: listShards, readOnly: true },
  ListStreamConsumers: { shapes: v.listStreamConsumers, action: listStreamConsumers, readOnly: true },
  ListStreams: { shapes: v.listStreams, action: listStreams, readOnly: true },
  ListTagsForStream: { shapes: v.listTagsForStream, action: listTagsForStream, readOnly: true },
  MergeShards: { shapes: v.mergeShards, action: mergeShards },
  PutRecord: { shapes: v.putRecord, action: putRecord },
  PutRecords: { shapes: v.putRecords, action: putRecords },
  RegisterStreamConsumer: { shapes: v.registerStreamConsumer, action: registerStreamConsumer },
  RemoveTagsFromStream: { shapes: v.removeTagsFromStream, action: removeTagsFromStream },
  SplitShard: { shapes: v.splitShard, action: splitShard },
  // Refused over request/response channels; the Node server serves it over HTTP/2 through KinesisService.subscribe.
  SubscribeToShard: { shapes: v.subscribeToShard, action: subscribeToShard, readOnly: true },
  UpdateShardCount: { shapes: v.updateShardCount, action: updateShardCount },
};

/** Kinesis Data Streams over awsJson 1.1 (`X-Amz-Target: Kinesis_20131202.<Op>`). */
export class KinesisService implements JsonService {
  readonly kind = 'json' as const;
  readonly targetPrefix = 'Kinesis_20131202';
  readonly jsonVersion = '1.1' as const;
  readonly binaryOutputs = KINESIS_BINARY_OUTPUTS;
  readonly store: KinesisStore;
  private readonly metrics: KinesisMetrics;

  constructor(private readonly ctx: EngineContext) {
    this.store = new KinesisStore(ctx);
    this.metrics = new KinesisMetrics(ctx);
  }

  hasOperation(operation: string): boolean {
    return Object.prototype.hasOwnProperty.call(operations, operation);
  }

  /** Validates the parsed JSON body, then runs the action. Throws AwsError. */
  call(operation: string, input: Record<string, unknown>, rc: RequestContext): unknown {
    const op = operations[operation];
    validate(input, op.shapes);
    return op.action(this.actionContext(rc), input);
  }

  /**
   * Opens a SubscribeToShard subscription (validated and checked as the operation is); throws the
   * AwsError AWS answers before its event stream starts. The caller carries the events and closes it.
   */
  subscribe(input: Record<string, unknown>, rc: RequestContext): Subscription {
    validate(input, operations.SubscribeToShard.shapes);
    const k = this.actionContext(rc);
    return new Subscription(k, planSubscription(k, input as unknown as SubscribeToShardInput));
  }

  /** The context actions run with, for callers inside the engine (the consumer and producer). */
  actionContext(rc: RequestContext): KinesisContext {
    return { store: this.store, engine: this.ctx, rc, metrics: this.metrics };
  }
}
