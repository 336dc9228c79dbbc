import { describe, expect, it } from 'vitest';
import { VirtualClock } from '../common/clock';
import { PlatformRng } from '../common/rng';
import { defaultEngineOptions } from '../protocol/context';
import { decodeUtf8, encodeUtf8 } from '../protocol/http';
import { Router } from '../protocol/router';
import { queryErrorHeader } from './errors';
import { CloudWatchService } from './service';
import { MetricStore } from './store';
import { T0 } from './testing';
import { testSignatureHeaders } from '../protocol/testing';

const router = () => {
  const clock = new VirtualClock(T0);
  const store = new MetricStore(clock);
  const ctx = { clock, rng: new PlatformRng(), metrics: store, options: defaultEngineOptions, accountId: '000000000000', defaultRegion: 'us-east-1' };
  return new Router(ctx).register(new CloudWatchService({ clock, store }));
};
const post = (op: string, body: unknown) => ({
  method: 'POST',
  path: '/',
  query: {},
  headers: { ...testSignatureHeaders('us-east-1', 'monitoring'), 'x-amz-target': `GraniteServiceVersion20100801.${op}`, 'content-type': 'application/x-amz-json-1.0', 'x-amzn-query-mode': 'true' },
  body: encodeUtf8(JSON.stringify(body)),
});

describe('CloudWatchService on the router', () => {
  it('answers in awsJson1_0', async () => {
    const res = await router().handle(post('ListMetrics', {}));
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/x-amz-json-1.0');
    expect(JSON.parse(String(res.body))).toEqual({ Metrics: [] });
  });

  it('sends errors with the shape name in __type and the awsQuery code in x-amzn-query-error', async () => {
    const res = await router().handle(post('PutMetricData', { Namespace: 'AWS/X', MetricData: [{ MetricName: 'M', Value: 1 }] }));
    expect(res.statusCode).toBe(400);
    expect(res.headers['x-amzn-query-error']).toBe('InvalidParameterValue;Sender');
    expect(res.headers['x-amzn-errortype']).toBe('InvalidParameterValueException');
    const body = typeof res.body === 'string' ? res.body : decodeUtf8(res.body);
    expect(JSON.parse(body)).toEqual({ __type: 'InvalidParameterValueException', message: 'The value AWS/ for parameter Namespace is invalid.' });
  });

  it('maps each modelled error to its awsQuery code; unknown ones keep their name', () => {
    expect(queryErrorHeader('MissingRequiredParameterException')).toBe('MissingParameter;Sender');
    expect(queryErrorHeader('InvalidParameterCombinationException')).toBe('InvalidParameterCombination;Sender');
    expect(queryErrorHeader('ValidationException')).toBe('ValidationError;Sender');
    expect(queryErrorHeader('InvalidNextToken')).toBe('InvalidNextToken;Sender');
    expect(queryErrorHeader('InternalServiceFault')).toBe('InternalServiceError;Receiver');
    expect(queryErrorHeader('UnknownOperationException')).toBe('UnknownOperationException;Sender');
  });

  it('knows exactly its four operations', async () => {
    const s = new CloudWatchService({ clock: new VirtualClock(T0), store: new MetricStore(new VirtualClock(T0)) });
    expect(['GetMetricData', 'GetMetricStatistics', 'ListMetrics', 'PutMetricData', 'PutMetricAlarm', 'toString'].map((o) => s.hasOperation(o))).toEqual([
      true,
      true,
      true,
      true,
      false,
      false,
    ]);
    const res = await router().handle(post('DescribeAlarms', {}));
    expect([res.statusCode, res.headers['x-amzn-query-error']]).toEqual([400, 'UnknownOperationException;Sender']);
  });
});
