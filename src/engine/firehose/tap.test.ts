import { describe, expect, it } from 'vitest';
import { base64ToText } from '../common/base64';
import { b64, firehoseHarness, T0 } from './testing';
import { READER_LEASE_MS, RecordTap, TAP_MAX_BYTES, TAP_MAX_RECORDS } from './tap';

const ARN = 'arn:aws:firehose:us-east-1:000000000000:deliverystream/hose';
const texts = (records: { data: string }[]) => records.map((r) => base64ToText(r.data));

/** A tap on a hand-moved clock, fed text records of one byte each unless told. */
const tapAt = (t = T0) => {
  let now = t;
  const tap = new RecordTap(() => now);
  const put = (...records: string[]) => tap.receive(ARN, T0, records.map(b64), records.map((r) => r.length));
  return { tap, put, set: (t2: number) => (now = t2) };
};

describe('the copy of what a delivery stream receives', () => {
  it('shows a reader only records accepted after it started, oldest first, in reads of at most `limit`', () => {
    const { tap, put } = tapAt();
    put('before-1', 'before-2');
    tap.reader(ARN, T0);
    put('before-3');
    const r = tap.reader(ARN, T0);
    expect(r.read(10).records).toEqual([]);
    put('a', 'b', 'c');
    expect(texts(r.read(2).records)).toEqual(['a', 'b']);
    expect(texts(r.read(2).records)).toEqual(['c']);
    expect(r.read(2).records).toEqual([]);
  });

  it('starts a reader at a time when asked, as far back as the copy reaches', () => {
    const { tap, put, set } = tapAt();
    tap.reader(ARN, T0);
    put('old');
    set(T0 + 1000);
    put('new');
    expect(texts(tap.reader(ARN, T0, T0 + 500).read(10).records)).toEqual(['new']);
    expect(texts(tap.reader(ARN, T0, 0).read(10).records)).toEqual(['old', 'new']);
  });

  it('resumes from a checkpoint (plain JSON) where the reader stopped (an application updated)', () => {
    const { tap, put } = tapAt();
    const r = tap.reader(ARN, T0);
    put('a', 'b');
    expect(texts(r.read(1).records)).toEqual(['a']);
    const saved = JSON.parse(JSON.stringify(r.checkpoint()));
    const again = tap.reader(ARN, T0, undefined, saved);
    r.close();
    put('c');
    expect(texts(again.read(10).records)).toEqual(['b', 'c']);
  });

  it('keeps nothing while no reader is open: a reader resumed after a stop sees only what came after it, and counts the rest as dropped', () => {
    const { tap, put } = tapAt();
    const r = tap.reader(ARN, T0);
    put('a', 'b');
    r.read(1);
    const saved = r.checkpoint();
    r.close();
    put('c');
    const again = tap.reader(ARN, T0, undefined, saved);
    put('d');
    const read = again.read(10);
    expect(texts(read.records)).toEqual(['d']);
    expect(read.dropped).toBe(2);
  });

  it('ignores a checkpoint of an earlier stream of the same name, or one that is not a checkpoint', () => {
    const { tap, put } = tapAt();
    const r = tap.reader(ARN, T0);
    put('a');
    const old = r.checkpoint();
    put('b');
    expect(texts(tap.reader(ARN, T0, undefined, { ...old, streamCreatedAt: T0 - 1 }).read(10).records)).toEqual([]);
    expect(texts(tap.reader(ARN, T0, undefined, 'nonsense').read(10).records)).toEqual([]);
  });

  it('after the copies are started again (a restore), a checkpoint resumes at the new copy\'s start', () => {
    const { tap, put } = tapAt();
    const r = tap.reader(ARN, T0);
    put('a', 'b', 'c');
    r.read(3);
    const saved = r.checkpoint();
    tap.clear();
    const again = tap.reader(ARN, T0, undefined, saved);
    put('d');
    expect(texts(again.read(10).records)).toEqual(['d']);
  });

  it('drops the oldest records past the count bound, and a slow reader skips them and counts them', () => {
    const { tap, put } = tapAt();
    const r = tap.reader(ARN, T0);
    const many = Array.from({ length: TAP_MAX_RECORDS + 5 }, (_, i) => String(i % 10));
    put(...many);
    expect(tap.usage().records).toBe(TAP_MAX_RECORDS);
    const read = r.read(3);
    expect(read.dropped).toBe(5);
    expect(texts(read.records)).toEqual(['5', '6', '7']);
  });

  it('drops the oldest records past the byte bound', () => {
    const { tap, put } = tapAt();
    tap.reader(ARN, T0);
    const mib = 'x'.repeat(1024 * 1024);
    for (let i = 0; i < TAP_MAX_BYTES / mib.length + 3; i++) put(mib);
    expect(tap.usage().bytes).toBe(TAP_MAX_BYTES);
  });

  it('keeps nothing for a stream with no reader, only what the slowest reader has not read, and nothing for a closed or silent reader', () => {
    const { tap, put, set } = tapAt();
    put(...Array.from({ length: 500 }, () => 'r'));
    expect(tap.usage().records).toBe(0);

    const closed = tap.reader(ARN, T0);
    const fast = tap.reader(ARN, T0);
    put(...Array.from({ length: 500 }, () => 'r'));
    closed.read(200);
    fast.read(500);
    put('r');
    expect(tap.usage().records).toBe(301);
    closed.close();
    put('r');
    expect(tap.usage().records).toBe(2);

    put(...Array.from({ length: 500 }, () => 'r'));
    set(T0 + READER_LEASE_MS + 1);
    put('r');
    expect(tap.usage().records).toBe(0);
  });

  it('is trimmed by the storage cap by arrival time', () => {
    const { tap, put, set } = tapAt();
    const r = tap.reader(ARN, T0);
    put('a', 'b');
    set(T0 + 10);
    put('c');
    const view = tap.capView();
    expect(view.span).toEqual({ from: T0, to: T0 + 11 });
    expect(view.keptFrom(T0 + 5)).toBe(1);
    expect(view.trimBefore(T0 + 5)).toEqual({ records: 2, bytes: 2 });
    expect(texts(r.read(10).records)).toEqual(['c']);
  });
});

describe('delivery streams feed the copy', () => {
  it('with what PutRecord and PutRecordBatch accept, and forget it when the stream is deleted', () => {
    const h = firehoseHarness();
    h.create('hose');
    const tap = h.service.delivery.tap;
    const s = h.service.store.get('us-east-1', 'hose');
    const r = tap.reader(s.DeliveryStreamARN, s.CreateTimestamp);
    h.put('hose', 'one', 'two');
    h.call('PutRecord', { DeliveryStreamName: 'hose', Record: { Data: b64('three') } });
    const read = r.read(10);
    expect(texts(read.records)).toEqual(['one', 'two', 'three']);
    expect(read.records.every((x) => x.arrivalTime === h.clock.now())).toBe(true);
    h.call('DeleteDeliveryStream', { DeliveryStreamName: 'hose' });
    expect(tap.usage()).toEqual({ records: 0, bytes: 0 });
  });

  it('offers discovery the newest records still in the buffer', () => {
    const h = firehoseHarness();
    h.create('hose');
    h.put('hose', 'one', 'two', 'three');
    const arn = h.service.store.get('us-east-1', 'hose').DeliveryStreamARN;
    expect(h.service.delivery.newest(arn, 2).map(base64ToText)).toEqual(['two', 'three']);
  });
});
