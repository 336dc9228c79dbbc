/**
 * Kinesis engine throughput, in-process on one core: PutRecords with 500 x 100-byte records and
 * random partition keys into a 4-shard stream, calling the service with the parsed JSON input (as the
 * router does after JSON.parse), validation included. Throttling off for the headline figure (it
 * would cap a 4-shard stream at 4,000 records/s), then on; then GetRecords reading it back.
 */
import { RealClock } from '../src/engine/common/clock';
import { SeededRng } from '../src/engine/common/rng';
import { nullMetricsSink } from '../src/engine/common/metrics';
import { defaultEngineOptions, type EngineContext } from '../src/engine/protocol/context';
import { KinesisService } from '../src/engine/kinesis/service';

const RECORDS = 500;
const rng = new SeededRng(42);
const randomKey = () => Math.floor(rng.next() * 2 ** 52).toString(36);
const data = Buffer.alloc(100, 'x').toString('base64');
const inputs = Array.from({ length: 64 }, () => ({
  StreamName: 'bench',
  Records: Array.from({ length: RECORDS }, () => ({ Data: data, PartitionKey: randomKey() })),
}));

const service = (enforceThroughput: boolean, stateDelayMs = 0) => {
  const ctx: EngineContext = {
    clock: new RealClock(),
    rng,
    metrics: nullMetricsSink,
    options: { ...defaultEngineOptions, stateDelayMs, enforceThroughput },
    accountId: '000000000000',
    defaultRegion: 'us-east-1',
  };
  const s = new KinesisService(ctx);
  const rc = { region: 'us-east-1', requestId: 'bench' };
  s.call('CreateStream', { StreamName: 'bench', ShardCount: 4 }, rc);
  return { s, rc };
};

/** CPU seconds this process has used (user + system): on a shared machine, wall time is not one core. */
const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};

/**
 * Records per CPU-second of PutRecords over `calls` calls, best of `rounds` (a fresh stream each
 * round), and the wall-clock rate of that round.
 */
const putRate = (enforceThroughput: boolean, calls: number, rounds: number): { rate: number; wall: number; failed: number } => {
  let best = 0;
  let wall = 0;
  let failed = 0;
  for (let r = 0; r < rounds; r++) {
    const { s, rc } = service(enforceThroughput);
    (globalThis as { gc?: () => void }).gc?.();
    let f = 0;
    const t0 = performance.now();
    const c0 = cpu();
    for (let i = 0; i < calls; i++) {
      const out = s.call('PutRecords', inputs[i & 63], rc) as { FailedRecordCount: number };
      f += out.FailedRecordCount;
    }
    const rate = (calls * RECORDS) / (cpu() - c0);
    if (rate > best) {
      best = rate;
      wall = (calls * RECORDS) / ((performance.now() - t0) / 1000);
      failed = f;
    }
  }
  return { rate: best, wall, failed };
};

const getRate = (): number => {
  const { s, rc } = service(false);
  for (let i = 0; i < 800; i++) s.call('PutRecords', inputs[i & 63], rc);
  const c0 = cpu();
  let n = 0;
  for (let sh = 0; sh < 4; sh++) {
    let it = (s.call('GetShardIterator', { StreamName: 'bench', ShardId: `shardId-00000000000${sh}`, ShardIteratorType: 'TRIM_HORIZON' }, rc) as {
      ShardIterator: string;
    }).ShardIterator;
    for (;;) {
      const out = s.call('GetRecords', { ShardIterator: it, Limit: 10000 }, rc) as { Records: unknown[]; NextShardIterator: string };
      n += out.Records.length;
      if (out.Records.length === 0) break;
      it = out.NextShardIterator;
    }
  }
  return n / (cpu() - c0);
};

putRate(false, 400, 1); // warm-up
const off = putRate(false, 2000, 3);
const on = putRate(true, 2000, 1);
const get = getRate();
const fmt = (n: number) => Math.round(n).toLocaleString('en-US');

console.log('Rates are records per CPU-second of this process (one core); wall-clock rates depend on what else runs.\n');
console.log('| figure | records/s (CPU) | records/s (wall) | note |');
console.log('|---|---|---|---|');
console.log(`| PutRecords, throttling off (500 x 100 B, 4 shards) | ${fmt(off.rate)} | ${fmt(off.wall)} | target >= 1,000,000 |`);
console.log(
  `| PutRecords, throttling on (same load) | ${fmt(on.rate)} | ${fmt(on.wall)} | ${fmt(on.failed)} of ${fmt(2000 * RECORDS)} throttled: 4 shards admit 4,000 records/s |`,
);
console.log(`| GetRecords (Limit 10,000) reading them back | ${fmt(get)} | | |`);
