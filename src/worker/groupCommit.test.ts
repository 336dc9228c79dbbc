import { describe, expect, it } from 'vitest';
import { GroupCommit } from './groupCommit';

/** A task whose runs finish only when the test says so. */
const controlled = () => {
  const runs: { resolve: () => void; reject: (e: Error) => void }[] = [];
  const task = () => new Promise<void>((resolve, reject) => runs.push({ resolve, reject }));
  return { runs, task };
};

const settle = () => new Promise((r) => setTimeout(r, 0));

describe('GroupCommit', () => {
  it('runs the task once for callers of the same turn, and resolves them all when it finishes', async () => {
    const { runs, task } = controlled();
    const g = new GroupCommit(task);
    const done: number[] = [];
    const a = g.commit().then(() => done.push(1));
    const b = g.commit().then(() => done.push(2));
    await settle();
    expect(runs).toHaveLength(1);
    expect(done).toEqual([]);
    runs[0].resolve();
    await Promise.all([a, b]);
    expect(done).toEqual([1, 2]);
    expect(g.started).toBe(1);
  });

  it('makes a caller that arrives during a run wait for the next run, which all later callers share', async () => {
    const { runs, task } = controlled();
    const g = new GroupCommit(task);
    const first = g.commit();
    await settle();
    expect(runs).toHaveLength(1);
    let laterDone = false;
    const later = [g.commit(), g.commit(), g.commit()];
    void Promise.all(later).then(() => (laterDone = true));
    runs[0].resolve();
    await first;
    await settle();
    // The first run began before the later changes: they are not acknowledged by it.
    expect(laterDone).toBe(false);
    expect(runs).toHaveLength(2);
    runs[1].resolve();
    await Promise.all(later);
    expect(g.started).toBe(2);
    expect(g.busy).toBe(false);
  });

  it('rejects the callers of a failed run only, and the next run goes ahead', async () => {
    const { runs, task } = controlled();
    const g = new GroupCommit(task);
    const failed = g.commit();
    await settle();
    const next = g.commit();
    runs[0].reject(new Error('disk full'));
    await expect(failed).rejects.toThrow('disk full');
    await settle();
    runs[1].resolve();
    await expect(next).resolves.toBeUndefined();
  });
});
