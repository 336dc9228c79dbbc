import { describe, expect, it } from 'vitest';
import { firehosePutRecordCli, putRecordCli, sampleKey, shellQuote } from './cli';
import { bytes, count, elapsed, perSecond } from './format';

describe('putRecordCli', () => {
  it('writes the record as raw text data, quoted for the shell', () => {
    expect(putRecordCli('workshop-stream', 'sensor-42', '{"sensorId":"sensor-42","ambientTemp":-3}')).toBe(
      `aws kinesis put-record --stream-name workshop-stream --partition-key sensor-42 --data '{"sensorId":"sensor-42","ambientTemp":-3}' --cli-binary-format raw-in-base64-out`,
    );
  });

  it('puts into a delivery stream with the record as a Data structure, no partition key', () => {
    expect(firehosePutRecordCli('to-s3', '{"a":1}\n')).toBe(
      `aws firehose put-record --delivery-stream-name to-s3 --record '{"Data":"{\\"a\\":1}\\n"}' --cli-binary-format raw-in-base64-out`,
    );
  });

  it("escapes single quotes the POSIX way", () => {
    expect(shellQuote("it's")).toBe(`'it'\\''s'`);
  });

  it('takes the partition key from the chosen field of the sample record, or the fixed key', () => {
    expect(sampleKey({ kind: 'field', field: 'sensorId' }, '{"sensorId":"sensor-7"}')).toBe('sensor-7');
    expect(sampleKey({ kind: 'field', field: 'a.b' }, '{"a":{"b":12}}')).toBe('12');
    expect(sampleKey({ kind: 'fixed', key: 'k1' }, '{}')).toBe('k1');
    expect(sampleKey({ kind: 'random' }, '{}')).toMatch(/^\d+$/);
  });
});

describe('formatting of the live counters', () => {
  it('shows counts, rates, bytes and elapsed time', () => {
    expect(count(2000)).toBe('2,000');
    expect(perSecond(199.84)).toBe('199.8/s');
    expect(bytes(512)).toBe('512 B');
    expect(bytes(1536)).toBe('1.5 KiB');
    expect(bytes(5 * 1024 * 1024)).toBe('5.0 MiB');
    expect(elapsed(65_400)).toBe('1:05');
    expect(elapsed(3_725_000)).toBe('1:02:05');
  });
});
