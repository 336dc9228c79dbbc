import { cliConnectionArgs } from '../../state/connection';

/**
 * The AWS CLI command equivalent to each console action, so attendees learn the real tool.
 * Values are quoted for a POSIX shell only when they need it.
 */
export const shellQuote = (v: string): string =>
  v !== '' && /^[A-Za-z0-9_.\-/:=,@+%]+$/.test(v) ? v : `'${v.replace(/'/g, `'\\''`)}'`;

const cmd = (op: string, args: [string, string | number | undefined][]): string =>
  [
    'aws kinesis',
    op,
    ...args.filter(([, v]) => v !== undefined).map(([k, v]) => (v === '' ? `--${k}` : `--${k} ${shellQuote(String(v))}`)),
    // --region and --endpoint-url when the console talks to AWS or another endpoint.
    ...cliConnectionArgs('kinesis').map(shellQuote),
  ].join(' ');

export const cli = {
  createStream: (name: string, mode: 'PROVISIONED' | 'ON_DEMAND', shards?: string) =>
    mode === 'ON_DEMAND'
      ? cmd('create-stream', [['stream-name', name], ['stream-mode-details', 'StreamMode=ON_DEMAND']])
      : cmd('create-stream', [['stream-name', name], ['shard-count', shards]]),
  describeStreamSummary: (name: string) => cmd('describe-stream-summary', [['stream-name', name]]),
  listShards: (name: string) => cmd('list-shards', [['stream-name', name]]),
  deleteStream: (name: string) => cmd('delete-stream', [['stream-name', name]]),
  putRecord: (name: string, partitionKey: string, data: string, explicitHashKey?: string) =>
    cmd('put-record', [
      ['stream-name', name],
      ['partition-key', partitionKey],
      ['explicit-hash-key', explicitHashKey || undefined],
      ['data', data],
      // CLI v2 reads --data as Base64 unless told the blob is raw text.
      ['cli-binary-format', 'raw-in-base64-out'],
    ]),
  getShardIterator: (name: string, shardId: string, type: string, sequenceNumber?: string, timestamp?: string) =>
    cmd('get-shard-iterator', [
      ['stream-name', name],
      ['shard-id', shardId],
      ['shard-iterator-type', type],
      ['starting-sequence-number', sequenceNumber],
      ['timestamp', timestamp],
    ]),
  getRecords: (iterator: string, limit?: number) => cmd('get-records', [['shard-iterator', iterator], ['limit', limit]]),
  /** get-shard-iterator printing only the token, ready to paste into get-records or the console. */
  getShardIteratorText: (name: string, shardId: string, type: string) =>
    `${cmd('get-shard-iterator', [
      ['stream-name', name],
      ['shard-id', shardId],
      ['shard-iterator-type', type],
    ])} --query ShardIterator --output text`,
  splitShard: (name: string, shardId: string, newStartingHashKey: string) =>
    cmd('split-shard', [
      ['stream-name', name],
      ['shard-to-split', shardId],
      ['new-starting-hash-key', newStartingHashKey],
    ]),
  mergeShards: (name: string, shardId: string, adjacentShardId: string) =>
    cmd('merge-shards', [
      ['stream-name', name],
      ['shard-to-merge', shardId],
      ['adjacent-shard-to-merge', adjacentShardId],
    ]),
  updateShardCount: (name: string, target: string) =>
    cmd('update-shard-count', [
      ['stream-name', name],
      ['target-shard-count', target],
      ['scaling-type', 'UNIFORM_SCALING'],
    ]),
  retention: (name: string, current: number, hours: string) =>
    cmd(Number(hours) >= current ? 'increase-stream-retention-period' : 'decrease-stream-retention-period', [
      ['stream-name', name],
      ['retention-period-hours', hours],
    ]),
  listStreamConsumers: (streamArn: string) => cmd('list-stream-consumers', [['stream-arn', streamArn]]),
  registerStreamConsumer: (streamArn: string, consumerName: string) =>
    cmd('register-stream-consumer', [
      ['stream-arn', streamArn],
      ['consumer-name', consumerName],
    ]),
  deregisterStreamConsumer: (consumerArn: string) => cmd('deregister-stream-consumer', [['consumer-arn', consumerArn]]),
  /** The CLI prints the subscription's events as they come (AWS CLI v2). */
  subscribeToShard: (consumerArn: string, shardId: string, type: string, sequenceNumber?: string, timestamp?: string) =>
    cmd('subscribe-to-shard', [
      ['consumer-arn', consumerArn],
      ['shard-id', shardId],
      [
        'starting-position',
        [`Type=${type}`, sequenceNumber ? `SequenceNumber=${sequenceNumber}` : '', timestamp ? `Timestamp=${timestamp}` : ''].filter(Boolean).join(','),
      ],
    ]),
  enhancedMonitoring: (name: string, enable: boolean, metrics: string[]) =>
    [cmd(enable ? 'enable-enhanced-monitoring' : 'disable-enhanced-monitoring', [['stream-name', name]]), '--shard-level-metrics', ...metrics].join(' '),
};
