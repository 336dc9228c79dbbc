/**
 * What `--data-dir` costs the emulator server, and how long a restart takes.
 *
 * 1. PutRecords throughput through HTTP, the server in memory and with a data directory, in the
 *    same run, interleaved rounds (best of each kept: the machine is shared). The same body of 500
 *    x 100-byte records is sent by CALLERS keep-alive node:http connections from this process, so
 *    the server, not SDK serialisation, is what is measured; each server is a child process. With a
 *    data directory every answer waits for its fsync'd save (concurrent calls share one save).
 * 2. Recovery: a data directory holding 1,000,000 records, written the way the server writes it
 *    (a save every 10,000 records: chunks of a backlog, the log's compaction), then the server started
 *    on it; the time it reports for reading and restoring, and from spawn to listening. The same
 *    steps in this process, timed one by one.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Emulator } from '../src/engine/emulator';
import { Persister } from '../src/worker/persistence';
import { FileStorage } from '../server/fileStorage';
import { cpuSeconds } from './proc';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const RECORDS_PER_CALL = 500;
/** `DURABLE_BENCH_RECORD_BYTES` and `DURABLE_BENCH_CALLERS` change the throughput run's shape (e.g. 1024 and 8, as browser-durable.bench.ts sends). */
const RECORD_BYTES = Number(process.env.DURABLE_BENCH_RECORD_BYTES ?? 100);
const CALLERS = Number(process.env.DURABLE_BENCH_CALLERS ?? 16);
/** `DURABLE_BENCH_RECOVERY=0` measures throughput only. */
const RECOVERY = process.env.DURABLE_BENCH_RECOVERY !== '0';
const SHARDS = 4;
const SECONDS = 4;
const ROUNDS = 2;
const RECOVERY_RECORDS = 1_000_000;
const SAVE_EVERY = 10_000;

const auth = {
  'content-type': 'application/x-amz-json-1.1',
  authorization: 'AWS4-HMAC-SHA256 Credential=AKIDBENCH/20260101/us-east-1/kinesis/aws4_request, SignedHeaders=host, Signature=0',
  'x-amz-date': '20260101T000000Z',
};

interface Child {
  url: string;
  child: ChildProcess;
  out: () => string;
  /** From spawn to the `listening on` line. */
  startMs: number;
}

/** `npm run emulator` with its heap limit given (so it serves in this child), waiting for it to listen. */
const server = (args: string[]) =>
  new Promise<Child>((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, ['--max-old-space-size=2048', '--import', 'tsx', 'server/emulator.ts', '--port', '0', '--state-delay-ms', '0', '--no-throttle', ...args], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (m) resolve({ url: m[1], child, out: () => out, startMs: performance.now() - t0 });
    });
    child.once('exit', (code) => reject(new Error(`server exited with ${code}: ${out}`)));
  });

const stop = (c: Child) => new Promise<void>((r) => (c.child.exitCode !== null ? r() : (c.child.once('exit', () => r()), c.child.kill('SIGTERM'))));

const post = (agent: Agent, url: string, op: string, body: string) =>
  new Promise<string>((resolve, reject) => {
    const req = request(url, { method: 'POST', agent, headers: { ...auth, 'x-amz-target': `Kinesis_20131202.${op}` } }, (res) => {
      let text = '';
      res.on('data', (d: Buffer) => (text += d.toString()));
      res.on('end', () => (res.statusCode === 200 ? resolve(text) : reject(new Error(`${op}: HTTP ${res.statusCode} ${text}`))));
    });
    req.on('error', reject);
    req.end(body);
  });

const putBody = JSON.stringify({
  StreamName: 'bench',
  Records: Array.from({ length: RECORDS_PER_CALL }, (_, i) => ({ PartitionKey: `pk-${i}`, Data: Buffer.alloc(RECORD_BYTES, 97 + (i % 26)).toString('base64') })),
});

interface Throughput {
  recordsPerSecond: number;
  p50: number;
  p99: number;
  cpuPerMillion: number;
}

const throughput = async (c: Child, create: boolean): Promise<Throughput> => {
  const agent = new Agent({ keepAlive: true, maxSockets: CALLERS });
  if (create) {
    await post(agent, c.url, 'CreateStream', JSON.stringify({ StreamName: 'bench', ShardCount: SHARDS }));
    while (!(await post(agent, c.url, 'DescribeStreamSummary', '{"StreamName":"bench"}')).includes('"ACTIVE"'));
    for (let i = 0; i < 40; i++) await post(agent, c.url, 'PutRecords', putBody);
  }
  const latencies: number[] = [];
  const cpu0 = cpuSeconds(c.child.pid!);
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: CALLERS }, async () => {
      while (performance.now() - t0 < SECONDS * 1000) {
        const t = performance.now();
        await post(agent, c.url, 'PutRecords', putBody);
        latencies.push(performance.now() - t);
      }
    }),
  );
  const seconds = (performance.now() - t0) / 1000;
  const cpu = cpuSeconds(c.child.pid!) - cpu0;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const records = latencies.length * RECORDS_PER_CALL;
  return {
    recordsPerSecond: records / seconds,
    p50: latencies[Math.floor(latencies.length / 2)],
    p99: latencies[Math.floor(latencies.length * 0.99)],
    cpuPerMillion: (cpu / records) * 1e6,
  };
};

const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const dirBytes = (dir: string) => readdirSync(dir).reduce((a, f) => a + statSync(join(dir, f)).size, 0);

const main = async () => {
  console.log(`load average at start: ${loadavg().map((l) => l.toFixed(1)).join(' ')}\n`);
  const dataDir = mkdtempSync(join(tmpdir(), 'kwc-bench-durable-'));
  const recoveryDir = mkdtempSync(join(tmpdir(), 'kwc-bench-recovery-'));
  try {
    // 1. Throughput.
    const memory = await server([]);
    const durable = await server(['--data-dir', dataDir]);
    const best: Record<'memory' | 'durable', Throughput | undefined> = { memory: undefined, durable: undefined };
    for (let round = 0; round < ROUNDS; round++) {
      for (const [name, c] of [['memory', memory], ['durable', durable]] as const) {
        const r = await throughput(c, round === 0);
        if (!best[name] || r.recordsPerSecond > best[name].recordsPerSecond) best[name] = r;
      }
    }
    await Promise.all([stop(memory), stop(durable)]);
    const m = best.memory!;
    const d = best.durable!;
    console.log(
      `PutRecords, ${RECORDS_PER_CALL} x ${RECORD_BYTES}-byte records per call, ${CALLERS} keep-alive connections, ${SHARDS} shards, ` +
        `${SECONDS} s per server and round, best of ${ROUNDS} interleaved rounds, throttling off, 127.0.0.1.\n`,
    );
    console.log('| server | records/s | p50 ms/call | p99 ms/call | server CPU s per 1M records |');
    console.log('|---|---:|---:|---:|---:|');
    for (const [name, r] of [['in memory', m], ['--data-dir (fsync per save)', d]] as const)
      console.log(`| ${name} | ${fmt(r.recordsPerSecond)} | ${fmt(r.p50, 1)} | ${fmt(r.p99, 1)} | ${fmt(r.cpuPerMillion, 2)} |`);
    console.log(`\n| durable / in memory, records/s | ${fmt((100 * d.recordsPerSecond) / m.recordsPerSecond)}% | target >= 50% |`);
    console.log(`| data directory after the run | ${fmt(dirBytes(dataDir) / 2 ** 20, 1)} MiB | |`);
    console.log(`| 1-minute load average at the end | ${loadavg()[0].toFixed(1)} | |`);
    if (!RECOVERY) return;

    // 2. Recovery of 1,000,000 records.
    const em = new Emulator({ options: { stateDelayMs: 0, enforceThroughput: false } });
    const rc = { region: 'us-east-1', requestId: 'bench' };
    em.kinesis.call('CreateStream', { StreamName: 'bench', ShardCount: SHARDS }, rc);
    const data = Buffer.alloc(RECORD_BYTES, 'x').toString('base64');
    const writer = new Persister(await FileStorage.open(recoveryDir));
    const t = performance.now();
    for (let done = 0; done < RECOVERY_RECORDS; done += RECORDS_PER_CALL) {
      em.kinesis.call('PutRecords', { StreamName: 'bench', Records: Array.from({ length: RECORDS_PER_CALL }, (_, i) => ({ Data: data, PartitionKey: `k${done + i}` })) }, rc);
      if ((done + RECORDS_PER_CALL) % SAVE_EVERY === 0) await writer.save(em);
    }
    const fillMs = performance.now() - t;
    await (writer.storage as FileStorage).close();
    const files = readdirSync(recoveryDir).filter((f) => f !== 'lock');

    /** Wall and CPU time (this process's user + system) of one step. */
    const step = async <T>(f: () => Promise<T>): Promise<[T, { wall: number; cpu: number }]> => {
      const w = performance.now();
      const c = process.cpuUsage();
      const r = await f();
      const used = process.cpuUsage(c);
      return [r, { wall: performance.now() - w, cpu: (used.user + used.system) / 1000 }];
    };
    const [storage, openT] = await step(() => FileStorage.open(recoveryDir));
    const [loaded, loadT] = await step(() => new Persister(storage).load());
    if (loaded.kind !== 'restored') throw new Error(`nothing restored: ${JSON.stringify(loaded)}`);
    const [, restoreT] = await step(async () => new Emulator({ options: { stateDelayMs: 0 } }).restore(loaded.snapshot));
    await storage.close();

    const runs: Array<{ reported: number; start: number }> = [];
    for (let i = 0; i < 2; i++) {
      const c = await server(['--data-dir', recoveryDir]);
      const line = /restored ([\d,]+) records in (\d+) streams from .* in ([\d,]+) ms/.exec(c.out());
      if (!line || Number(line[1].replaceAll(',', '')) !== RECOVERY_RECORDS) throw new Error(`unexpected start-up: ${c.out()}`);
      runs.push({ reported: Number(line[3].replaceAll(',', '')), start: c.startMs });
      await stop(c);
    }
    const bestRun = runs.reduce((a, b) => (b.reported < a.reported ? b : a));
    console.log(
      `\nRecovery: ${fmt(RECOVERY_RECORDS)} records of ${RECORD_BYTES} bytes in ${SHARDS} shards, saved every ${fmt(SAVE_EVERY)} records ` +
        `(${fmt(fillMs / 1000, 1)} s to write); DIR holds ${files.join(', ')}: ${fmt(dirBytes(recoveryDir) / 2 ** 20, 0)} MiB.\n`,
    );
    // On a shared machine wall time includes waiting for a core; CPU time is what the step itself costs.
    console.log('| step | wall ms | CPU ms |');
    console.log('|---|---:|---:|');
    console.log(`| open: read and check every entry (this process) | ${fmt(openT.wall)} | ${fmt(openT.cpu)} |`);
    console.log(`| load: the save's state, and its chunks to read on demand (this process) | ${fmt(loadT.wall)} | ${fmt(loadT.cpu)} |`);
    console.log(`| restore into an emulator: each chunk read and copied into its shard (this process) | ${fmt(restoreT.wall)} | ${fmt(restoreT.cpu)} |`);
    console.log(`| sum of the three | ${fmt(openT.wall + loadT.wall + restoreT.wall)} | ${fmt(openT.cpu + loadT.cpu + restoreT.cpu)} |`);
    console.log(`| **the server's own "restored ... in N ms"** (best of ${runs.length}: ${runs.map((r) => fmt(r.reported)).join(', ')}) | **${fmt(bestRun.reported)}** | |`);
    console.log(`| server spawn to listening (code loading included) | ${fmt(bestRun.start)} | |`);
    console.log(`\nTarget: recovery < 3,000 ms. Load average at the end: ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(recoveryDir, { recursive: true, force: true });
  }
};

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
