import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ConnectionSettings } from '../../aws/connection';
import { cliConnectionArgs, loadRemembered, saveRemembered, SESSION_KEY, useConnectionStore } from './connection';

const memoryStorage = () => {
  const items = new Map<string, string>();
  return {
    items,
    getItem: (k: string) => items.get(k) ?? null,
    setItem: (k: string, v: string) => void items.set(k, v),
    removeItem: (k: string) => void items.delete(k),
  };
};

const aws: ConnectionSettings = {
  mode: 'aws',
  region: 'us-west-2',
  credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' },
};

describe('remembering the connection for a tab', () => {
  it('keeps the settings only when asked, and forgets them when asked not to', () => {
    const storage = memoryStorage();
    saveRemembered(aws, false, storage);
    expect(storage.items.size).toBe(0);
    saveRemembered(aws, true, storage);
    expect(loadRemembered(storage)).toEqual(aws);
    saveRemembered({ mode: 'emulated', region: 'us-east-1' }, false, storage);
    expect(storage.items.has(SESSION_KEY)).toBe(false);
    expect(loadRemembered(storage)).toBeUndefined();
  });

  it('ignores stored text that is not a usable connection (AWS mode without keys, a bad endpoint, not JSON)', () => {
    const storage = memoryStorage();
    storage.setItem(SESSION_KEY, JSON.stringify({ mode: 'aws', region: 'us-east-1' }));
    expect(loadRemembered(storage)).toBeUndefined();
    storage.setItem(SESSION_KEY, JSON.stringify({ ...aws, endpoint: 'ftp://127.0.0.1' }));
    expect(loadRemembered(storage)).toBeUndefined();
    storage.setItem(SESSION_KEY, '{not json');
    expect(loadRemembered(storage)).toBeUndefined();
  });
});

describe('forgetting the credentials', () => {
  afterEach(() => vi.unstubAllGlobals());

  it("drops them from memory and from the tab's storage at once, and goes back to the emulator", () => {
    const storage = memoryStorage();
    vi.stubGlobal('sessionStorage', storage);
    const store = useConnectionStore;
    store.getState().setSettings(aws, true);
    expect(storage.items.get(SESSION_KEY)).toContain('secret');
    expect(store.getState().lastAws).toEqual(aws);

    store.getState().forget();
    expect(storage.items.has(SESSION_KEY)).toBe(false);
    expect(store.getState()).toMatchObject({ settings: { mode: 'emulated' }, remember: false, lastAws: undefined });
    expect(JSON.stringify(store.getState())).not.toContain('secret');
  });
});

describe('the AWS CLI global options for a connection', () => {
  it('adds nothing in emulated mode, --region in AWS mode, and --endpoint-url when overridden', () => {
    expect(cliConnectionArgs('kinesis', { mode: 'emulated', region: 'us-east-1' })).toEqual([]);
    expect(cliConnectionArgs('kinesis', aws)).toEqual(['--region', 'us-west-2']);
    expect(cliConnectionArgs('s3', { ...aws, endpoint: 'http://127.0.0.1:4567' })).toEqual([
      '--region',
      'us-west-2',
      '--endpoint-url',
      'http://127.0.0.1:4567',
    ]);
  });

  it("names each command's own service endpoint when one is set", () => {
    const mixed = { ...aws, endpoint: 'http://127.0.0.1:4567', endpoints: { kinesis: 'http://127.0.0.1:4615' } };
    expect(cliConnectionArgs('kinesis', mixed)).toEqual(['--region', 'us-west-2', '--endpoint-url', 'http://127.0.0.1:4615']);
    expect(cliConnectionArgs('firehose', mixed)).toEqual(['--region', 'us-west-2', '--endpoint-url', 'http://127.0.0.1:4567']);
    expect(cliConnectionArgs('s3', { ...aws, endpoints: { kinesis: 'http://127.0.0.1:4615' } })).toEqual(['--region', 'us-west-2']);
  });
});

describe('remembered per-service endpoints', () => {
  it('keeps valid ones and refuses a stored connection with a bad or unknown one', () => {
    const storage = memoryStorage();
    const withOwn = { ...aws, endpoints: { kinesis: 'http://127.0.0.1:4615' } };
    saveRemembered(withOwn, true, storage);
    expect(loadRemembered(storage)).toEqual(withOwn);
    storage.setItem(SESSION_KEY, JSON.stringify({ ...aws, endpoints: { kinesis: 'kinesalite:4615' } }));
    expect(loadRemembered(storage)).toBeUndefined();
    storage.setItem(SESSION_KEY, JSON.stringify({ ...aws, endpoints: { sqs: 'http://127.0.0.1:4615' } }));
    expect(loadRemembered(storage)).toBeUndefined();
  });
});
