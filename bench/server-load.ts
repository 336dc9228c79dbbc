/**
 * `npm run load:server -- [--seconds 300] [--clients 8] [--cap-mb 256]`: the emulator server under
 * the load that once took it down. It starts `npm run emulator` as a child process on a free
 * loopback port, then:
 *   1. 8 clients write PutRecords of 500 x 1 KiB records into a 100-shard stream for `--seconds`
 *      (about 30 MiB/s asked; nothing throttled at 100 shards);
 *   2. 400 connections each declare a 7 MiB body, send all but its last byte and stall.
 * It samples the server's RSS every second and exits non-zero if the server died or its RSS
 * went past the heap limit the server sets for its cap plus a fixed overhead. Traffic stays on 127.0.0.1 and every loop
 * is bounded in count and time. Not part of `npm test`: it runs for minutes.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { heapLimitFor } from '../server/http';

const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '300' },
    clients: { type: 'string', default: '8' },
    'cap-mb': { type: 'string', default: '256' },
    'overhead-mb': { type: 'string', default: '160' },
  },
});
const SECONDS = Number(values.seconds);
const CLIENTS = Number(values.clients);
const CAP_MB = Number(values['cap-mb']);
/** What the process holds besides its V8 heap: code, request buffers, the bodies in flight. */
const OVERHEAD_MB = Number(values['overhead-mb']);
/** The heap limit `npm run emulator` gives itself for this cap. */
const HEAP_MB = heapLimitFor(CAP_MB * 1024 * 1024);
const STALLED = 400;
const MiB = 1024 * 1024;

const here = dirname(fileURLToPath(import.meta.url));
const child = spawn(
  process.execPath,
  // The heap flag as `npm run emulator` sets it on itself, given here so this process's child is the server.
  [`--max-old-space-size=${HEAP_MB}`, '--import', 'tsx', join(here, '../server/emulator.ts'), '--port', '0', '--state-delay-ms', '10', '--max-record-mb', String(CAP_MB)],
  { stdio: ['ignore', 'pipe', 'inherit'] },
);
let died: string | undefined;
child.on('exit', (code, signal) => (died = `exited with ${code ?? signal}`));
const trimLines: string[] = [];

const url = await new Promise<string>((resolve, reject) => {
  let out = '';
  child.stdout!.on('data', (d: Buffer) => {
    out += d.toString();
    let nl: number;
    while ((nl = out.indexOf('\n')) >= 0) {
      const line = out.slice(0, nl);
      out = out.slice(nl + 1);
      if (line.startsWith('listening on ')) resolve(line.slice('listening on '.length));
      else if (line.startsWith('over the cap')) trimLines.push(line);
    }
  });
  child.once('exit', () => reject(new Error(`the server ${died}`)));
});
const { hostname, port } = new URL(url);

const rssMiB = (): number => {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
  return m ? Number(m[1]) / 1024 : NaN;
};

const headers = (op: string) => ({
  'content-type': 'application/x-amz-json-1.1',
  'x-amz-target': `Kinesis_20131202.${op}`,
  authorization: 'AWS4-HMAC-SHA256 Credential=AKID/20260101/us-east-1/kinesis/aws4_request, SignedHeaders=host, Signature=0',
  'x-amz-date': '20260101T000000Z',
});

const agent = new Agent({ keepAlive: true, maxSockets: CLIENTS });
const call = (op: string, body: string | Buffer) =>
  new Promise<{ status: number; text: string }>((resolve, reject) => {
    const req = request({ hostname, port, method: 'POST', path: '/', headers: headers(op), agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString() }));
    });
    req.on('error', reject);
    req.end(body);
  });

await call('CreateStream', JSON.stringify({ StreamName: 'load', ShardCount: 100 }));
await new Promise((r) => setTimeout(r, 200));

const data = Buffer.alloc(1024, 0x61).toString('base64');
const bodies = Array.from({ length: 16 }, (_, b) =>
  JSON.stringify({ StreamName: 'load', Records: Array.from({ length: 500 }, (_, i) => ({ Data: data, PartitionKey: `p${b}-${i}` })) }),
);

let acknowledged = 0;
let failedRecords = 0;
let errors = 0;
const samples: number[] = [];
const started = Date.now();
const deadline = started + SECONDS * 1000;
const sampler = setInterval(() => {
  if (!died) samples.push(rssMiB());
}, 1000);

const writer = async (k: number) => {
  let n = 0;
  while (Date.now() < deadline && !died) {
    try {
      const r = await call('PutRecords', bodies[(k + n++) % bodies.length]);
      if (r.status === 200) {
        const out = JSON.parse(r.text) as { FailedRecordCount: number };
        acknowledged += 500 - out.FailedRecordCount;
        failedRecords += out.FailedRecordCount;
      } else errors++;
    } catch {
      errors++;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
};

/** 400 bodies that never finish: each declares 7 MiB and stalls before its last byte. */
const stallBodies = async () => {
  const statuses = new Map<number, number>();
  const sockets: Array<() => void> = [];
  const chunk = Buffer.alloc(7 * MiB - 1, 0x20);
  for (let i = 0; i < STALLED && !died; i++) {
    const req = request({
      hostname,
      port,
      method: 'POST',
      path: '/',
      headers: { ...headers('PutRecords'), 'content-length': String(7 * MiB) },
      agent: false,
    });
    req.on('response', (res) => {
      statuses.set(res.statusCode ?? 0, (statuses.get(res.statusCode ?? 0) ?? 0) + 1);
      res.resume();
    });
    req.on('error', () => {});
    req.write(chunk);
    sockets.push(() => req.destroy());
    if (i % 20 === 19) await new Promise((r) => setTimeout(r, 50));
  }
  return { statuses, release: () => sockets.forEach((f) => f()) };
};

const writers = Promise.all(Array.from({ length: CLIENTS }, (_, k) => writer(k)));
// Halfway through (at most a minute in), the stalled bodies arrive on top of the writers' load.
await new Promise((r) => setTimeout(r, Math.min(SECONDS * 500, 60_000)));
const stall = await stallBodies();
await writers;
const elapsed = (Date.now() - started) / 1000;
clearInterval(sampler);
stall.release();

let readBack = 'n/a';
if (!died) {
  const r = await call('DescribeStreamSummary', JSON.stringify({ StreamName: 'load' }));
  readBack = r.status === 200 ? 'the stream is still there' : `DescribeStreamSummary answered ${r.status}`;
}
const peak = Math.max(...samples);
const limit = HEAP_MB + OVERHEAD_MB;
console.log(`| measure | result |
|---|---|
| duration | ${elapsed.toFixed(0)} s, ${CLIENTS} clients, 500 x 1 KiB records per PutRecords, 100 shards |
| records acknowledged | ${acknowledged.toLocaleString('en-US')} (${(acknowledged / elapsed).toFixed(0)} records/s, ${((acknowledged * 1024) / elapsed / MiB).toFixed(1)} MiB/s) |
| records throttled / failed calls | ${failedRecords.toLocaleString('en-US')} / ${errors} |
| stalled 7 MiB bodies, answers | ${[...stall.statuses].map(([s, n]) => `${n} x ${s}`).join(', ') || 'none yet'} |
| server RSS: first, peak, last | ${samples[0]?.toFixed(0)} / ${peak.toFixed(0)} / ${samples.at(-1)?.toFixed(0)} MiB (limit ${limit} MiB: a heap of ${HEAP_MB} MiB for a cap of ${CAP_MB} MiB, + ${OVERHEAD_MB}) |
| cap trims logged | ${trimLines.length}${trimLines[0] ? `, first: "${trimLines[0]}"` : ''} |
| server | ${died ?? `up; ${readBack}`} |`);

child.kill('SIGTERM');
const ok = !died && peak <= limit && trimLines.length > 0 === acknowledged * 1024 > CAP_MB * MiB;
if (!ok) console.log('\nFAILED: the server died, went past its memory limit, or did not trim as it should.');
process.exit(ok ? 0 : 1);
