import { PutRecordBatchCommand } from '@aws-sdk/client-firehose';
import { PutRecordsCommand } from '@aws-sdk/client-kinesis';
import type { SendBatch } from '../engine/generator/run';
import type { GeneratorTarget } from '../engine/generator/targets';
import type { ServiceClients } from './clients';

/**
 * The call that puts one generated batch: PutRecords into a data stream, or PutRecordBatch into a
 * delivery stream (records carry no partition key there), as the Kinesis Data Generator sends them.
 */
export const sendBatchFor = (
  clients: Pick<ServiceClients, 'kinesis' | 'firehose'>,
  job: { stream: string; target?: GeneratorTarget },
): SendBatch =>
  job.target === 'firehose'
    ? (batch) =>
        clients.firehose.send(
          new PutRecordBatchCommand({ DeliveryStreamName: job.stream, Records: batch.map((r) => ({ Data: r.Data })) }),
        )
    : (batch) => clients.kinesis.send(new PutRecordsCommand({ StreamName: job.stream, Records: batch }));
