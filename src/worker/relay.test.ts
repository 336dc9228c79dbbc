import { afterEach, describe, expect, it } from 'vitest';
import { encodeUtf8, type HttpRequestLike } from '../engine/protocol/http';
import { portTransport, servePort } from './relay';

const req: HttpRequestLike = { method: 'POST', path: '/', query: {}, headers: { 'x-amz-target': 'Kinesis_20131202.ListStreams' }, body: encodeUtf8('{}') };

const closers: (() => void)[] = [];
afterEach(() => closers.splice(0).forEach((c) => c()));

const pair = (answer: (r: HttpRequestLike) => Promise<{ statusCode: number; headers: Record<string, string>; body: string }>) => {
  const channel = new MessageChannel();
  closers.push(servePort(channel.port1 as never, answer));
  const transport = portTransport(channel.port2 as never);
  closers.push(() => transport.close());
  return transport;
};

describe('the MessagePort relay to the page emulator', () => {
  it('matches each answer to its request, whatever order they come back in', async () => {
    const transport = pair(async (r) => {
      const n = Number(r.headers['x-n']);
      await new Promise((done) => setTimeout(done, n === 1 ? 30 : 1));
      return { statusCode: 200, headers: {}, body: `answer ${n}` };
    });
    const [a, b] = await Promise.all([
      transport({ ...req, headers: { ...req.headers, 'x-n': '1' } }),
      transport({ ...req, headers: { ...req.headers, 'x-n': '2' } }),
    ]);
    expect([a.body, b.body]).toEqual(['answer 1', 'answer 2']);
  });

  it('turns a failure of the emulator itself into a rejected request', async () => {
    const transport = pair(async () => {
      throw new Error('boom');
    });
    await expect(transport(req)).rejects.toThrow('emulator failure: boom');
  });

  it('rejects requests still waiting when the connection closes', async () => {
    const transport = pair(() => new Promise(() => {}));
    const waiting = transport(req);
    transport.close();
    await expect(waiting).rejects.toThrow('the emulator connection was closed');
  });
});
