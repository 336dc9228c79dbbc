import { describe, expect, it } from 'vitest';
import {
  connectionLabel,
  connectionTargets,
  defaultConnectionSettings,
  endpointError,
  endpointFor,
  namedEndpoints,
  type ConnectionSettings,
} from './connection';

const aws: ConnectionSettings = {
  mode: 'aws',
  region: 'us-west-2',
  credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' },
};

describe('endpoint overrides', () => {
  it('validates each endpoint the same way', () => {
    expect(endpointError('http://127.0.0.1:4567')).toBeUndefined();
    expect(endpointError('https://kinesis.us-east-1.amazonaws.com')).toBeUndefined();
    expect(endpointError('http://')).toBe('Enter a full URL such as http://127.0.0.1:4567.');
    expect(endpointError('not a url')).toBe('The endpoint must start with http:// or https://.');
    expect(endpointError('http://u:p@127.0.0.1:4567')).toBe('Do not put credentials in the endpoint URL.');
    expect(endpointError('http://127.0.0.1:4567/?a=1')).toBe('The endpoint cannot have a query string or fragment.');
  });

  it("sends a service to its own endpoint, else to the one for all services, else to AWS", () => {
    const s = { ...aws, endpoint: 'http://127.0.0.1:4567', endpoints: { kinesis: 'http://127.0.0.1:4615' } };
    expect(endpointFor(s, 'kinesis')).toBe('http://127.0.0.1:4615');
    expect(endpointFor(s, 's3')).toBe('http://127.0.0.1:4567');
    expect(endpointFor(aws, 's3')).toBeUndefined();
    expect(endpointFor({ ...aws, endpoints: { kinesis: '' } }, 'kinesis')).toBeUndefined();
    // The emulator has no endpoints, whatever is stored.
    expect(endpointFor({ ...s, mode: 'emulated' }, 'kinesis')).toBeUndefined();
    expect(namedEndpoints(s)).toEqual(['http://127.0.0.1:4567', 'http://127.0.0.1:4615']);
  });
});

describe('the connection label in the top bar', () => {
  it('names the mode, the region or the one endpoint', () => {
    expect(connectionLabel(defaultConnectionSettings)).toBe('Emulated');
    expect(connectionLabel(aws)).toBe('AWS · us-west-2');
    expect(connectionLabel({ ...aws, endpoint: 'http://127.0.0.1:4567' })).toBe('Endpoint · 127.0.0.1:4567');
  });

  it('says which services go elsewhere', () => {
    expect(connectionLabel({ ...aws, endpoints: { kinesis: 'http://127.0.0.1:4615' } })).toBe(
      'AWS · us-west-2 · Kinesis at 127.0.0.1:4615',
    );
    expect(
      connectionLabel({ ...aws, endpoint: 'http://127.0.0.1:4567', endpoints: { kinesis: 'http://127.0.0.1:4615', s3: 'http://localhost:4566' } }),
    ).toBe('Endpoint · 127.0.0.1:4567 · 2 overrides');
    // The same server named for the one service as for all: no override to speak of.
    expect(connectionLabel({ ...aws, endpoint: 'http://127.0.0.1:4567', endpoints: { s3: 'http://127.0.0.1:4567' } })).toBe(
      'Endpoint · 127.0.0.1:4567',
    );
    // Every service named one by one, all at the same server.
    const all = { kinesis: 'http://127.0.0.1:1', firehose: 'http://127.0.0.1:1', s3: 'http://127.0.0.1:1', cloudwatch: 'http://127.0.0.1:1', analytics: 'http://127.0.0.1:1' };
    expect(connectionLabel({ ...aws, endpoints: all })).toBe('Endpoint · 127.0.0.1:1');
  });

  it('lists where each service goes for the tooltip, once when they all go to one place', () => {
    expect(connectionTargets(aws)).toBe('AWS in us-west-2');
    expect(connectionTargets({ ...aws, endpoints: { kinesis: 'http://127.0.0.1:4615' } })).toBe(
      'Kinesis: http://127.0.0.1:4615; Firehose: AWS in us-west-2; S3: AWS in us-west-2; CloudWatch: AWS in us-west-2; Kinesis Analytics: AWS in us-west-2',
    );
  });
});
