/**
 * What the resources and traffic the console holds would cost on AWS: a pure model over a price
 * book (`prices.json`, one entry per region with the date its prices were checked). Estimates
 * at list prices, first tier only, no free tier, no taxes: not a bill.
 */
import book from './prices.json';

export const KIB = 1024;
/** AWS bills data in binary gigabytes. */
export const GIB = 1024 ** 3;
/** Kinesis Data Streams counts each record's payload in 25 KB chunks (a 5 KB record is one unit, a 45 KB record two). */
export const PUT_PAYLOAD_UNIT_BYTES = 25 * KIB;
/** Firehose bills each ingested record rounded up to the next 5 KB (a 3 KB record as 5 KB, a 12 KB one as 15 KB). */
export const FIREHOSE_INCREMENT_BYTES = 5 * KIB;

export type PriceKey =
  | 'shardHour'
  | 'putPayloadUnits'
  | 'firehoseIngestedGb'
  | 'kpuHour'
  | 's3StorageGbMonth'
  | 's3PutRequests'
  | 's3GetRequests';

export interface Price {
  /** USD for `per` units. */
  readonly price: number;
  readonly per: number;
  readonly unit: string;
  /** The page the price belongs to. */
  readonly source: string;
  /** `verified`: read in a source on the region's checkedOn date; `unverified`: best-known public figure. */
  readonly status: 'verified' | 'unverified';
  readonly note?: string;
}

export interface RegionPrices {
  readonly name: string;
  /** The day the prices were checked (YYYY-MM-DD). */
  readonly checkedOn: string;
  readonly prices: Readonly<Record<PriceKey, Price>>;
}

export interface PriceBook {
  readonly currency: string;
  readonly hoursPerMonth: number;
  readonly regions: Readonly<Record<string, RegionPrices>>;
}

export const PRICE_BOOK = book as PriceBook;
export const HOURS_PER_MONTH = PRICE_BOOK.hoursPerMonth;
export const DEFAULT_PRICE_REGION = 'us-east-1';

/** The book's region for `region`, or the default region's when the book has none for it. */
export const priceRegionFor = (region: string | undefined): string =>
  region && PRICE_BOOK.regions[region] ? region : DEFAULT_PRICE_REGION;

/** `count` records of `bytesEach` bytes (an average when the sizes are not known one by one). */
export interface RecordGroup {
  readonly count: number;
  readonly bytesEach: number;
}

/** What was there and what went through, over a window of `hours`. */
export interface Usage {
  /** The window's length: resources are taken to have existed for all of it, traffic was counted over it. */
  readonly hours: number;
  /** Open shards across every provisioned stream. */
  readonly openShards: number;
  /** Records put into Kinesis streams in the window. */
  readonly kinesisRecords: readonly RecordGroup[];
  /** Records ingested by Firehose delivery streams in the window. */
  readonly firehoseRecords: readonly RecordGroup[];
  /** KPUs of each running analytics application (each is billed at least one). */
  readonly applicationKpus: readonly number[];
  /** Bytes stored in S3 now, and requests made in the window. */
  readonly s3: { readonly bytesStored: number; readonly putRequests: number; readonly getRequests: number };
}

export interface LineItem {
  readonly key: PriceKey;
  readonly service: string;
  readonly label: string;
  /** Units used per hour (for storage: the amount stored). */
  readonly quantity: number;
  /** How `quantity` is counted: per hour, or stored. */
  readonly basis: 'per hour' | 'stored';
  readonly price: Price;
  readonly perHour: number;
  readonly perMonth: number;
}

export interface Estimate {
  readonly region: string;
  readonly regionName: string;
  readonly checkedOn: string;
  readonly currency: string;
  readonly items: readonly LineItem[];
  readonly perHour: number;
  readonly perMonth: number;
}

const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);

/** PUT payload units of the records: each record's size rounded up to 25 KB chunks, at least one. */
export const putPayloadUnits = (groups: readonly RecordGroup[]): number =>
  sum(groups.map((g) => g.count * Math.max(1, Math.ceil(g.bytesEach / PUT_PAYLOAD_UNIT_BYTES))));

/** Bytes Firehose bills for the records: each rounded up to the next 5 KB, at least 5 KB. */
export const firehoseBilledBytes = (groups: readonly RecordGroup[]): number =>
  sum(
    groups.map(
      (g) =>
        g.count * Math.max(1, Math.ceil(g.bytesEach / FIREHOSE_INCREMENT_BYTES)) * FIREHOSE_INCREMENT_BYTES,
    ),
  );

/** KPUs billed for the running applications: at least one each. */
export const billedKpus = (kpus: readonly number[]): number => sum(kpus.map((k) => Math.max(1, k)));

/** The estimate of `usage` at a region's prices, per hour and per month (730 hours). */
export const estimate = (usage: Usage, region: string): Estimate => {
  const r = PRICE_BOOK.regions[region];
  if (!r) throw new Error(`No prices for region ${region}`);
  const hours = usage.hours > 0 ? usage.hours : 1;
  const items: LineItem[] = [];
  // A quantity used over the window, priced per hour of it.
  const used = (key: PriceKey, service: string, label: string, inWindow: number) => {
    const p = r.prices[key];
    const perHour = ((inWindow / hours) * p.price) / p.per;
    items.push({
      key,
      service,
      label,
      quantity: inWindow / hours,
      basis: 'per hour',
      price: p,
      perHour,
      perMonth: perHour * HOURS_PER_MONTH,
    });
  };
  used('shardHour', 'Kinesis Data Streams', 'Shard hours', usage.openShards * hours);
  used('putPayloadUnits', 'Kinesis Data Streams', 'PUT payload units', putPayloadUnits(usage.kinesisRecords));
  used(
    'firehoseIngestedGb',
    'Amazon Data Firehose',
    'Data ingested (GB)',
    firehoseBilledBytes(usage.firehoseRecords) / GIB,
  );
  used('kpuHour', 'Kinesis Data Analytics', 'KPU hours', billedKpus(usage.applicationKpus) * hours);
  // Storage is billed per GB-month of what is kept: the amount stored now, held for the month.
  const storage = r.prices.s3StorageGbMonth;
  const gb = usage.s3.bytesStored / GIB;
  const storageMonth = (gb * storage.price) / storage.per;
  items.push({
    key: 's3StorageGbMonth',
    service: 'Amazon S3',
    label: 'Standard storage (GB)',
    quantity: gb,
    basis: 'stored',
    price: storage,
    perHour: storageMonth / HOURS_PER_MONTH,
    perMonth: storageMonth,
  });
  used('s3PutRequests', 'Amazon S3', 'PUT requests', usage.s3.putRequests);
  used('s3GetRequests', 'Amazon S3', 'GET requests', usage.s3.getRequests);
  return {
    region,
    regionName: r.name,
    checkedOn: r.checkedOn,
    currency: PRICE_BOOK.currency,
    items,
    perHour: sum(items.map((i) => i.perHour)),
    perMonth: sum(items.map((i) => i.perMonth)),
  };
};

const cents = new Intl.NumberFormat('en-US', {
  style: 'currency',
  currency: 'USD',
  minimumFractionDigits: 2,
  maximumFractionDigits: 2,
});
const small = new Intl.NumberFormat('en-US', {
  style: 'currency',
  currency: 'USD',
  minimumSignificantDigits: 2,
  maximumSignificantDigits: 2,
});

/** Dollars to the cent, and amounts under a cent to two significant digits (so a small line is not shown as $0.00). */
export const formatUsd = (n: number): string => (n > 0 && n < 0.01 ? small.format(n) : cents.format(n));

/** A unit price as written on AWS's pages: "$0.014 per 1,000,000 PUT payload units (25 KB each)". */
export const formatPrice = (p: Price): string =>
  `$${p.price} per ${p.per === 1 ? '' : `${p.per.toLocaleString('en-US')} `}${p.unit}`;

/** A quantity with up to four decimals (GB of a small workshop are small). */
export const formatQuantity = (n: number): string =>
  n.toLocaleString('en-US', { maximumFractionDigits: n > 0 && n < 0.0001 ? 8 : 4 });
