import { cliConnectionArgs } from '../../state/connection';

/** Quotes a value for a POSIX shell, as the AWS CLI docs write it. */
export const shellQuote = (s: string): string => (/^[A-Za-z0-9_.,:/=@%+-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`);

/**
 * The AWS CLI command that puts one generated record. AWS CLI v2 reads --data as Base64 unless
 * told otherwise, hence --cli-binary-format raw-in-base64-out for a JSON text record.
 */
export const putRecordCli = (stream: string, partitionKey: string, data: string): string =>
  [
    'aws kinesis put-record',
    `--stream-name ${shellQuote(stream)}`,
    `--partition-key ${shellQuote(partitionKey)}`,
    `--data ${shellQuote(data)}`,
    '--cli-binary-format raw-in-base64-out',
    // --region and --endpoint-url when the console talks to AWS or another endpoint.
    ...cliConnectionArgs('kinesis').map(shellQuote),
  ].join(' ');

/** The same for a Firehose delivery stream: PutRecord takes the record as a structure with its Data (no partition key). */
export const firehosePutRecordCli = (deliveryStream: string, data: string): string =>
  [
    'aws firehose put-record',
    `--delivery-stream-name ${shellQuote(deliveryStream)}`,
    `--record ${shellQuote(JSON.stringify({ Data: data }))}`,
    '--cli-binary-format raw-in-base64-out',
    ...cliConnectionArgs('firehose').map(shellQuote),
  ].join(' ');

/** The partition key the CLI example uses for a strategy (a field's value, the fixed key, or a sample random key). */
export const sampleKey = (
  strategy: { kind: 'random' } | { kind: 'field'; field: string } | { kind: 'fixed'; key: string },
  record: string | undefined,
): string => {
  if (strategy.kind === 'fixed') return strategy.key || 'key';
  if (strategy.kind === 'field' && record) {
    try {
      let v: unknown = JSON.parse(record);
      for (const k of strategy.field.split('.')) v = typeof v === 'object' && v !== null ? (v as Record<string, unknown>)[k] : undefined;
      if (v !== undefined && v !== null && v !== '') return typeof v === 'string' ? v : JSON.stringify(v);
    } catch {
      // not JSON: fall through to a random-looking key
    }
  }
  return '4711081503';
};
