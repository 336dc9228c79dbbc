import { describe, expect, it } from 'vitest';
import {
  billedKpus,
  estimate,
  firehoseBilledBytes,
  formatPrice,
  formatQuantity,
  formatUsd,
  GIB,
  KIB,
  PRICE_BOOK,
  priceRegionFor,
  putPayloadUnits,
  type PriceKey,
  type Usage,
} from './cost';

const none: Usage = {
  hours: 1,
  openShards: 0,
  kinesisRecords: [],
  firehoseRecords: [],
  applicationKpus: [],
  s3: { bytesStored: 0, putRequests: 0, getRequests: 0 },
};
const item = (u: Partial<Usage>, key: PriceKey, region = 'us-east-1') =>
  estimate({ ...none, ...u }, region).items.find((i) => i.key === key)!;

// Hand-computed at us-east-1's book prices: $0.015/shard-hour, $0.014 per million PUT payload
// units, $0.029/GB into Firehose, $0.11/KPU-hour, $0.023/GB-month, $0.005 per 1,000 PUTs, $0.0004 per 1,000 GETs.
describe('cost model (us-east-1)', () => {
  it('2 shards for 1 hour are 2 shard-hours: $0.03 an hour, $21.90 a month', () => {
    const i = item({ openShards: 2 }, 'shardHour');
    expect(i.quantity).toBe(2);
    expect(i.perHour).toBeCloseTo(0.03, 10);
    expect(i.perMonth).toBeCloseTo(21.9, 10);
  });

  it('100 records/s of 1 KB for an hour are 360,000 PUT payload units: $0.00504 an hour', () => {
    const records = [{ count: 100 * 3600, bytesEach: KIB }];
    expect(putPayloadUnits(records)).toBe(360_000);
    const i = item({ kinesisRecords: records }, 'putPayloadUnits');
    expect(i.perHour).toBeCloseTo(0.00504, 10);
    expect(i.perMonth).toBeCloseTo(3.6792, 10);
  });

  it('counts each record in 25 KB units, rounded up (never the total bytes divided by 25 KB)', () => {
    expect(putPayloadUnits([{ count: 1, bytesEach: 5 * KIB }])).toBe(1);
    expect(putPayloadUnits([{ count: 1, bytesEach: 25 * KIB }])).toBe(1);
    expect(putPayloadUnits([{ count: 1, bytesEach: 25 * KIB + 1 }])).toBe(2);
    expect(putPayloadUnits([{ count: 1, bytesEach: 45 * KIB }])).toBe(2);
    expect(putPayloadUnits([{ count: 10, bytesEach: 0 }])).toBe(10);
    expect(putPayloadUnits([{ count: 1000, bytesEach: 26 * KIB }])).toBe(2000);
  });

  it('bills 3 KB Firehose records as 5 KB: 2^20 of them are 5 GB, $0.145', () => {
    const records = [{ count: 2 ** 20, bytesEach: 3 * KIB }];
    expect(firehoseBilledBytes(records)).toBe(5 * GIB);
    const i = item({ firehoseRecords: records }, 'firehoseIngestedGb');
    expect(i.quantity).toBeCloseTo(5, 10);
    expect(i.perHour).toBeCloseTo(0.145, 10);
  });

  it('rounds Firehose records up to the next 5 KB, at least 5 KB', () => {
    expect(firehoseBilledBytes([{ count: 1, bytesEach: 5 * KIB }])).toBe(5 * KIB);
    expect(firehoseBilledBytes([{ count: 1, bytesEach: 12 * KIB }])).toBe(15 * KIB);
    expect(firehoseBilledBytes([{ count: 1, bytesEach: 38 * KIB }])).toBe(40 * KIB);
    expect(firehoseBilledBytes([{ count: 3, bytesEach: 1 }])).toBe(15 * KIB);
  });

  it('1 KPU for 730 hours is $80.30 a month, $0.11 an hour', () => {
    const i = item({ hours: 730, applicationKpus: [1] }, 'kpuHour');
    expect(i.quantity).toBe(1);
    expect(i.perHour).toBeCloseTo(0.11, 10);
    expect(i.perMonth).toBeCloseTo(80.3, 10);
  });

  it('bills a running application at least one KPU', () => {
    expect(billedKpus([0, 1, 3])).toBe(5);
    expect(item({ applicationKpus: [0, 0] }, 'kpuHour').perHour).toBeCloseTo(0.22, 10);
  });

  it('1 GB stored in S3 Standard is $0.023 a month, whatever the window', () => {
    for (const hours of [1, 24]) {
      const i = item({ hours, s3: { bytesStored: GIB, putRequests: 0, getRequests: 0 } }, 's3StorageGbMonth');
      expect(i.basis).toBe('stored');
      expect(i.quantity).toBe(1);
      expect(i.perMonth).toBeCloseTo(0.023, 10);
      expect(i.perHour).toBeCloseTo(0.023 / 730, 12);
    }
  });

  it('prices S3 requests per thousand: 1,000 PUTs and 10,000 GETs an hour', () => {
    const u = { s3: { bytesStored: 0, putRequests: 1000, getRequests: 10_000 } };
    expect(item(u, 's3PutRequests').perHour).toBeCloseTo(0.005, 10);
    expect(item(u, 's3PutRequests').perMonth).toBeCloseTo(3.65, 10);
    expect(item(u, 's3GetRequests').perHour).toBeCloseTo(0.004, 10);
  });

  it('turns traffic counted over a longer window into an hourly rate', () => {
    const i = item(
      { hours: 2, openShards: 1, kinesisRecords: [{ count: 2_000_000, bytesEach: 100 }] },
      'putPayloadUnits',
    );
    expect(i.quantity).toBe(1_000_000);
    expect(i.perHour).toBeCloseTo(0.014, 10);
    expect(item({ hours: 2, openShards: 1 }, 'shardHour').quantity).toBe(1);
  });

  it('adds the line items up, and is zero with nothing there', () => {
    const e = estimate(
      {
        ...none,
        openShards: 2,
        applicationKpus: [1],
        s3: { bytesStored: GIB, putRequests: 0, getRequests: 0 },
      },
      'us-east-1',
    );
    expect(e.perHour).toBeCloseTo(0.03 + 0.11 + 0.023 / 730, 10);
    expect(e.perMonth).toBeCloseTo(21.9 + 80.3 + 0.023, 10);
    expect(estimate(none, 'us-east-1').perMonth).toBe(0);
  });
});

describe('price book', () => {
  it('has every price for every region, with its source, status and the date it was checked', () => {
    const keys: PriceKey[] = [
      'shardHour',
      'putPayloadUnits',
      'firehoseIngestedGb',
      'kpuHour',
      's3StorageGbMonth',
      's3PutRequests',
      's3GetRequests',
    ];
    for (const [region, r] of Object.entries(PRICE_BOOK.regions)) {
      expect(r.checkedOn, region).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      for (const k of keys) {
        const p = r.prices[k];
        expect(p.price, `${region} ${k}`).toBeGreaterThan(0);
        expect(p.per).toBeGreaterThan(0);
        expect(p.source).toMatch(/^https:\/\/aws\.amazon\.com\//);
        expect(['verified', 'unverified']).toContain(p.status);
      }
    }
    expect(PRICE_BOOK.hoursPerMonth).toBe(730);
  });

  it('falls back to us-east-1 for a region it has no prices for, and refuses to estimate one', () => {
    expect(priceRegionFor('us-west-2')).toBe('us-west-2');
    expect(priceRegionFor('ap-south-2')).toBe('us-east-1');
    expect(priceRegionFor(undefined)).toBe('us-east-1');
    expect(() => estimate(none, 'ap-south-2')).toThrow('No prices for region ap-south-2');
  });
});

describe('formatting', () => {
  it('shows dollars to the cent, and less than a cent to two significant digits', () => {
    expect(formatUsd(0)).toBe('$0.00');
    expect(formatUsd(21.9)).toBe('$21.90');
    expect(formatUsd(1234.5)).toBe('$1,234.50');
    expect(formatUsd(0.00504)).toBe('$0.0050');
  });

  it('writes unit prices and quantities', () => {
    const r = PRICE_BOOK.regions['us-east-1'].prices;
    expect(formatPrice(r.putPayloadUnits)).toBe('$0.014 per 1,000,000 PUT payload units (25 KB each)');
    expect(formatPrice(r.shardHour)).toBe('$0.015 per shard-hour');
    expect(formatQuantity(360_000)).toBe('360,000');
    expect(formatQuantity(0.00476837158203125)).toBe('0.0048');
  });
});
