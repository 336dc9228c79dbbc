import { describe, expect, it } from 'vitest';
import { cli, shellQuote } from './cli';

describe('AWS CLI equivalents', () => {
  it('quotes only what the shell would split or expand', () => {
    expect(shellQuote('my-stream_1.0')).toBe('my-stream_1.0');
    expect(shellQuote('{"a": 1}')).toBe(`'{"a": 1}'`);
    expect(shellQuote("it's")).toBe(`'it'\\''s'`);
    expect(shellQuote('')).toBe(`''`);
  });

  it('writes create-stream for both capacity modes', () => {
    expect(cli.createStream('s1', 'PROVISIONED', '2')).toBe('aws kinesis create-stream --stream-name s1 --shard-count 2');
    expect(cli.createStream('s1', 'ON_DEMAND')).toBe('aws kinesis create-stream --stream-name s1 --stream-mode-details StreamMode=ON_DEMAND');
  });

  it('writes put-record with raw text data and an optional explicit hash key', () => {
    expect(cli.putRecord('s1', 'user 1', '{"x":1}')).toBe(
      `aws kinesis put-record --stream-name s1 --partition-key 'user 1' --data '{"x":1}' --cli-binary-format raw-in-base64-out`,
    );
    expect(cli.putRecord('s1', 'k', 'd', '42')).toContain('--explicit-hash-key 42 --data d');
  });

  it('picks increase or decrease for retention from the current value', () => {
    expect(cli.retention('s1', 24, '48')).toBe('aws kinesis increase-stream-retention-period --stream-name s1 --retention-period-hours 48');
    expect(cli.retention('s1', 48, '24')).toBe('aws kinesis decrease-stream-retention-period --stream-name s1 --retention-period-hours 24');
  });

  it('writes the resharding commands', () => {
    expect(cli.splitShard('s', 'shardId-000000000000', '5')).toBe(
      'aws kinesis split-shard --stream-name s --shard-to-split shardId-000000000000 --new-starting-hash-key 5',
    );
    expect(cli.mergeShards('s', 'a', 'b')).toBe('aws kinesis merge-shards --stream-name s --shard-to-merge a --adjacent-shard-to-merge b');
    expect(cli.updateShardCount('s', '4')).toBe(
      'aws kinesis update-shard-count --stream-name s --target-shard-count 4 --scaling-type UNIFORM_SCALING',
    );
    expect(cli.enhancedMonitoring('s', true, ['ALL'])).toBe('aws kinesis enable-enhanced-monitoring --stream-name s --shard-level-metrics ALL');
  });

  it('writes the consumer commands, subscribe-to-shard with its starting position', () => {
    const stream = 'arn:aws:kinesis:us-east-1:000000000000:stream/s';
    const consumer = `${stream}/consumer/app:1764669600`;
    expect(cli.registerStreamConsumer(stream, 'app')).toBe(`aws kinesis register-stream-consumer --stream-arn ${stream} --consumer-name app`);
    expect(cli.deregisterStreamConsumer(consumer)).toBe(`aws kinesis deregister-stream-consumer --consumer-arn ${consumer}`);
    expect(cli.subscribeToShard(consumer, 'shardId-000000000000', 'TRIM_HORIZON')).toBe(
      `aws kinesis subscribe-to-shard --consumer-arn ${consumer} --shard-id shardId-000000000000 --starting-position Type=TRIM_HORIZON`,
    );
    expect(cli.subscribeToShard(consumer, 'shardId-000000000000', 'AT_SEQUENCE_NUMBER', '49')).toContain('--starting-position Type=AT_SEQUENCE_NUMBER,SequenceNumber=49');
  });
});
