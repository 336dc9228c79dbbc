import type { PutRecordsInput, PutRecordsResultEntry } from './actions/putRecords';
import type { KinesisService } from './service';

/**
 * How another service (Firehose's Kinesis destination, an analytics application's output) writes to
 * a stream: exactly what a PutRecords call does, validation, write limits and metrics included.
 */
export interface KinesisProducer {
  /**
   * Puts records as PutRecords does: throws the AwsError PutRecords would (no such stream, too big);
   * records over a shard's write limit fail one by one with ProvisionedThroughputExceededException.
   */
  putRecords(region: string, input: PutRecordsInput): { FailedRecordCount: number; Records: PutRecordsResultEntry[] };
}

export const kinesisProducer = (service: KinesisService): KinesisProducer => ({
  putRecords: (region, input) =>
    // Through the service, so the call takes PutRecords' own path (validation, action, metrics).
    service.call('PutRecords', structuredClone(input) as unknown as Record<string, unknown>, { region, requestId: 'internal' }) as ReturnType<
      KinesisProducer['putRecords']
    >,
});
