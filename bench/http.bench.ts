/**
 * PutRecords throughput through HTTP with the real SDK (500 x 100-byte records per call, several
 * callers at once, loopback only): the emulator server against kinesalite in the same run.
 *
 * Each server runs in a child process of its own, so the callers (SDK serialisation, SigV4
 * signing) and the server each get a core of this 2-core machine, the same for both servers.
 * A third "canned" server that reads the body and answers a fixed PutRecords response shows the
 * ceiling of the client side: when the emulator gets close to it, the callers, not the emulator,
 * are the bottleneck. Server CPU time (from /proc) per million records tells the servers apart
 * even then. Throttling is off on the emulator (--no-throttle): kinesalite never throttles, and
 * this measures the server, not the per-shard limits.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { Agent, request } from 'node:http';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  CreateStreamCommand,
  DescribeStreamSummaryCommand,
  KinesisClient,
  PutRecordsCommand,
} from '@aws-sdk/client-kinesis';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import { cpuSeconds } from './proc';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const RECORDS_PER_CALL = 500;
const RECORD_BYTES = 100;
const CALLERS = 8;
/** The SDK costs the callers more CPU per call than the emulator spends answering: two load processes. */
const LOAD_PROCESSES = 2;
const STREAM = 'bench';
const self = fileURLToPath(import.meta.url);
const SHARDS = 4;
const WARMUP_CALLS = 40;
const MAX_CALLS = 3000;
const MAX_MS = 4000;
/** Rounds of (emulator, kinesalite, canned), interleaved; each server's best round is reported (the machine is shared). */
const ROUNDS = 2;

interface Server {
  name: string;
  url: string;
  child: ChildProcess;
}

/** Starts `node <args>` and waits for its `listening on http://127.0.0.1:<port>` line. */
const startChild = (name: string, args: string[]) =>
  new Promise<Server>((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (m) resolve({ name, url: m[1], child });
    });
    child.once('exit', (code) => reject(new Error(`${name} exited with ${code}: ${out}`)));
  });

const KINESALITE = `
const server = require('kinesalite')({ createStreamMs: 0, deleteStreamMs: 0, updateStreamMs: 0, shardLimit: 500 });
server.listen(0, '127.0.0.1', () => console.log('listening on http://127.0.0.1:' + server.address().port));`;

// Reads the whole body like a real server, answers a fixed, valid PutRecords response.
const CANNED = `
const http = require('http');
const entry = { SequenceNumber: '49650000000000000000000000000000000000000000000000000002', ShardId: 'shardId-000000000000' };
const body = JSON.stringify({ FailedRecordCount: 0, Records: Array(${RECORDS_PER_CALL}).fill(entry) });
const server = http.createServer((req, res) => {
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', () => {
    Buffer.concat(chunks);
    res.writeHead(200, { 'content-type': 'application/x-amz-json-1.1', 'content-length': Buffer.byteLength(body) });
    res.end(body);
  });
});
server.keepAliveTimeout = 60000;
server.listen(0, '127.0.0.1', () => console.log('listening on http://127.0.0.1:' + server.address().port));`;

const client = (url: string) =>
  new KinesisClient({
    endpoint: url,
    region: 'us-east-1',
    credentials: { accessKeyId: 'AKIDBENCH', secretAccessKey: 'bench' },
    requestHandler: new NodeHttpHandler({ httpAgent: { keepAlive: true, maxSockets: CALLERS } }),
    maxAttempts: 1,
  });

const records = (caller: number) =>
  Array.from({ length: RECORDS_PER_CALL }, (_, i) => ({
    PartitionKey: `pk-${caller}-${i}`,
    Data: new Uint8Array(RECORD_BYTES).fill(97 + (i % 26)),
  }));

interface Result {
  name: string;
  calls: number;
  seconds: number;
  recordsPerSecond: number;
  p50: number;
  p99: number;
  failed: number;
  serverCpuPerMillion: number;
}

interface LoadReport {
  latencies: number[];
  failed: number;
  seconds: number;
}

/** One load process: `callers` SDK callers in a loop until the call or time budget is spent. */
const load = async (url: string, callers: number, maxCalls: number, seed: number): Promise<LoadReport> => {
  const c = client(url);
  const batches = Array.from({ length: callers }, (_, i) => records(seed * 100 + i));
  const put = (i: number) => c.send(new PutRecordsCommand({ StreamName: STREAM, Records: batches[i] }));
  for (let i = 0; i < WARMUP_CALLS; i++) await put(i % callers);
  const latencies: number[] = [];
  let calls = 0;
  let failed = 0;
  const t0 = performance.now();
  const caller = async (i: number) => {
    while (calls < maxCalls && performance.now() - t0 < MAX_MS) {
      calls++;
      const t = performance.now();
      const out = await put(i);
      latencies.push(performance.now() - t);
      failed += out.FailedRecordCount ?? 0;
    }
  };
  await Promise.all(Array.from({ length: callers }, (_, i) => caller(i)));
  c.destroy();
  return { latencies, failed, seconds: (performance.now() - t0) / 1000 };
};

/** Runs LOAD_PROCESSES copies of this file in `--load` mode against one server at the same time. */
const runLoad = (url: string) =>
  Promise.all(
    Array.from(
      { length: LOAD_PROCESSES },
      (_, i) =>
        new Promise<LoadReport>((resolve, reject) => {
          const args = [
            '--no-warnings',
            '--import',
            'tsx',
            self,
            '--load',
            url,
            String(CALLERS / LOAD_PROCESSES),
            String(MAX_CALLS / LOAD_PROCESSES),
            String(i),
          ];
          const child = spawn(process.execPath, args, { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
          let out = '';
          child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
          child.once('exit', (code) =>
            code === 0
              ? resolve(JSON.parse(out) as LoadReport)
              : reject(new Error(`load process exited with ${code}`)),
          );
        }),
    ),
  );

const measure = async (s: Server, needsStream: boolean): Promise<Result> => {
  if (needsStream) {
    const c = client(s.url);
    await c.send(new CreateStreamCommand({ StreamName: STREAM, ShardCount: SHARDS }));
    for (;;) {
      const d = await c.send(new DescribeStreamSummaryCommand({ StreamName: STREAM }));
      if (d.StreamDescriptionSummary?.StreamStatus === 'ACTIVE') break;
      await new Promise((r) => setTimeout(r, 20));
    }
    c.destroy();
  }
  const cpu0 = cpuSeconds(s.child.pid!);
  const reports = await runLoad(s.url);
  // Includes the load processes' warm-up calls: a small overestimate, the same for every server.
  const cpu = cpuSeconds(s.child.pid!) - cpu0;
  const latencies = reports.flatMap((r) => r.latencies).sort((a, b) => a - b);
  const n = latencies.length;
  const seconds = Math.max(...reports.map((r) => r.seconds));
  return {
    name: s.name,
    calls: n,
    seconds,
    recordsPerSecond: (n * RECORDS_PER_CALL) / seconds,
    p50: latencies[Math.floor(n * 0.5)],
    p99: latencies[Math.min(n - 1, Math.floor(n * 0.99))],
    failed: reports.reduce((a, r) => a + r.failed, 0),
    serverCpuPerMillion: (cpu / ((n + WARMUP_CALLS * LOAD_PROCESSES) * RECORDS_PER_CALL)) * 1e6,
  };
};

/**
 * The same PutRecords body, serialised once, sent with node:http by CALLERS keep-alive connections
 * from this process: what the server manages when the SDK is not the bottleneck.
 */
const rawLoad = async (s: Server): Promise<{ recordsPerSecond: number; serverCpuPerMillion: number }> => {
  const body = JSON.stringify({
    StreamName: STREAM,
    Records: records(0).map((x) => ({
      PartitionKey: x.PartitionKey,
      Data: Buffer.from(x.Data).toString('base64'),
    })),
  });
  const headers = {
    'content-type': 'application/x-amz-json-1.1',
    'x-amz-target': 'Kinesis_20131202.PutRecords',
    // kinesalite checks that a signature is present, not that it is right.
    authorization:
      'AWS4-HMAC-SHA256 Credential=AKIDBENCH/20260101/us-east-1/kinesis/aws4_request, SignedHeaders=host, Signature=0',
    'x-amz-date': '20260101T000000Z',
  };
  const agent = new Agent({ keepAlive: true, maxSockets: CALLERS });
  const post = () =>
    new Promise<void>((resolve, reject) => {
      const req = request(s.url, { method: 'POST', headers, agent }, (res) => {
        if (res.statusCode !== 200) reject(new Error(`${s.name}: HTTP ${res.statusCode}`));
        res.resume();
        res.on('end', () => resolve());
      });
      req.on('error', reject);
      req.end(body);
    });
  for (let i = 0; i < WARMUP_CALLS; i++) await post();
  let calls = 0;
  const cpu0 = cpuSeconds(s.child.pid!);
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: CALLERS }, async () => {
      while (calls < MAX_CALLS && performance.now() - t0 < MAX_MS) {
        calls++;
        await post();
      }
    }),
  );
  const seconds = (performance.now() - t0) / 1000;
  const cpu = cpuSeconds(s.child.pid!) - cpu0;
  agent.destroy();
  return {
    recordsPerSecond: (calls * RECORDS_PER_CALL) / seconds,
    serverCpuPerMillion: (cpu / (calls * RECORDS_PER_CALL)) * 1e6,
  };
};

const fmt = (n: number, digits = 0) =>
  n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

const main = async () => {
  const servers: Server[] = [];
  try {
    const emulator = await startChild('emulator server', [
      '--no-warnings',
      '--import',
      'tsx',
      'server/emulator.ts',
      '--port',
      '0',
      '--state-delay-ms',
      '0',
      '--no-throttle',
    ]);
    servers.push(emulator);
    const kinesalite = await startChild('kinesalite', ['--no-warnings', '-e', KINESALITE]);
    servers.push(kinesalite);
    const canned = await startChild('canned answer (client ceiling)', ['--no-warnings', '-e', CANNED]);
    servers.push(canned);

    // One at a time, so each has both cores to itself (callers + server); interleaved rounds, best kept.
    const rounds: Result[][] = [];
    for (let round = 0; round < ROUNDS; round++) {
      rounds.push([
        await measure(emulator, round === 0),
        await measure(kinesalite, round === 0),
        await measure(canned, false),
      ]);
    }
    const best = (i: number) =>
      rounds
        .map((r) => r[i])
        .reduce((a, b) =>
          b.recordsPerSecond > a.recordsPerSecond
            ? { ...b, serverCpuPerMillion: Math.min(a.serverCpuPerMillion, b.serverCpuPerMillion) }
            : { ...a, serverCpuPerMillion: Math.min(a.serverCpuPerMillion, b.serverCpuPerMillion) },
        );
    const results = [best(0), best(1), best(2)];
    const [e, k, ceiling] = results;

    console.log(
      `PutRecords, ${RECORDS_PER_CALL} x ${RECORD_BYTES}-byte records per call, ${CALLERS} concurrent SDK callers in ${LOAD_PROCESSES} processes, ` +
        `${SHARDS} shards, up to ${MAX_CALLS} calls or ${MAX_MS / 1000} s per server and round, best of ${ROUNDS} interleaved rounds, ` +
        `127.0.0.1, each server in its own process.\n`,
    );
    console.log(
      '| server | calls | records/s | p50 ms/call | p99 ms/call | failed records | server CPU s per 1M records |',
    );
    console.log('|---|---:|---:|---:|---:|---:|---:|');
    for (const r of results) {
      console.log(
        `| ${r.name} | ${fmt(r.calls)} | ${fmt(r.recordsPerSecond)} | ${fmt(r.p50, 1)} | ${fmt(r.p99, 1)} | ${fmt(r.failed)} | ${fmt(r.serverCpuPerMillion, 2)} |`,
      );
    }
    console.log('');
    console.log('| ratio | value | target |');
    console.log('|---|---:|---:|');
    console.log(
      `| emulator / kinesalite, records/s | ${fmt(e.recordsPerSecond / k.recordsPerSecond, 1)}x | >= 10x |`,
    );
    console.log(
      `| kinesalite / emulator, server CPU per record | ${fmt(k.serverCpuPerMillion / e.serverCpuPerMillion, 1)}x | |`,
    );
    console.log(
      `| emulator / client ceiling, records/s | ${fmt((100 * e.recordsPerSecond) / ceiling.recordsPerSecond)}% | |`,
    );

    const rawE = await rawLoad(emulator);
    const rawK = await rawLoad(kinesalite);
    console.log(
      `\nWithout the SDK: the body serialised once, ${CALLERS} keep-alive node:http connections from one process.\n`,
    );
    console.log('| server | records/s | server CPU s per 1M records |');
    console.log('|---|---:|---:|');
    for (const [name, r] of [
      ['emulator server', rawE],
      ['kinesalite', rawK],
    ] as const) {
      console.log(`| ${name} | ${fmt(r.recordsPerSecond)} | ${fmt(r.serverCpuPerMillion, 2)} |`);
    }
    console.log(
      `| ratio emulator / kinesalite | ${fmt(rawE.recordsPerSecond / rawK.recordsPerSecond, 1)}x | |`,
    );
  } finally {
    for (const s of servers) s.child.kill('SIGTERM');
  }
};

if (process.argv[2] === '--load') {
  const [url, callers, maxCalls, seed] = process.argv.slice(3);
  load(url, Number(callers), Number(maxCalls), Number(seed)).then(
    (r) => process.stdout.write(JSON.stringify(r)),
    (e: unknown) => {
      console.error(e);
      process.exit(1);
    },
  );
} else {
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
