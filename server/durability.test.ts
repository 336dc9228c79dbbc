import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  CreateStreamCommand,
  DescribeStreamSummaryCommand,
  GetRecordsCommand,
  GetShardIteratorCommand,
  KinesisClient,
  ListShardsCommand,
  PutRecordsCommand,
} from '@aws-sdk/client-kinesis';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import { afterAll, describe, expect, it } from 'vitest';

/**
 * `npm run emulator -- --data-dir DIR` killed with SIGKILL under load keeps every record it
 * acknowledged. The server runs as a child process exactly as a user starts it (with its heap limit
 * given, so it serves in that process instead of starting another one that SIGKILL would not reach).
 */
const entry = fileURLToPath(new URL('./emulator.ts', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'kwc-durable-'));
const children: ChildProcess[] = [];
afterAll(() => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

const STREAM = 'durable';
const LOAD_MS = 3000;
const CLIENTS = 4;
const BATCH = 50;

const run = () => {
  const child = spawn(
    process.execPath,
    ['--max-old-space-size=1024', '--import', 'tsx', entry, '--port', '0', '--state-delay-ms', '0', '--no-throttle', '--data-dir', dir],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  children.push(child);
  let out = '';
  let err = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  const listening = new Promise<{ url: string; out: string }>((resolve, reject) => {
    child.stdout!.on('data', () => {
      const m = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (m) resolve({ url: m[1], out });
    });
    child.once('exit', (code) => reject(new Error(`exited with ${code}: ${out}${err}`)));
  });
  const exited = new Promise<{ code: number | null; err: string }>((resolve) => child.once('exit', (code) => resolve({ code, err })));
  return { child, listening, exited };
};

const client = (url: string) =>
  new KinesisClient({
    endpoint: url,
    region: 'us-east-1',
    credentials: { accessKeyId: 'AKIDTEST', secretAccessKey: 'test' },
    requestHandler: new NodeHttpHandler({ httpAgent: { keepAlive: true } }),
    maxAttempts: 1,
  });

interface Acked {
  shard: string;
  seq: string;
  key: string;
  data: string;
}

/** Every record of every shard, read from the oldest, by sequence number. */
const readAll = async (c: KinesisClient) => {
  const got = new Map<string, { shard: string; key: string; data: string }>();
  const { Shards = [] } = await c.send(new ListShardsCommand({ StreamName: STREAM }));
  for (const { ShardId } of Shards) {
    let it = (await c.send(new GetShardIteratorCommand({ StreamName: STREAM, ShardId, ShardIteratorType: 'TRIM_HORIZON' }))).ShardIterator;
    for (;;) {
      const r = await c.send(new GetRecordsCommand({ ShardIterator: it, Limit: 10000 }));
      for (const x of r.Records ?? []) got.set(x.SequenceNumber!, { shard: ShardId!, key: x.PartitionKey!, data: Buffer.from(x.Data!).toString() });
      if (!r.Records?.length) break;
      it = r.NextShardIterator;
    }
  }
  return got;
};

describe('npm run emulator -- --data-dir', () => {
  it('keeps every acknowledged record through a SIGKILL under load, and carries sequence numbers on', { timeout: 60_000 }, async () => {
    const first = run();
    const { url } = await first.listening;
    const admin = client(url);
    await admin.send(new CreateStreamCommand({ StreamName: STREAM, ShardCount: 4 }));
    while ((await admin.send(new DescribeStreamSummaryCommand({ StreamName: STREAM }))).StreamDescriptionSummary?.StreamStatus !== 'ACTIVE');

    // Several clients put for a while; the server is killed while their calls are in flight.
    const acked: Acked[] = [];
    let killed = false;
    const load = async (n: number) => {
      const c = client(url);
      for (let call = 0; !killed; call++) {
        const records = Array.from({ length: BATCH }, (_, i) => ({ PartitionKey: `c${n}-${call}-${i}`, Data: Buffer.from(`data ${n}/${call}/${i}`) }));
        try {
          const out = await c.send(new PutRecordsCommand({ StreamName: STREAM, Records: records }));
          out.Records!.forEach((r, i) => {
            if (r.SequenceNumber) acked.push({ shard: r.ShardId!, seq: r.SequenceNumber, key: records[i].PartitionKey, data: `data ${n}/${call}/${i}` });
          });
        } catch {
          // Cut off by the kill: not acknowledged.
          break;
        }
      }
      c.destroy();
    };
    const loads = Array.from({ length: CLIENTS }, (_, n) => load(n));
    await new Promise((r) => setTimeout(r, LOAD_MS));
    killed = true;
    first.child.kill('SIGKILL');
    await Promise.all(loads);
    admin.destroy();
    expect(acked.length).toBeGreaterThan(0);

    const second = run();
    const { url: url2, out } = await second.listening;
    const restored = Number(/restored ([\d,]+) records in 1 streams from /.exec(out)?.[1].replaceAll(',', ''));
    // Started now, so that its start-up overlaps the reads below.
    const third = run();
    third.listening.catch(() => {});
    // Calls cut off by the kill may have been saved without being answered: at least what was acknowledged.
    expect(restored).toBeGreaterThanOrEqual(acked.length);

    const c = client(url2);
    const stored = await readAll(c);
    const missing = acked.filter((a) => {
      const s = stored.get(a.seq);
      return !s || s.shard !== a.shard || s.key !== a.key || s.data !== a.data;
    });
    expect({ missing: missing.length, of: acked.length }).toEqual({ missing: 0, of: acked.length });

    // Reading at an acknowledged sequence number starts there.
    const last = acked.at(-1)!;
    const at = await c.send(new GetShardIteratorCommand({ StreamName: STREAM, ShardId: last.shard, ShardIteratorType: 'AT_SEQUENCE_NUMBER', StartingSequenceNumber: last.seq }));
    const [firstRead] = (await c.send(new GetRecordsCommand({ ShardIterator: at.ShardIterator, Limit: 1 }))).Records ?? [];
    expect([firstRead?.SequenceNumber, firstRead?.PartitionKey]).toEqual([last.seq, last.key]);

    // New records get greater sequence numbers than any before the kill, shard by shard.
    const after = await c.send(new PutRecordsCommand({ StreamName: STREAM, Records: acked.slice(0, 20).map((a) => ({ PartitionKey: a.key, Data: Buffer.from('after') })) }));
    for (const r of after.Records!) {
      const before = acked.filter((a) => a.shard === r.ShardId).map((a) => BigInt(a.seq));
      expect(before.every((b) => BigInt(r.SequenceNumber!) > b)).toBe(true);
    }

    // A second server on the same directory refuses to start.
    const refused = await third.exited;
    expect(refused.code).toBe(1);
    expect(refused.err).toContain(`is in use by another emulator server (process ${second.child.pid})`);

    c.destroy();
    second.child.kill('SIGTERM');
    expect((await second.exited).code).toBe(0);
  });
});
