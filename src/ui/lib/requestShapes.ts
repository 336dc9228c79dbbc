/*
 * The request shapes of the operations the console's forms send, as the services check them: the
 * forms name the whole allowed range from them when AWS (or the console) refuses a value.
 */
import type { FieldShape, Shapes } from '../../engine/common/validation';
import {
  createApplication,
  addApplicationInput,
  addApplicationOutput,
} from '../../engine/analytics/validations.generated';
import { createDeliveryStream, putRecordBatch, updateDestination } from '../../engine/firehose/validations.generated';
import * as kinesis from '../../engine/kinesis/validations';
import { shapes as registerStreamConsumer } from '../../engine/kinesis/validations/registerStreamConsumer';

export type { FieldShape, Shapes };

export const requestShapes = {
  createStream: kinesis.createStream,
  updateShardCount: kinesis.updateShardCount,
  splitShard: kinesis.splitShard,
  increaseStreamRetentionPeriod: kinesis.increaseStreamRetentionPeriod,
  putRecord: kinesis.putRecord,
  putRecords: kinesis.putRecords,
  putRecordBatch,
  getShardIterator: kinesis.getShardIterator,
  getRecords: kinesis.getRecords,
  registerStreamConsumer,
  createDeliveryStream,
  updateDestination,
  createApplication,
  addApplicationInput,
  addApplicationOutput,
} as const satisfies Record<string, Shapes>;
