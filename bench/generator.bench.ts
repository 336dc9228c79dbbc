/**
 * Data generator: template rendering speed on one core (the workshop's sensor template, target at
 * least 200,000 records/s, and KDG's CSV example, which goes through faker), the cost of the whole
 * send path (render + encode + batch, no network), and GeneratorRun's rate accuracy at 500/s over
 * 60 s of virtual time and over 60 s of real time (GEN_REAL_SECONDS to change it) with setTimeout as the host loop.
 */
import { RealClock, VirtualClock } from '../src/engine/common/clock';
import { SeededRng } from '../src/engine/common/rng';
import { GeneratorRun, type SendBatch } from '../src/engine/generator/run';
import { compileTemplate, TemplateRenderer } from '../src/engine/generator/template';
import { WORKSHOP_SENSOR_TEMPLATE } from '../src/engine/generator/workshop';

const SENSOR = WORKSHOP_SENSOR_TEMPLATE;
const CSV = '{{name.firstName}},{{name.lastName}},{{random.number(70)}},{{internet.ip}}';

const rows: string[][] = [];
const fmt = (n: number) => Math.round(n).toLocaleString('en-US');

const renderRate = (label: string, source: string, ms = 2000) => {
  const r = new TemplateRenderer(compileTemplate(source), { clock: new RealClock(), rng: new SeededRng(1) });
  let sink = 0;
  for (let i = 0; i < 50_000; i++) sink += r.render().length; // warm-up
  let n = 0;
  const t0 = performance.now();
  let t = t0;
  while (t - t0 < ms) {
    for (let i = 0; i < 10_000; i++) sink += r.render().length;
    n += 10_000;
    t = performance.now();
  }
  const rate = (n * 1000) / (t - t0);
  if (sink < 0) console.log(sink); // keeps the rendering observable
  rows.push([`render: ${label}`, `${fmt(rate)} records/s`, label.startsWith('sensor') ? '>= 200,000 records/s' : '']);
};

const ackAll: SendBatch = async (batch) => ({
  FailedRecordCount: 0,
  Records: batch.map(() => ({ SequenceNumber: '1', ShardId: 'shardId-000000000000' })),
});

/** Render + encode + batch at an unreachable target rate, on virtual time: the CPU cost of the send path. */
const sendPathRate = async () => {
  const clock = new VirtualClock(0);
  const run = new GeneratorRun({ template: compileTemplate(SENSOR), rate: 1_000_000, clock, rng: new SeededRng(2), send: ackAll, maxInFlight: 8 });
  run.start();
  const t0 = performance.now();
  for (let i = 0; i < 20; i++) {
    clock.advance(100);
    run.tick();
    await run.idle();
  }
  const acked = run.stats().acknowledged;
  const rate = (acked * 1000) / (performance.now() - t0);
  rows.push(['send path: render + encode + batch (no network)', `${fmt(rate)} records/s`, '', '']);
};

const virtualAccuracy = async () => {
  const clock = new VirtualClock(0);
  const run = new GeneratorRun({ template: compileTemplate(SENSOR), rate: 500, clock, rng: new SeededRng(3), send: ackAll });
  run.start();
  while (clock.now() < 60_000) {
    const wait = run.tick();
    await run.idle();
    clock.advance(Math.min(wait, 60_000 - clock.now()));
  }
  run.tick();
  await run.idle();
  const s = run.stats();
  const err = ((s.acknowledged - 30_000) / 30_000) * 100;
  rows.push(['GeneratorRun 500/s, 60 s virtual time', `${fmt(s.acknowledged)} acknowledged (${err.toFixed(2)}%)`, 'within 2%', '']);
};

const realAccuracy = (seconds: number) =>
  new Promise<void>((resolve) => {
    const clock = new RealClock();
    // a small delay on every call, like an in-process emulator behind a worker
    const send: SendBatch = (batch) => new Promise((r) => setTimeout(() => r(ackAll(batch)), 2));
    const run = new GeneratorRun({ template: compileTemplate(SENSOR), rate: 500, clock, rng: new SeededRng(4), send });
    run.start();
    const t0 = performance.now();
    const loop = () => {
      const wait = run.tick();
      if (performance.now() - t0 >= seconds * 1000) {
        run.stop();
        void run.idle().then(() => {
          const s = run.stats();
          const rate = (s.acknowledged * 1000) / s.elapsedMs;
          rows.push([
            `GeneratorRun 500/s, ${seconds} s real time (setTimeout host)`,
            `${rate.toFixed(1)} records/s (${(((rate - 500) / 500) * 100).toFixed(2)}%)`,
            'within 2%',
            '',
          ]);
          resolve();
        });
        return;
      }
      if (wait >= 0) setTimeout(loop, wait);
    };
    loop();
  });

renderRate('sensor template (Activity 1-C)', SENSOR);
renderRate('KDG CSV example (faker names, ip)', CSV);
await sendPathRate();
await virtualAccuracy();
await realAccuracy(Number(process.env.GEN_REAL_SECONDS ?? 60));

console.log('| measure | result | target |');
console.log('|---|---|---|');
for (const [a, b, c] of rows) console.log(`| ${a} | ${b} | ${c} |`);
