/**
 * Streaming SQL throughput: the workshop's Activity 2 pipeline (DISTINCT dedup -> WHERE filter ->
 * 10-second GROUP BY) over 1,000,000 pre-parsed sensor rows fed to SOURCE_SQL_STREAM_001 on
 * virtual time, against the same pipeline written by hand as plain TypeScript loops.
 * Prints a markdown table (records/s, output rows, peak heap growth).
 * First, the editor's cost: diagnose() over the whole Activity 2 script (parse, analyse, plan once),
 * as it runs on every keystroke; the target is 50 ms.
 */
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { VirtualClock } from '../src/engine/common/clock';
import { Application } from '../src/engine/sql/application';
import { diagnose } from '../src/engine/sql/diagnose';
import type { InputSchema } from '../src/engine/sql/discovery/discover';
import type { SqlValue } from '../src/engine/sql/types';

const N = Number(process.env.SQL_BENCH_RECORDS ?? 1_000_000);
const RATE = 1000; // records per second of virtual time
const here = dirname(fileURLToPath(import.meta.url));
const script = readFileSync(join(here, '../src/engine/sql/golden/workshop_activity2/app.sql'), 'utf8');

const schema: InputSchema = {
  RecordFormat: { RecordFormatType: 'JSON', MappingParameters: { JSONMappingParameters: { RecordRowPath: '$' } } },
  RecordEncoding: 'UTF-8',
  RecordColumns: [
    { Name: 'sensorId', SqlType: 'VARCHAR(16)', Mapping: '$.sensorId' },
    { Name: 'eventTimeStamp', SqlType: 'VARCHAR(16)', Mapping: '$.eventTimeStamp' },
    { Name: 'ambientTemp', SqlType: 'INTEGER', Mapping: '$.ambientTemp' },
    { Name: 'measuredTemp', SqlType: 'INTEGER', Mapping: '$.measuredTemp' },
  ],
};

// ---- diagnostics for the editor, first (before the million input rows fill the heap): the whole
// script, clean and with three mistakes in three statements
const broken = script
  .replace('"measuredTemp",', '"measuredTmp",')
  .replace('abs(measured_temp - ambient_temp)', 'absolute(measured_temp - ambient_temp)')
  .replace('VARCHAR(16), avg_ambient_temp', 'VARCHAR(16),, avg_ambient_temp');
const timeDiagnose = (text: string, expected: number) => {
  const found = diagnose(text, schema.RecordColumns).length;
  if (found !== expected) {
    console.log(`MISMATCH: diagnose found ${found} problems, expected ${expected}`);
    process.exitCode = 1;
  }
  for (let i = 0; i < 50; i++) diagnose(text, schema.RecordColumns);
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < 500; i++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    diagnose(text, schema.RecordColumns);
    wall.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
  }
  const at = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))].toFixed(2);
  return `${at(wall, 0.5)} | ${at(wall, 0.95)} | ${at(wall, 1)} | ${at(cpu, 0.5)} | ${at(cpu, 0.95)}`;
};
// Wall time includes waiting for a core on a shared machine; CPU time is the work itself.
console.log(`diagnose() over the Activity 2 script (${script.split('\n').length} lines), 500 runs after 50 warm-up; target 50 ms; load average ${loadavg()[0].toFixed(1)}.\n`);
console.log('| script | problems | wall median (ms) | wall p95 (ms) | wall max (ms) | CPU median (ms) | CPU p95 (ms) |');
console.log('|---|---:|---:|---:|---:|---:|---:|');
console.log(`| as written | 0 | ${timeDiagnose(script, 0)} |`);
console.log(`| with a syntax error, an unknown column and an unknown function | 3 | ${timeDiagnose(broken, 3)} |`);
console.log('');

// ---- input: the workshop's KDG template, 5% producer-side duplicates (same record re-sent at once)
let seed = 12345;
const rnd = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 4294967296);
const start = Date.UTC(2026, 0, 1);
const arrivals = new Float64Array(N);
const rows: SqlValue[][] = new Array(N);
const sensors = Array.from({ length: 101 }, (_, i) => `sensor-${i}`);
for (let i = 0; i < N; i++) {
  if (i > 0 && rnd() < 0.05) {
    arrivals[i] = arrivals[i - 1];
    rows[i] = rows[i - 1];
    continue;
  }
  const t = start + Math.floor((i * 1000) / RATE);
  arrivals[i] = t;
  rows[i] = [sensors[Math.floor(rnd() * 101)], String(t), Math.floor(rnd() * 101) - 40, Math.floor(rnd() * 101)];
}

const heap = () => process.memoryUsage().heapUsed;
const gc = (globalThis as { gc?: () => void }).gc;

function runEngine(): { ms: number; out: number[]; peak: number } {
  gc?.();
  const base = heap();
  let peak = 0;
  const clock = new VirtualClock(start);
  const app = new Application(script, { clock, inputSchema: schema });
  const counted = ['CLEAN_IOT_STREAM', 'FILTERED_STREAM', 'AGGREGATE_STREAM'].map((n) => app.streams.get(n)!);
  const out = [0, 0, 0];
  app.subscribe((s) => {
    const i = counted.indexOf(s);
    if (i >= 0) out[i]++;
  });
  const t0 = performance.now();
  let now = start;
  for (let i = 0; i < N; i++) {
    const a = arrivals[i];
    if (a > now) {
      now = a;
      clock.set(a);
      app.advance(a);
    }
    app.pushRow(rows[i], a);
    if ((i & 0xffff) === 0) peak = Math.max(peak, heap() - base);
  }
  clock.advance(3_600_000);
  app.advance(clock.now());
  const ms = performance.now() - t0;
  peak = Math.max(peak, heap() - base);
  return { ms, out, peak };
}

/** The same three pumps by hand: per-second dedup set, filter, per-10-second per-sensor averages. */
function runByHand(): { ms: number; out: number[]; peak: number } {
  gc?.();
  const base = heap();
  let peak = 0;
  let clean = 0;
  let filtered = 0;
  let aggregated = 0;
  const round2 = (x: number) => Math.round(x * 100) / 100;
  // dedup: bucket = second
  let dedupSecond = -1;
  let seen = new Map<string, SqlValue[]>();
  let seenAt = new Map<string, number>();
  // aggregate: bucket = 10 s
  let aggBucket = -1;
  const groups = new Map<string, { a: number; m: number; n: number }>();
  let sink = 0;
  const flushAgg = () => {
    for (const [id, g] of groups) {
      sink += round2(g.a / g.n) + round2(g.m / g.n) + id.length;
      aggregated++;
    }
    groups.clear();
  };
  const onClean = (rowtime: number, r: SqlValue[]) => {
    clean++;
    const amb = r[2] as number;
    const mea = r[3] as number;
    if (Math.abs(mea - amb) > 20) filtered++;
    const b = Math.floor(rowtime / 10000);
    if (b !== aggBucket) {
      if (aggBucket >= 0) flushAgg();
      aggBucket = b;
    }
    const id = r[0] as string;
    let g = groups.get(id);
    if (!g) groups.set(id, (g = { a: 0, m: 0, n: 0 }));
    g.a += amb;
    g.m += mea;
    g.n++;
  };
  const flushDedup = () => {
    const end = (dedupSecond + 1) * 1000;
    for (const [k, r] of seen) {
      void seenAt.get(k);
      onClean(end, r);
    }
    seen = new Map();
    seenAt = new Map();
  };
  const t0 = performance.now();
  for (let i = 0; i < N; i++) {
    const a = arrivals[i];
    const r = rows[i];
    const sec = Math.floor(a / 1000);
    if (sec !== dedupSecond) {
      if (dedupSecond >= 0) flushDedup();
      dedupSecond = sec;
    }
    const k = `${a}|${r[0]}|${r[1]}|${r[2]}|${r[3]}`;
    if (!seen.has(k)) {
      seen.set(k, r);
      seenAt.set(k, a);
    }
    if ((i & 0xffff) === 0) peak = Math.max(peak, heap() - base);
  }
  flushDedup();
  flushAgg();
  const ms = performance.now() - t0;
  peak = Math.max(peak, heap() - base);
  if (sink === -1) console.log(sink);
  return { ms, out: [clean, filtered, aggregated], peak };
}

// One warm-up run each, then the best of three (the machine is shared; the best run is the least disturbed).
const best = (f: () => { ms: number; out: number[]; peak: number }) => {
  f();
  const runs = [f(), f(), f()];
  const fastest = runs.reduce((a, b) => (b.ms < a.ms ? b : a));
  return { ...fastest, peak: Math.max(...runs.map((r) => r.peak)) };
};
const hand = best(runByHand);
const engine = best(runEngine);

const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
const mb = (b: number) => (b / 1048576).toFixed(1);
console.log(`${fmt(N)} sensor records (5% duplicates), ${RATE} records per virtual second; output rows clean/filtered/aggregate.\n`);
console.log('| pipeline | records/s | time (ms) | clean | filtered | aggregate | peak heap growth (MiB) |');
console.log('|---|---:|---:|---:|---:|---:|---:|');
console.log(`| SQL engine (Activity 2 pumps) | ${fmt((N / engine.ms) * 1000)} | ${fmt(engine.ms)} | ${engine.out.join(' | ')} | ${mb(engine.peak)} |`);
console.log(`| hand-written loops | ${fmt((N / hand.ms) * 1000)} | ${fmt(hand.ms)} | ${hand.out.join(' | ')} | ${mb(hand.peak)} |`);
console.log(`\nengine / hand-written speed: ${(hand.ms / engine.ms).toFixed(2)}`);
if (engine.out.join() !== hand.out.join()) {
  console.log('MISMATCH: the engine and the hand-written loops produced different row counts');
  process.exitCode = 1;
}

