/**
 * Put-to-delivery latency on loopback: records put one at a time (PutRecord over HTTP/1.1) reach a
 * SubscribeToShard event stream (HTTP/2) and, beside it, a GetRecords poller at 5 calls/s (the shard's
 * read limit). The server runs in this process; a few hundred records, so it stays bounded.
 */
import {
  CreateStreamCommand,
  DescribeStreamConsumerCommand,
  DescribeStreamSummaryCommand,
  GetRecordsCommand,
  GetShardIteratorCommand,
  KinesisClient,
  PutRecordCommand,
  RegisterStreamConsumerCommand,
  SubscribeToShardCommand,
} from '@aws-sdk/client-kinesis';
import { NodeHttp2Handler, NodeHttpHandler } from '@smithy/node-http-handler';
import { startEmulatorServer } from '../server/http';

const RECORDS = 300;
const GAP_MS = 20;
const POLL_MS = 200;

const server = await startEmulatorServer({ port: 0, stateDelayMs: 50, log: () => {} });
const client = (requestHandler: NodeHttpHandler | NodeHttp2Handler) =>
  new KinesisClient({ endpoint: server.url, region: 'us-east-1', credentials: { accessKeyId: 'x', secretAccessKey: 'y' }, requestHandler });
const h1 = client(new NodeHttpHandler());
const h2 = client(new NodeHttp2Handler());
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

await h1.send(new CreateStreamCommand({ StreamName: 'bench', ShardCount: 1 }));
let streamArn = '';
for (;;) {
  const d = (await h1.send(new DescribeStreamSummaryCommand({ StreamName: 'bench' }))).StreamDescriptionSummary!;
  streamArn = d.StreamARN!;
  if (d.StreamStatus === 'ACTIVE') break;
  await sleep(20);
}
const consumerArn = (await h1.send(new RegisterStreamConsumerCommand({ StreamARN: streamArn, ConsumerName: 'bench' }))).Consumer!.ConsumerARN!;
while ((await h1.send(new DescribeStreamConsumerCommand({ ConsumerARN: consumerArn }))).ConsumerDescription!.ConsumerStatus !== 'ACTIVE') await sleep(20);

const putAt = new Map<string, number>();
const pushed: number[] = [];
const polled: number[] = [];
const decoder = new TextDecoder();

const sub = await h2.send(new SubscribeToShardCommand({ ConsumerARN: consumerArn, ShardId: 'shardId-000000000000', StartingPosition: { Type: 'LATEST' } }));
const subscribing = (async () => {
  for await (const e of sub.EventStream!) {
    const now = performance.now();
    for (const r of e.SubscribeToShardEvent?.Records ?? []) pushed.push(now - putAt.get(decoder.decode(r.Data))!);
    if (pushed.length >= RECORDS) break;
  }
})();

let iterator = (await h1.send(new GetShardIteratorCommand({ StreamName: 'bench', ShardId: 'shardId-000000000000', ShardIteratorType: 'LATEST' }))).ShardIterator;
const polling = (async () => {
  while (polled.length < RECORDS && iterator) {
    const r = await h1.send(new GetRecordsCommand({ ShardIterator: iterator }));
    const now = performance.now();
    for (const rec of r.Records ?? []) polled.push(now - putAt.get(decoder.decode(rec.Data))!);
    iterator = r.NextShardIterator;
    await sleep(POLL_MS);
  }
})();

for (let i = 0; i < RECORDS; i++) {
  const id = `r${i}`;
  putAt.set(id, performance.now());
  await h1.send(new PutRecordCommand({ StreamName: 'bench', PartitionKey: 'k', Data: new TextEncoder().encode(id) }));
  await sleep(GAP_MS);
}
await Promise.race([Promise.all([subscribing, polling]), sleep(10_000)]);

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))].toFixed(1) : 'n/a';
};
console.log(`${RECORDS} records, one PutRecord every ${GAP_MS} ms, loopback; latency from sending the put to the reader seeing the record:\n`);
console.log('| reader | records seen | p50 ms | p99 ms |');
console.log('|---|---|---|---|');
console.log(`| SubscribeToShard (HTTP/2 event stream) | ${pushed.length} | ${pct(pushed, 50)} | ${pct(pushed, 99)} |`);
console.log(`| GetRecords polling, 5 calls/s | ${polled.length} | ${pct(polled, 50)} | ${pct(polled, 99)} |`);
h1.destroy();
h2.destroy();
await server.close();
process.exit(0);
