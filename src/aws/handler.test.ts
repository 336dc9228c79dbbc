import { DescribeLimitsCommand, KinesisClient } from '@aws-sdk/client-kinesis';
import { describe, expect, it } from 'vitest';
import { Emulator } from '../engine/emulator';
import { EmulatorRequestHandler } from './handler';

describe('EmulatorRequestHandler', () => {
  it('carries a signed SDK request to the emulator and its error back to the SDK', async () => {
    const emulator = new Emulator();
    const seen: string[] = [];
    const client = new KinesisClient({
      region: 'eu-west-1',
      endpoint: 'http://emulator.local',
      credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' },
      requestHandler: new EmulatorRequestHandler(async (req) => {
        seen.push(req.headers['x-amz-target'], req.headers['authorization'].split(' ')[0]);
        return { ...(await emulator.handle(req)) };
      }),
    });
    // An operation the emulator does not implement: AWS's answer for an unknown operation.
    await expect(client.send(new DescribeLimitsCommand({}))).rejects.toMatchObject({ name: 'UnknownOperationException' });
    expect(seen).toEqual(['Kinesis_20131202.DescribeLimits', 'AWS4-HMAC-SHA256']);
  });
});
