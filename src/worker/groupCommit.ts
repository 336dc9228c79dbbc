/**
 * Group commit: many writers, one save. `commit()` resolves once a run of `task` that began after
 * the call has finished, and rejects with that run's error. Callers that arrive before a run has
 * begun share it; callers that arrive while one is running share the next. So N concurrent writers
 * cost at most two runs, never N, and a write is acknowledged only after a save that includes it.
 * Used by the page's worker (IndexedDB) and the Node server's `--data-dir` (fsync) alike.
 */
export class GroupCommit {
  /** The run that has not begun yet: new callers join it. */
  private waiting?: Promise<void>;
  /** The run in progress (or the last one started). */
  private current?: Promise<void>;
  private runs = 0;

  constructor(private readonly task: () => Promise<void>) {}

  /** Saves started so far (for tests and statistics). */
  get started(): number {
    return this.runs;
  }

  /** Whether a run is in progress or waiting to begin. */
  get busy(): boolean {
    return this.current !== undefined;
  }

  commit(): Promise<void> {
    if (this.waiting) return this.waiting;
    const before = this.current;
    const run = (async () => {
      // Let callers of this turn of the event loop join; then wait for the run in progress, if any.
      if (before) await before.catch(() => {});
      else await Promise.resolve();
      this.waiting = undefined;
      this.runs++;
      await this.task();
    })();
    this.waiting = run;
    this.current = run;
    const clear = () => {
      if (this.current === run) this.current = undefined;
    };
    run.then(clear, clear);
    return run;
  }
}
