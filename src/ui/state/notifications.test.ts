import { afterEach, describe, expect, it, vi } from 'vitest';
import { TRANSIENT_NOTICE_MS, useNotificationStore } from './notifications';

afterEach(() => {
  useNotificationStore.getState().clear();
  vi.useRealTimers();
});

describe('notifications', () => {
  it('shows the newest first and keeps at most five', () => {
    const { push } = useNotificationStore.getState();
    for (let i = 1; i <= 7; i++) push({ type: 'error', header: 'ResourceInUseException', content: `m${i}` });
    expect(useNotificationStore.getState().items.map((n) => n.content)).toEqual(['m7', 'm6', 'm5', 'm4', 'm3']);
  });

  it('lets successes fade but keeps errors until dismissed', () => {
    vi.useFakeTimers();
    const { push, dismiss } = useNotificationStore.getState();
    push({ type: 'success', content: 'Creating data stream s1.' });
    const err = push({ type: 'error', header: 'LimitExceededException', content: 'too many shards' });
    vi.advanceTimersByTime(TRANSIENT_NOTICE_MS);
    expect(useNotificationStore.getState().items.map((n) => n.content)).toEqual(['too many shards']);
    dismiss(err);
    expect(useNotificationStore.getState().items).toEqual([]);
  });
});
