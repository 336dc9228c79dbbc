import { DescribeStreamSummaryCommand } from '@aws-sdk/client-kinesis';
import { ListMetricsCommand } from '@aws-sdk/client-cloudwatch';
import { describe, expect, it } from 'vitest';
import { Emulator } from '../engine/emulator';
import type { HttpRequestLike } from '../engine/protocol/http';
import { CreateStreamCommand, ListStreamsCommand } from '@aws-sdk/client-kinesis';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import { createServer } from 'node:net';
import { afterAll, beforeAll } from 'vitest';
import { startEmulatorServer, type EmulatorServer } from '../../server/http';
import { EmulatorRestartedError } from '../worker/protocol';
import { createServiceClients, EMULATOR_ENDPOINT } from './clients';
import { defaultConnectionSettings, type ConnectionSettings } from './connection';
import { describeConnectionFailure } from './failures';

describe('createServiceClients', () => {
  const emulated = () => {
    const emulator = new Emulator();
    const seen: HttpRequestLike[] = [];
    const clients = createServiceClients(defaultConnectionSettings, {
      emulatorTransport: (req) => {
        seen.push(req);
        return emulator.handle(req);
      },
    });
    return { clients, seen };
  };

  it('sends Kinesis calls, signed for us-east-1 with the dummy key, to the emulator transport', async () => {
    const { clients, seen } = emulated();
    // Whatever the emulator answers, the request must have taken the emulator path.
    await clients.kinesis.send(new DescribeStreamSummaryCommand({ StreamName: 'x' })).catch(() => undefined);
    expect(seen).toHaveLength(1);
    expect(seen[0].headers['x-amz-target']).toBe('Kinesis_20131202.DescribeStreamSummary');
    expect(seen[0].headers['authorization']).toMatch(
      /^AWS4-HMAC-SHA256 Credential=AKIAEMULATOREXAMPLE\/\d{8}\/us-east-1\/kinesis\/aws4_request/,
    );
    expect(seen[0].headers['host']).toBe(new URL(EMULATOR_ENDPOINT).host);
    clients.destroy();
  });

  it('sends CloudWatch calls in awsJson 1.0 to the same transport', async () => {
    const { clients, seen } = emulated();
    await clients.cloudwatch
      .send(new ListMetricsCommand({ Namespace: 'AWS/Kinesis' }))
      .catch(() => undefined);
    expect(seen[0].headers['x-amz-target']).toBe('GraniteServiceVersion20100801.ListMetrics');
    clients.destroy();
  });

  it('does not retry an error away (throttling is shown, not hidden)', async () => {
    const emulator = new Emulator();
    let calls = 0;
    const clients = createServiceClients(defaultConnectionSettings, {
      emulatorTransport: async (req) => {
        calls++;
        const res = await emulator.handle(req);
        return {
          ...res,
          statusCode: 400,
          headers: { ...res.headers, 'x-amzn-errortype': 'ProvisionedThroughputExceededException' },
          body: '{"__type":"ProvisionedThroughputExceededException","message":"Rate exceeded for shard"}',
        };
      },
    });
    await expect(
      clients.kinesis.send(new DescribeStreamSummaryCommand({ StreamName: 'x' })),
    ).rejects.toMatchObject({
      name: 'ProvisionedThroughputExceededException',
      message: 'Rate exceeded for shard',
    });
    expect(calls).toBe(1);
  });

  it('sends a call again when the emulator stopped before answering it (it was restarted)', async () => {
    const emulator = new Emulator();
    let calls = 0;
    const clients = createServiceClients(defaultConnectionSettings, {
      emulatorTransport: async (req) => {
        if (++calls === 1) throw new EmulatorRestartedError();
        return emulator.handle(req);
      },
    });
    await clients.kinesis.send(new CreateStreamCommand({ StreamName: 'again', ShardCount: 1 }));
    expect(calls).toBe(2);
  });

  it('sends a write again when the emulator could not save it (500 InternalFailure)', async () => {
    const emulator = new Emulator();
    let calls = 0;
    const clients = createServiceClients(defaultConnectionSettings, {
      emulatorTransport: async (req) => {
        const res = await emulator.handle(req);
        if (++calls > 1) return res;
        return { statusCode: 500, headers: { 'content-type': 'application/x-amz-json-1.1' }, body: '{"__type":"InternalFailure","message":"not saved"}' };
      },
    });
    await expect(clients.kinesis.send(new ListStreamsCommand({}))).resolves.toMatchObject({ StreamNames: [] });
    expect(calls).toBe(2);
  });

  it('refuses emulated mode without a transport and AWS mode without credentials', () => {
    expect(() => createServiceClients(defaultConnectionSettings)).toThrow(
      'emulated mode needs the emulator transport',
    );
    expect(() => createServiceClients({ mode: 'aws', region: 'eu-west-1' })).toThrow(
      'AWS mode needs credentials',
    );
  });

  it('builds AWS-mode clients for the given region and endpoint', async () => {
    const clients = createServiceClients({
      mode: 'aws',
      region: 'eu-west-1',
      credentials: { accessKeyId: 'AKID', secretAccessKey: 'S' },
      endpoint: 'http://127.0.0.1:4567',
    });
    expect(await clients.kinesis.config.region()).toBe('eu-west-1');
    clients.destroy();
  });

  it('uses the standard retry mode with 3 attempts in AWS mode', async () => {
    const clients = createServiceClients({
      mode: 'aws',
      region: 'us-west-2',
      credentials: { accessKeyId: 'AKID', secretAccessKey: 'S' },
    });
    expect(await clients.kinesis.config.retryStrategy()).toMatchObject({ mode: 'standard' });
    expect(await clients.kinesis.config.maxAttempts()).toBe(3);
    expect(await clients.cloudwatch.config.region()).toBe('us-west-2');
    clients.destroy();
  });

  it('refuses an endpoint override that is not an http(s) URL', () => {
    const aws = (endpoint: string): ConnectionSettings => ({
      mode: 'aws',
      region: 'us-east-1',
      credentials: { accessKeyId: 'A', secretAccessKey: 'S' },
      endpoint,
    });
    expect(() => createServiceClients(aws('ftp://127.0.0.1:21'))).toThrow(
      'The endpoint must start with http:// or https://.',
    );
    expect(() => createServiceClients(aws('127.0.0.1:4567'))).toThrow(
      'The endpoint must start with http:// or https://.',
    );
  });
});

describe('AWS mode against an AWS-compatible server', () => {
  let server: EmulatorServer;
  beforeAll(async () => {
    server = await startEmulatorServer({ port: 0, stateDelayMs: 0 });
  });
  afterAll(() => server.close());

  const settings = (endpoint: string): ConnectionSettings => ({
    mode: 'aws',
    region: 'us-east-1',
    credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret', sessionToken: 'token' },
    endpoint,
  });

  it('sends signed requests over HTTP to the endpoint override', async () => {
    const clients = createServiceClients(settings(server.url), { httpHandler: new NodeHttpHandler() });
    await clients.kinesis.send(new CreateStreamCommand({ StreamName: 'over-http', ShardCount: 1 }));
    const listed = await clients.kinesis.send(new ListStreamsCommand({}));
    expect(listed.StreamNames).toEqual(['over-http']);
    clients.destroy();
  });

  it('explains a refused connection in plain words, naming the endpoint', async () => {
    // A port that was free a moment ago: nothing listens there.
    const port = await new Promise<number>((resolve) => {
      const s = createServer().listen(0, '127.0.0.1', () => {
        const p = (s.address() as { port: number }).port;
        s.close(() => resolve(p));
      });
    });
    const cfg = { ...settings(`http://127.0.0.1:${port}`) };
    const clients = createServiceClients(cfg, { httpHandler: new NodeHttpHandler() });
    const error = await clients.kinesis.send(new ListStreamsCommand({})).catch((e: unknown) => e);
    expect(describeConnectionFailure(error, cfg)).toMatchObject({
      type: 'NetworkError',
      message: `No answer from http://127.0.0.1:${port}.`,
    });
    clients.destroy();
  });
});
