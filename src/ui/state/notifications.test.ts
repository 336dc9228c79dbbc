import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  applicationChange,
  inScope,
  keepOnRoute,
  outcomeOf,
  TRANSIENT_NOTICE_MS,
  useNotificationStore,
  watchKey,
  type Notice,
  type Watch,
} from './notifications';

const store = () => useNotificationStore.getState();
const shown = () => store().items.map((n) => n.content);

afterEach(() => {
  store().clear();
  vi.useRealTimers();
});

describe('notifications', () => {
  it('shows the newest first and keeps at most five', () => {
    for (let i = 1; i <= 7; i++) store().push({ type: 'error', header: 'ResourceInUseException', content: `m${i}` });
    expect(shown()).toEqual(['m7', 'm6', 'm5', 'm4', 'm3']);
  });

  it('lets successes fade but keeps errors until dismissed', () => {
    vi.useFakeTimers();
    store().push({ type: 'success', content: 'Created bucket b1.' });
    const err = store().push({ type: 'error', header: 'LimitExceededException', content: 'too many shards' });
    vi.advanceTimersByTime(TRANSIENT_NOTICE_MS);
    expect(shown()).toEqual(['too many shards']);
    store().dismiss(err);
    expect(store().items).toEqual([]);
  });
});

describe('the same message twice', () => {
  it('is one notice, counted and moved to the top', () => {
    const first = store().push({ type: 'error', header: 'LimitExceededException', content: 'over the shard quota' });
    store().push({ type: 'info', content: 'The emulator clock moved 1 minute ahead.' });
    const again = store().push({ type: 'error', header: 'LimitExceededException', content: 'over the shard quota' });
    expect(again).toBe(first);
    expect(store().items.map((n) => [n.content, n.count])).toEqual([
      ['over the shard quota', 2],
      ['The emulator clock moved 1 minute ahead.', 1],
    ]);
  });

  it('restarts the fading of a success that is raised again', () => {
    vi.useFakeTimers();
    store().push({ type: 'success', content: 'Saved.' });
    vi.advanceTimersByTime(TRANSIENT_NOTICE_MS - 1000);
    store().push({ type: 'success', content: 'Saved.' });
    vi.advanceTimersByTime(TRANSIENT_NOTICE_MS - 1000);
    expect(shown()).toEqual(['Saved.']);
    vi.advanceTimersByTime(1000);
    expect(shown()).toEqual([]);
  });

  it('replaces a notice with the same key and another text, without counting', () => {
    store().push({ type: 'success', key: 'stream:s1', content: 'Data stream s1 is active.' });
    store().push({ type: 'in-progress', key: 'stream:s1', content: 'Deleting data stream s1' });
    expect(store().items.map((n) => [n.type, n.content, n.count])).toEqual([['in-progress', 'Deleting data stream s1', 1]]);
  });
});

describe('an operation in progress', () => {
  it('becomes its outcome in place, which then fades if it is a success', () => {
    vi.useFakeTimers();
    const id = store().push({ type: 'in-progress', key: 'stream:s1', content: 'Creating data stream s1' });
    vi.advanceTimersByTime(TRANSIENT_NOTICE_MS * 2);
    expect(shown()).toEqual(['Creating data stream s1']);
    store().update(id, { type: 'success', content: 'Data stream s1 is active.' });
    expect(store().items.map((n) => [n.id, n.type])).toEqual([[id, 'success']]);
    vi.advanceTimersByTime(TRANSIENT_NOTICE_MS);
    expect(shown()).toEqual([]);
  });
});

describe('moving to another page', () => {
  const notice = (type: Notice['type'], scope?: string[]): Notice => ({ id: 'x', key: 'x', count: 1, type, content: '', scope });

  it('matches a page and the pages under it, not a page that merely starts alike', () => {
    expect(inScope(['/streams/s1'], '/streams/s1')).toBe(true);
    expect(inScope(['/s3/b1'], '/s3/b1/2026/12/')).toBe(true);
    expect(inScope(['/streams/s1'], '/streams/s10')).toBe(false);
    expect(inScope(undefined, '/anywhere')).toBe(true);
  });

  it('drops successes, information and errors that concern other pages', () => {
    for (const type of ['success', 'info', 'warning', 'error'] as const) {
      expect(keepOnRoute(notice(type, ['/create-stream']), '/streams')).toBe(false);
      expect(keepOnRoute(notice(type, ['/streams/s1']), '/streams/s1')).toBe(true);
    }
  });

  it('keeps operations in progress and notices about the whole console', () => {
    expect(keepOnRoute(notice('in-progress', ['/streams/s1']), '/firehose')).toBe(true);
    expect(keepOnRoute(notice('warning'), '/firehose')).toBe(true);
  });

  it('applies the rule to what is on screen', () => {
    store().push({ type: 'success', content: 'Data stream s1 is active.', scope: ['/streams/s1'] });
    store().push({ type: 'error', header: 'ValidationException', content: 'bad', scope: ['/create-stream'] });
    store().push({ type: 'in-progress', content: 'Deleting delivery stream d1', scope: ['/firehose'] });
    store().push({ type: 'warning', header: 'Emulator storage', content: 'Records were dropped.' });
    store().routeChanged('/streams/s1');
    expect(shown()).toEqual(['Records were dropped.', 'Deleting delivery stream d1', 'Data stream s1 is active.']);
    store().routeChanged('/streams');
    expect(shown()).toEqual(['Records were dropped.', 'Deleting delivery stream d1']);
  });
});

describe('when an operation is done', () => {
  const create: Watch = { kind: 'stream', name: 's1', until: 'ACTIVE', done: 'Data stream s1 is active.' };
  const del: Watch = { kind: 'delivery-stream', name: 'd1', until: 'GONE', done: 'Delivery stream d1 deleted.' };
  const start: Watch = { kind: 'application', name: 'a1', until: 'RUNNING', done: 'Application a1 is running.' };

  it('ignores what was read before the operation was accepted', () => {
    expect(outcomeOf(create, 1000, { status: 'ACTIVE', at: 999 })).toBe('pending');
    expect(outcomeOf(create, 1000, { status: 'UPDATING', at: 1001 })).toBe('pending');
    expect(outcomeOf(create, 1000, { status: 'ACTIVE', at: 1001 })).toBe('done');
  });

  it('is done for a deletion when the resource is gone', () => {
    expect(outcomeOf(del, 0, { status: 'DELETING', at: 1 })).toBe('pending');
    expect(outcomeOf(del, 0, { missing: true, at: 1 })).toBe('done');
  });

  it('failed when the resource ends in a failed state, vanishes or cannot be read', () => {
    const createDelivery: Watch = { ...del, until: 'ACTIVE', done: 'Delivery stream d1 is active.' };
    expect(outcomeOf(createDelivery, 0, { status: 'CREATING_FAILED', at: 1 })).toEqual({ failed: 'd1 is CREATING_FAILED.' });
    expect(outcomeOf(create, 0, { missing: true, at: 1 })).toEqual({ failed: 's1 no longer exists.' });
    expect(outcomeOf(create, 0, { error: { type: 'AccessDeniedException', message: 'no' }, at: 1 })).toEqual({ failed: 'no', type: 'AccessDeniedException' });
  });

  it('failed for an application that was starting and is READY again', () => {
    expect(outcomeOf(start, 0, { status: 'STARTING', at: 1 })).toBe('pending');
    expect(outcomeOf(start, 0, { status: 'READY', at: 1 })).toEqual({ failed: 'Application a1 stopped before it was running.' });
    expect(outcomeOf(start, 0, { status: 'RUNNING', at: 1 })).toBe('done');
  });
});

describe('a stream consumer registered or deregistered', () => {
  const arn = 'arn:aws:kinesis:us-east-1:000000000000:stream/s1';
  const register: Watch = { kind: 'consumer', name: 'c1', stream: arn, until: 'ACTIVE', done: 'Consumer c1 is active.' };
  const deregister: Watch = { ...register, until: 'GONE', done: 'Consumer c1 deregistered.' };

  it('is one notice per consumer of a stream', () => {
    expect(watchKey(register)).toBe(`consumer:${arn}/c1`);
    expect(watchKey(deregister)).toBe(watchKey(register));
    expect(watchKey({ ...register, stream: `${arn}0` })).not.toBe(watchKey(register));
  });

  it('is done when the consumer is ACTIVE, or gone', () => {
    expect(outcomeOf(register, 0, { status: 'CREATING', at: 1 })).toBe('pending');
    expect(outcomeOf(register, 0, { status: 'ACTIVE', at: 1 })).toBe('done');
    expect(outcomeOf(deregister, 0, { status: 'DELETING', at: 1 })).toBe('pending');
    expect(outcomeOf(deregister, 0, { missing: true, at: 1 })).toBe('done');
  });

  it('failed when the consumer vanishes while it was being registered', () => {
    expect(outcomeOf(register, 0, { missing: true, at: 1 })).toEqual({ failed: 'c1 no longer exists.' });
  });
});

describe("a change to an application's source or destination", () => {
  it('waits for the next version in the state the application was in', () => {
    expect(applicationChange({ name: 'a1', status: 'READY', version: 3 }, 'Saved.')).toEqual({
      kind: 'application',
      name: 'a1',
      until: 'READY',
      version: 4,
      done: 'Saved.',
    });
    expect(applicationChange({ name: 'a1', status: 'RUNNING', version: 3 }, 'Saved.').until).toBe('RUNNING');
    expect(applicationChange({ name: 'a1', status: 'STARTING' }, 'Saved.')).toMatchObject({ until: 'RUNNING', version: 2 });
  });

  it('is done only at that version or later, back in that state', () => {
    const change = applicationChange({ name: 'a1', status: 'RUNNING', version: 3 }, 'FILTERED_STREAM now goes to d1.');
    expect(outcomeOf(change, 0, { status: 'RUNNING', version: 3, at: 1 })).toBe('pending');
    expect(outcomeOf(change, 0, { status: 'UPDATING', version: 4, at: 1 })).toBe('pending');
    expect(outcomeOf(change, 0, { status: 'RUNNING', version: 4, at: 1 })).toBe('done');
    expect(outcomeOf(change, 0, { status: 'RUNNING', version: 6, at: 1 })).toBe('done');
  });

  it('has a notice of its own, apart from the application starting', () => {
    const start: Watch = { kind: 'application', name: 'a1', until: 'RUNNING', done: 'Application a1 is running.' };
    expect(watchKey(start)).toBe('application:a1');
    expect(watchKey(applicationChange({ name: 'a1', status: 'RUNNING', version: 3 }, 'Saved.'))).toBe('application:a1@v4');
  });
});
