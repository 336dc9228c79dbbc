/**
 * Conformance harness: the same scenario, through the real `@aws-sdk/client-kinesis`, against
 * kinesalite (the reference; its error texts were checked against AWS) and against the
 * emulator's HTTP server. Each test file starts one pair of servers; scenarios return a
 * transcript of normalised outputs and errors, and the two transcripts must be equal.
 */
import { decode as decodeCbor, Tagged } from 'cborg';
import { createCipheriv, createDecipheriv } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import { request as httpRequest } from 'node:http';
import { DescribeStreamSummaryCommand, KinesisClient, ListStreamsCommand } from '@aws-sdk/client-kinesis';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { RealClock, ScaledClock } from '../../src/engine/common/clock';
import { startEmulatorServer, type EmulatorServer } from '../../server/http';
import { KNOWN_DIFFERENCES, stripFieldsKinesaliteLacks } from './known-differences';
import { KNOWN_GAPS } from './known-gaps';

const require = createRequire(import.meta.url);

/**
 * CREATING/UPDATING/DELETING last this long on both servers. Long enough that a scenario can
 * observe the transient state on a busy 2-core machine (50 ms proved flaky), short enough to keep
 * the run quick.
 */
export const STATE_DELAY_MS = 150;

/** The account's shard quota on both servers: AWS's default in us-east-1, us-west-2 and eu-west-1. */
export const SHARD_LIMIT = 500;

export type Target = 'kinesalite' | 'emulator';

/** What one side of a pair offers a scenario. */
export interface Kit {
  readonly target: Target;
  /** This scenario's stream name (the same on both servers), or a variant of it. */
  stream(suffix?: string): string;
  readonly client: KinesisClient;
  readonly url: string;
  /** Runs one SDK call and records its normalised output or error in the transcript; returns the raw output (or undefined on error). */
  call<O>(command: { input: unknown } & object, note?: string): Promise<O | undefined>;
  /** Records a value (already plain) in the transcript. */
  note(label: string, value: unknown): void;
  /** Polls DescribeStreamSummary until the stream is ACTIVE (not recorded). */
  waitActive(streamName: string): Promise<void>;
  /** Polls until the stream is gone (not recorded). */
  waitGone(streamName: string): Promise<void>;
  /** Sends raw bytes to the server (no SDK) and returns status, error type and parsed body. */
  raw(headers: Record<string, string>, body: string | Buffer, method?: string): Promise<RawAnswer>;
  /** A shard iterator that was issued more than five minutes ago (see makeExpired in each side). */
  expire(iterator: string): Promise<string>;
  readonly transcript: unknown[];
}

export interface RawAnswer {
  status: number;
  body: unknown;
}

export interface Pair {
  kinesalite: { url: string; close(): Promise<void> };
  emulator: EmulatorServer & { clock: ScaledClock };
  close(): Promise<void>;
}

/** Starts kinesalite in-process and the emulator server, both on 127.0.0.1 and free ports. */
export const startPair = async (): Promise<Pair> => {
  const kinesalite = require('kinesalite') as (opts: Record<string, number>) => Server;
  const k = kinesalite({
    createStreamMs: STATE_DELAY_MS,
    deleteStreamMs: STATE_DELAY_MS,
    updateStreamMs: STATE_DELAY_MS,
    // AWS's default open-shard quota in us-east-1 (kinesalite's own default is 10).
    shardLimit: SHARD_LIMIT,
  });
  await new Promise<void>((resolve) => k.listen(0, '127.0.0.1', resolve));
  const kUrl = `http://127.0.0.1:${(k.address() as AddressInfo).port}`;
  // The emulator's time can jump forward (iterator expiry) without waiting five minutes.
  const clock = new ScaledClock(new RealClock(), 1);
  const e = await startEmulatorServer({ port: 0, host: '127.0.0.1', stateDelayMs: STATE_DELAY_MS, clock });
  // The first SDK call in a process loads and resolves a lot; pay for it before any timed scenario.
  await Promise.all(
    [kUrl, e.url].map(async (url) => {
      const c = clientFor(url);
      await c.send(new ListStreamsCommand({}));
      c.destroy();
    }),
  );
  return {
    kinesalite: { url: kUrl, close: () => new Promise<void>((resolve) => k.close(() => resolve())) },
    emulator: Object.assign(e, { clock }),
    close: async () => {
      await Promise.all([new Promise<void>((resolve) => k.close(() => resolve())), e.close()]);
    },
  };
};

export const clientFor = (url: string): KinesisClient =>
  new KinesisClient({
    endpoint: url,
    region: 'us-east-1',
    credentials: { accessKeyId: 'AKIDCONFORMANCE', secretAccessKey: 'conformance' },
    // Plain HTTP/1.1: the SDK's HTTP/2 default fails against a plain-HTTP endpoint.
    requestHandler: new NodeHttpHandler({ connectionTimeout: 2000, requestTimeout: 10000 }),
    // One attempt: a retried throttle would hide the answer under test and slow the run.
    maxAttempts: 1,
  });

// ---- normalisation ----

const SEQ = /\b\d{20,}\b/g;
const AMZ_TIME = /\b(Mon|Tue|Wed|Thu|Fri|Sat|Sun) [A-Z][a-z]{2} \d{2} \d{2}:\d{2}:\d{2} UTC \d{4}\b/g;
const JAVA_HASH = /@[0-9a-f]{1,8}\b/g;
/** Epoch milliseconds inside a message (the two servers answer a few ms apart). */
const EPOCH_MS = /\b1\d{12}\b/g;

/** Stable placeholders for one transcript: the first sequence number seen is <seq:1>, and so on. */
export class Normaliser {
  private readonly seqs = new Map<string, string>();
  private seq(s: string): string {
    let p = this.seqs.get(s);
    if (!p) this.seqs.set(s, (p = `<seq:${this.seqs.size + 1}>`));
    return p;
  }
  text(s: string): string {
    return s
      .replace(SEQ, (m) => this.seq(m))
      .replace(AMZ_TIME, '<time>')
      .replace(JAVA_HASH, '@<hash>')
      .replace(EPOCH_MS, '<millis>');
  }
  value(v: unknown, key = ''): unknown {
    if (v === null || v === undefined) return v;
    if (v instanceof Date) return '<date>';
    if (v instanceof Uint8Array) return `<bytes:${Buffer.from(v).toString('utf8')}>`;
    if (Array.isArray(v)) return v.map((x) => this.value(x, key));
    if (typeof v === 'object') {
      const out: Record<string, unknown> = {};
      for (const [k, x] of Object.entries(v as Record<string, unknown>)) {
        if (k === '$metadata') continue;
        out[k] = this.value(x, k);
      }
      return out;
    }
    // How far behind the tip a read is depends on timing; the scenarios note it where it matters.
    if (key === 'MillisBehindLatest' && typeof v === 'number') return '<ms>';
    if (typeof v === 'string') {
      if (/ShardIterator$/.test(key)) return '<iterator>';
      if (key === 'NextToken') return '<token>';
      // Hash keys are deterministic (2^128 split evenly): compare them as they are.
      if (/HashKey$/.test(key)) return v;
      return this.text(v);
    }
    return v;
  }
  error(e: unknown): { error: string; message: string | undefined; status: number | undefined } {
    const err = e as { name?: string; message?: string; $metadata?: { httpStatusCode?: number } };
    // The SDK fills in a generic text when the server sends none ("UnknownError" or the code).
    const message =
      err.message && err.message !== err.name && err.message !== 'UnknownError'
        ? this.text(err.message)
        : undefined;
    return { error: err.name ?? 'Error', message, status: err.$metadata?.httpStatusCode };
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const rawRequest = (url: string, method: string, headers: Record<string, string>, body: string | Buffer) =>
  new Promise<RawAnswer>((resolve, reject) => {
    const req = httpRequest(url, { method, headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const bytes = Buffer.concat(chunks);
        if (res.headers['content-type'] === 'application/x-amz-cbor-1.1') {
          // Tag 1 (a time) kept as a Tagged value, so a transcript shows how each server sent it.
          resolve({ status: res.statusCode ?? 0, body: { cbor: decodeCbor(bytes, { tags: Tagged.preserve(1) }) } });
          return;
        }
        const text = bytes.toString('utf8');
        let body: unknown = text;
        try {
          body = text ? JSON.parse(text) : '';
        } catch {
          /* not JSON: keep the text */
        }
        resolve({ status: res.statusCode ?? 0, body });
      });
    });
    req.on('error', reject);
    req.end(body);
  });

// kinesalite's iterators are AES-encrypted "<14-digit ms>/<stream>/<shard>/<seq>/<pad>" with a fixed key
// (node_modules/kinesalite/db/index.js); re-stamping one 301 s in the past gives a genuinely expired iterator.
const KINESALITE_KEY = Buffer.from('1133a5a833666b49abf28c8ba302930f0b2fb240dccd43cf4dfbc0ca91f17751', 'hex');
const KINESALITE_IV = Buffer.from('7bf139dbabbea2d9995d6fcae1dff7da', 'hex');
const backdateKinesaliteIterator = (iterator: string, byMs: number): string => {
  const buf = Buffer.from(iterator, 'base64');
  const d = createDecipheriv('aes-256-cbc', KINESALITE_KEY, KINESALITE_IV);
  const plain = Buffer.concat([d.update(buf.subarray(8)), d.final()])
    .toString('utf8')
    .split('/');
  plain[0] = String(Number(plain[0]) - byMs).padStart(14, '0');
  const c = createCipheriv('aes-256-cbc', KINESALITE_KEY, KINESALITE_IV);
  return Buffer.concat([buf.subarray(0, 8), c.update(plain.join('/'), 'utf8'), c.final()]).toString('base64');
};

export const makeKit = (target: Target, pair: Pair, id = 0): Kit => {
  const url = target === 'kinesalite' ? pair.kinesalite.url : pair.emulator.url;
  const client = clientFor(url);
  const n = new Normaliser();
  const transcript: unknown[] = [];
  const describeStatus = async (StreamName: string): Promise<string | undefined> => {
    try {
      const out = await client.send(new DescribeStreamSummaryCommand({ StreamName }));
      return out.StreamDescriptionSummary?.StreamStatus;
    } catch (e) {
      if ((e as Error).name === 'ResourceNotFoundException') return undefined;
      throw e;
    }
  };
  return {
    target,
    client,
    url,
    transcript,
    stream: (suffix) => `c${id}${suffix ? `-${suffix}` : ''}`,
    async call<O>(command: { input: unknown } & object, note?: string): Promise<O | undefined> {
      const op = command.constructor.name.replace(/Command$/, '');
      const label = note ? `${op} ${note}` : op;
      try {
        const out = (await client.send(command as never)) as O;
        transcript.push({ [label]: n.value(out) });
        return out;
      } catch (e) {
        if (!(e as { $metadata?: unknown }).$metadata) throw e;
        transcript.push({ [label]: n.error(e) });
        return undefined;
      }
    },
    note(label, value) {
      transcript.push({ [label]: n.value(value) });
    },
    async waitActive(name) {
      for (let i = 0; i < 200; i++) {
        if ((await describeStatus(name)) === 'ACTIVE') return;
        await sleep(10);
      }
      throw new Error(`${target}: ${name} never became ACTIVE`);
    },
    async waitGone(name) {
      for (let i = 0; i < 200; i++) {
        if ((await describeStatus(name)) === undefined) return;
        await sleep(10);
      }
      throw new Error(`${target}: ${name} never went away`);
    },
    raw: (headers, body, method = 'POST') => rawRequest(url, method, headers, body),
    async expire(iterator) {
      const ms = 300_001;
      if (target === 'kinesalite') return backdateKinesaliteIterator(iterator, ms);
      pair.emulator.clock.skip(ms);
      return iterator;
    },
  };
};

export type Scenario = (kit: Kit) => Promise<void>;

let scenarioCount = 0;

/** `CONFORMANCE_DUMP=/tmp/dir npx vitest run test/conformance` writes both transcripts of every scenario there. */
const dump = (dir: string, id: number, name: string, reference: unknown[], emulator: unknown[]) => {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `c${id}-${name.replace(/[^a-zA-Z0-9]+/g, '-').slice(0, 60)}.json`);
  writeFileSync(file, JSON.stringify({ name, kinesalite: reference, emulator }, null, 1));
};

/**
 * Declares one conformance scenario: it runs against both servers and the normalised
 * transcripts must be equal. `check` may pin facts of the reference transcript (so a
 * scenario cannot pass by both sides being wrong the same way).
 * A scenario listed in KNOWN_GAPS runs as `it.fails`: it must still differ, and the day the
 * emulator is fixed the run says so, and the entry is removed.
 */
export const scenario = (
  name: string,
  getPair: () => Pair,
  run: Scenario,
  check?: (reference: unknown[]) => void,
): void => {
  const id = ++scenarioCount;
  const body = async () => {
    const pair = getPair();
    const k = makeKit('kinesalite', pair, id);
    const e = makeKit('emulator', pair, id);
    try {
      // A side that throws (a wait that never ends, say) shows as the last entry of its transcript.
      const settle = (kit: Kit) =>
        run(kit).catch((err: unknown) => void kit.transcript.push({ thrown: String(err) }));
      await Promise.all([settle(k), settle(e)]);
    } finally {
      k.client.destroy();
      e.client.destroy();
    }
    if (process.env.CONFORMANCE_DUMP)
      dump(process.env.CONFORMANCE_DUMP, id, name, k.transcript, e.transcript);
    check?.(k.transcript);
    expect(stripFieldsKinesaliteLacks(e.transcript)).toEqual(k.transcript);
  };
  if (name in KNOWN_GAPS) it.fails(`${name} [KNOWN GAP: ${KNOWN_GAPS[name]}]`, body);
  else it(name, body);
};

/**
 * One pair of servers for the calling test file, and a `scenario` bound to it. Scenarios in a
 * file run one after another on the same pair, each on its own streams.
 */
export const conformance = () => {
  let pair: Pair | undefined;
  beforeAll(async () => {
    pair = await startPair();
  });
  afterAll(() => pair?.close());
  const getPair = () => {
    if (!pair) throw new Error('the servers did not start');
    return pair;
  };
  return Object.assign(
    (name: string, run: Scenario, check?: (reference: unknown[]) => void) =>
      scenario(name, getPair, run, check),
    { pair: getPair },
  );
};

/**
 * Runs every entry of known-differences.ts as a test: both servers play the scenario, and each
 * answer is asserted (kinesalite's, then the emulator's), and the two must indeed differ.
 */
export const knownDifferences = () => {
  let pair: Pair | undefined;
  beforeAll(async () => {
    pair = await startPair();
  });
  afterAll(() => pair?.close());
  for (const d of KNOWN_DIFFERENCES) {
    const id = ++scenarioCount;
    it(`${d.name} (${d.reason})`, async () => {
      if (!pair) throw new Error('the servers did not start');
      const k = makeKit('kinesalite', pair, id);
      const e = makeKit('emulator', pair, id);
      try {
        await Promise.all([d.run(k), d.run(e)]);
      } finally {
        k.client.destroy();
        e.client.destroy();
      }
      if (process.env.CONFORMANCE_DUMP)
        dump(process.env.CONFORMANCE_DUMP, id, `diff-${d.name}`, k.transcript, e.transcript);
      d.kinesalite(k.transcript, k.stream());
      d.emulator(e.transcript, e.stream());
      expect(e.transcript).not.toEqual(k.transcript);
    });
  }
};
