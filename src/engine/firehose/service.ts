import { validate, type FieldShape, type Shapes } from '../common/validation';
import type { EngineContext, RequestContext } from '../protocol/context';
import type { JsonService } from '../protocol/service';
import type { FirehoseContext } from './actions/context';
import { createDeliveryStream } from './actions/createDeliveryStream';
import { deleteDeliveryStream } from './actions/deleteDeliveryStream';
import { describeDeliveryStream } from './actions/describeDeliveryStream';
import { listDeliveryStreams } from './actions/listDeliveryStreams';
import { listTagsForDeliveryStream } from './actions/listTagsForDeliveryStream';
import { putRecord } from './actions/putRecord';
import { putRecordBatch } from './actions/putRecordBatch';
import { tagDeliveryStream } from './actions/tagDeliveryStream';
import { untagDeliveryStream } from './actions/untagDeliveryStream';
import { updateDestination } from './actions/updateDestination';
import { Delivery, type BufferedRecords, type RecordData } from './delivery';
import type { FirehoseEnvironment } from './environment';
import { FirehoseMetrics } from './metrics';
import { FirehoseStore } from './store';
import { Throttle } from './throttle';
import type { FirehoseSnapshot } from './types';
import * as v from './validations.generated';

/**
 * The generated shapes without the patterns that use Unicode classes (`\p{L}`): the shared validator
 * compiles patterns without the `u` flag, so actions/tags.ts checks those with AWS's patterns instead.
 */
const withoutUnicodePatterns = (shapes: Shapes): Shapes => {
  const strip = (s: FieldShape): FieldShape => {
    const { regex, children, ...rest } = s;
    const out: FieldShape = { ...rest, ...(regex !== undefined && !regex.includes('\\p{') ? { regex } : {}) };
    if (children !== undefined)
      out.children =
        s.type === 'Structure' ? withoutUnicodePatterns(children as Shapes) : strip(children as FieldShape);
    return out;
  };
  return Object.fromEntries(Object.entries(shapes).map(([k, s]) => [k, strip(s)]));
};

interface Operation {
  /** AWS's input constraints, generated from its API model. */
  shapes: Shapes;
  /** Changes nothing worth saving. */
  readOnly: boolean;
  action: (f: FirehoseContext, input: any) => unknown;
}

/** Operation name -> shapes + action (one file each under actions/). */
export const operations: Record<string, Operation> = {
  CreateDeliveryStream: {
    shapes: withoutUnicodePatterns(v.createDeliveryStream),
    readOnly: false,
    action: createDeliveryStream,
  },
  DeleteDeliveryStream: { shapes: v.deleteDeliveryStream, readOnly: false, action: deleteDeliveryStream },
  DescribeDeliveryStream: {
    shapes: v.describeDeliveryStream,
    readOnly: true,
    action: describeDeliveryStream,
  },
  ListDeliveryStreams: { shapes: v.listDeliveryStreams, readOnly: true, action: listDeliveryStreams },
  ListTagsForDeliveryStream: {
    shapes: withoutUnicodePatterns(v.listTagsForDeliveryStream),
    readOnly: true,
    action: listTagsForDeliveryStream,
  },
  PutRecord: { shapes: v.putRecord, readOnly: false, action: putRecord },
  PutRecordBatch: { shapes: v.putRecordBatch, readOnly: false, action: putRecordBatch },
  TagDeliveryStream: {
    shapes: withoutUnicodePatterns(v.tagDeliveryStream),
    readOnly: false,
    action: tagDeliveryStream,
  },
  UntagDeliveryStream: {
    shapes: withoutUnicodePatterns(v.untagDeliveryStream),
    readOnly: false,
    action: untagDeliveryStream,
  },
  UpdateDestination: { shapes: v.updateDestination, readOnly: false, action: updateDestination },
};

/** Amazon Data Firehose over awsJson 1.1 (`X-Amz-Target: Firehose_20150804.<Op>`), delivering to S3. */
export class FirehoseService implements JsonService {
  readonly kind = 'json' as const;
  readonly targetPrefix = 'Firehose_20150804';
  readonly jsonVersion = '1.1' as const;
  readonly store: FirehoseStore;
  readonly delivery: Delivery;
  private readonly metrics: FirehoseMetrics;
  private readonly throttle = new Throttle();

  constructor(
    private readonly ctx: EngineContext,
    private readonly env: FirehoseEnvironment,
  ) {
    this.store = new FirehoseStore(ctx);
    this.metrics = new FirehoseMetrics(ctx);
    this.delivery = new Delivery(ctx, this.store, env, this.metrics);
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
    return op.action(
      {
        store: this.store,
        engine: this.ctx,
        rc,
        env: this.env,
        delivery: this.delivery,
        metrics: this.metrics,
        throttle: this.throttle,
      },
      input,
    );
  }

  /** Flushes buffers that are due and reads Kinesis sources; returns when it next needs to run. */
  advance(now: number): number | undefined {
    return this.delivery.advance(now);
  }

  /** The delivery streams; buffered records are left out (see {@link FirehoseService.bufferList}). */
  snapshot(): FirehoseSnapshot {
    return this.store.snapshot();
  }

  /** Replaces every delivery stream; buffers are emptied until {@link FirehoseService.loadBuffer} brings them back. */
  restore(snapshot: FirehoseSnapshot): void {
    this.store.restore(snapshot);
    this.delivery.clear();
  }

  /** Records waiting in buffers, shared not copied. */
  bufferList(): BufferedRecords[] {
    return this.delivery.bufferList();
  }

  loadBuffer(streamArn: string, data: RecordData[], arrivals: number[], first = 0): boolean {
    return this.delivery.loadBuffer(streamArn, data, arrivals, first);
  }
}
