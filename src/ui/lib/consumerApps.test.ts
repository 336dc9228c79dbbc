import { describe, expect, it } from 'vitest';
import { compactCheckpoint, formatLag, leaseStateText } from './consumerApps';

describe('consumer application helpers', () => {
  it('formats a lag in ms, seconds, minutes or hours; none before the first read', () => {
    expect([undefined, 0, 850, 4200, 185_000, 7_260_000].map(formatLag)).toEqual(['-', '0 ms', '850 ms', '4.2 s', '3 min 5 s', '2 h 1 min']);
  });

  it('shows a sequence number by its last digits, other checkpoints as written', () => {
    const seq = '49671234567890123456789012345678901234567890123456789012';
    expect(compactCheckpoint({ sequenceNumber: seq })).toEqual({ short: '…56789012', full: seq });
    expect(compactCheckpoint('SHARD_END')).toEqual({ short: 'SHARD_END', full: 'SHARD_END' });
  });

  it('says what a lease waits for', () => {
    expect(leaseStateText({ state: 'waiting-for-parent', parents: ['shardId-000000000000'] })).toBe('Waiting for parent shardId-000000000000');
    expect(leaseStateText({ state: 'waiting-for-parent', parents: ['shardId-000000000000', 'shardId-000000000001'] })).toBe(
      'Waiting for parent shardId-000000000000 and shardId-000000000001',
    );
    expect(leaseStateText({ state: 'unassigned', heldBy: 'worker-2' })).toBe('Held by stopped worker-2 until its lease expires');
    expect(leaseStateText({ state: 'processing', owner: 'worker-1' })).toBe('Processing');
  });
});
