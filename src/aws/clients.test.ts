import { DescribeStreamSummaryCommand } from '@aws-sdk/client-kinesis';
import { ListMetricsCommand } from '@aws-sdk/client-cloudwatch';
import { describe, expect, it } from 'vitest';
import { Emulator } from '../engine/emulator';
import type { HttpRequestLike } from '../engine/protocol/http';
import { createServiceClients, defaultConnectionSettings, EMULATOR_ENDPOINT } from './clients';

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
    expect(seen[0].headers['authorization']).toMatch(/^AWS4-HMAC-SHA256 Credential=AKIAEMULATOREXAMPLE\/\d{8}\/us-east-1\/kinesis\/aws4_request/);
    expect(seen[0].headers['host']).toBe(new URL(EMULATOR_ENDPOINT).host);
    clients.destroy();
  });

  it('sends CloudWatch calls in awsJson 1.0 to the same transport', async () => {
    const { clients, seen } = emulated();
    await clients.cloudwatch.send(new ListMetricsCommand({ Namespace: 'AWS/Kinesis' })).catch(() => undefined);
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
        return { ...res, statusCode: 400, headers: { ...res.headers, 'x-amzn-errortype': 'ProvisionedThroughputExceededException' }, body: '{"__type":"ProvisionedThroughputExceededException","message":"Rate exceeded for shard"}' };
      },
    });
    await expect(clients.kinesis.send(new DescribeStreamSummaryCommand({ StreamName: 'x' }))).rejects.toMatchObject({
      name: 'ProvisionedThroughputExceededException',
      message: 'Rate exceeded for shard',
    });
    expect(calls).toBe(1);
  });

  it('refuses emulated mode without a transport and AWS mode without credentials', () => {
    expect(() => createServiceClients(defaultConnectionSettings)).toThrow('emulated mode needs the emulator transport');
    expect(() => createServiceClients({ mode: 'aws', region: 'eu-west-1' })).toThrow('AWS mode needs credentials');
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
});
