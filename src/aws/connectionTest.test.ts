import { CreateStreamCommand, ListStreamsCommand } from '@aws-sdk/client-kinesis';
import { GetObjectCommand } from '@aws-sdk/client-s3';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import type { AddressInfo, Server } from 'node:net';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulatorServer, type EmulatorServer } from '../../server/http';
import { createServiceClients } from './clients';
import type { ConnectionSettings } from './connection';
import { checkServices } from './connectionTest';
import { CALL_SITE } from './failures';

const require = createRequire(import.meta.url);

describe('the connection test, service by service, over HTTP', () => {
  let server: EmulatorServer;
  let kinesalite: Server;
  let kinesaliteUrl: string;
  beforeAll(async () => {
    server = await startEmulatorServer({ port: 0, stateDelayMs: 0 });
    kinesalite = (require('kinesalite') as (o: Record<string, number>) => Server)({ createStreamMs: 0 });
    await new Promise<void>((resolve) => kinesalite.listen(0, '127.0.0.1', resolve));
    kinesaliteUrl = `http://127.0.0.1:${(kinesalite.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await server.close();
    await new Promise((resolve) => kinesalite.close(resolve));
  });

  const settings = (o: Partial<ConnectionSettings>): ConnectionSettings => ({
    mode: 'aws',
    region: 'us-east-1',
    credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' },
    ...o,
  });
  const clientsFor = (s: ConnectionSettings) => createServiceClients(s, { httpHandler: new NodeHttpHandler() });

  it('answers for all five services at the one endpoint', async () => {
    const clients = clientsFor(settings({ endpoint: server.url }));
    const checks = await checkServices(clients);
    clients.destroy();
    expect(checks.map((c) => [c.service, c.action, c.ok, c.endpoint])).toEqual([
      ['kinesis', 'ListStreams', true, server.url],
      ['firehose', 'ListDeliveryStreams', true, server.url],
      ['s3', 'ListBuckets', true, server.url],
      ['cloudwatch', 'ListMetrics', true, server.url],
      ['analytics', 'ListApplications', true, server.url],
    ]);
  });

  it('sends Kinesis to its own endpoint (kinesalite) and the rest to the one for all', async () => {
    const mixed = settings({ endpoint: server.url, endpoints: { kinesis: kinesaliteUrl } });
    const clients = clientsFor(mixed);
    await clients.kinesis.send(new CreateStreamCommand({ StreamName: 'at-kinesalite', ShardCount: 1 }));
    const checks = await checkServices(clients);
    clients.destroy();
    expect(checks.find((c) => c.service === 'kinesis')).toMatchObject({ ok: true, found: '1 stream', endpoint: kinesaliteUrl });
    expect(checks.every((c) => c.ok)).toBe(true);
    // The emulator server never saw the stream.
    const direct = clientsFor(settings({ endpoint: server.url }));
    expect((await direct.kinesis.send(new ListStreamsCommand({}))).StreamNames).not.toContain('at-kinesalite');
    direct.destroy();
  });

  it("reports a service nothing answers for, with what the page's probe found", async () => {
    const dead = 'http://127.0.0.1:1';
    const clients = clientsFor(settings({ endpoint: server.url, endpoints: { s3: dead } }));
    const probed: string[] = [];
    const checks = await checkServices(clients, {
      probe: (url) => (probed.push(url), Promise.resolve('unreachable')),
    });
    clients.destroy();
    const s3 = checks.find((c) => c.service === 's3');
    expect(s3).toMatchObject({ ok: false, failure: { type: 'NetworkError', message: `No answer from ${dead}.` } });
    expect(s3?.ok === false && s3.failure.hint).toMatch(/^Nothing answers at `http:\/\/127.0.0.1:1`/);
    expect(probed).toEqual([`${dead}`]);
    expect(checks.filter((c) => c.ok)).toHaveLength(4);
  });

  it('marks every error with the call it came from', async () => {
    const clients = clientsFor(settings({ endpoint: server.url }));
    const e = await clients.s3.send(new GetObjectCommand({ Bucket: 'no-such-bucket', Key: 'k' })).catch((x: unknown) => x);
    clients.destroy();
    expect((e as Record<string, unknown>)[CALL_SITE]).toEqual({ service: 's3', operation: 'GetObject' });
  });
});
