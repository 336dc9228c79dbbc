/**
 * Backfill (simulated time) speed: the workshop's sensor template at 100 records per simulated
 * second, generated as fast as the in-thread Kinesis engine acknowledges it (throttling on, real
 * clock), into a 4-shard stream (capacity 4,000 records/s, so at most 40 simulated seconds per wall
 * second) and into a 100-shard stream (capacity 100,000 records/s: the generator's own cost shows).
 * Reported: simulated seconds per wall second, records per wall second, failed (throttled) attempts,
 * and the most records held at once (rendered, not yet acknowledged), which backpressure bounds.
 * BACKFILL_SECONDS changes the simulated range (default 600 for 4 shards, 3,600 for 100).
 */
import { RealClock } from '../src/engine/common/clock';
import { nullMetricsSink } from '../src/engine/common/metrics';
import { SeededRng } from '../src/engine/common/rng';
import { KinesisService } from '../src/engine/kinesis/service';
import { defaultEngineOptions, type EngineContext } from '../src/engine/protocol/context';
import { GeneratorRun, type SendBatch } from '../src/engine/generator/run';
import { compileTemplate } from '../src/engine/generator/template';
import { WORKSHOP_SENSOR_TEMPLATE } from '../src/engine/generator/workshop';

const fmt = (n: number, d = 0) => n.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d });

const backfill = (shards: number, seconds: number) =>
  new Promise<string[]>((resolve) => {
    const clock = new RealClock();
    const ctx: EngineContext = {
      clock,
      rng: new SeededRng(1),
      metrics: nullMetricsSink,
      options: { ...defaultEngineOptions, stateDelayMs: 0, enforceThroughput: true },
      accountId: '000000000000',
      defaultRegion: 'us-east-1',
    };
    const service = new KinesisService(ctx);
    const rc = { region: 'us-east-1', requestId: 'bench' };
    service.call('CreateStream', { StreamName: 'bench', ShardCount: shards }, rc);
    // as the router hands it over: base64 data, a fresh input object per call, answered asynchronously
    const send: SendBatch = (batch) =>
      new Promise((ok) =>
        setImmediate(() =>
          ok(
            service.call(
              'PutRecords',
              { StreamName: 'bench', Records: batch.map((r) => ({ Data: Buffer.from(r.Data).toString('base64'), PartitionKey: r.PartitionKey })) },
              rc,
            ) as never,
          ),
        ),
      );
    const start = Date.UTC(2026, 11, 1);
    const run = new GeneratorRun({
      template: compileTemplate(WORKSHOP_SENSOR_TEMPLATE),
      rate: 100,
      backfill: { start, end: start + seconds * 1000 },
      send,
      clock,
      rng: new SeededRng(2),
    });
    let most = 0;
    const t0 = performance.now();
    run.start();
    const loop = () => {
      const wait = run.tick();
      most = Math.max(most, run.stats().pending);
      if (wait >= 0) {
        setTimeout(loop, wait);
        return;
      }
      void run.idle().then(() => {
        const wall = (performance.now() - t0) / 1000;
        const s = run.stats();
        resolve([
          `backfill: sensor template, 100 records per simulated second, ${shards}-shard stream, ${fmt(seconds)} simulated seconds`,
          `${fmt(seconds / wall, 1)} simulated s per wall s`,
          `${fmt(s.acknowledged / wall)} records/s`,
          `${fmt(s.failed)}`,
          `${fmt(most)}`,
          s.state,
        ]);
      });
    };
    loop();
  });

const rows = [
  await backfill(4, Number(process.env.BACKFILL_SECONDS ?? 600)),
  await backfill(100, Number(process.env.BACKFILL_SECONDS ?? 3600)),
];
console.log('| measure | simulated time | acknowledged | failed attempts | most records held | end state |');
console.log('|---|---:|---:|---:|---:|---|');
for (const r of rows) console.log(`| ${r.join(' | ')} |`);
