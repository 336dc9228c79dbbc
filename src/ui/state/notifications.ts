import { create } from 'zustand';

export type NoticeType = 'success' | 'error' | 'info' | 'warning' | 'in-progress';

/**
 * The state a resource has to reach for an operation on it to be done: a stream, delivery stream or
 * stream consumer ACTIVE (created, resharded, registered), an application RUNNING (started) or READY
 * (stopped), or the resource GONE (deleted, deregistered). Polled by the shell while the notice is
 * in progress.
 */
export interface Watch {
  kind: 'stream' | 'delivery-stream' | 'application' | 'consumer';
  name: string;
  /** A consumer's stream (its ARN): consumer names are the stream's own. */
  stream?: string;
  until: 'ACTIVE' | 'RUNNING' | 'READY' | 'GONE';
  /**
   * A change to an application's configuration (a source or a destination): the version the change
   * makes. It is done once the application is at that version or later and back in `until`.
   */
  version?: number;
  /** The notice once it is done (a success). */
  done: string;
}

/**
 * The one notice of an operation in progress: `stream:s1`; a consumer's under its stream; each
 * change of an application's configuration apart (`application:a1@v3`), so that connecting a
 * destination does not replace the notice of the application starting.
 */
export const watchKey = (w: Watch): string =>
  `${w.kind}:${w.stream ? `${w.stream}/` : ''}${w.name}${w.version !== undefined ? `@v${w.version}` : ''}`;

/**
 * What a change to an application's configuration waits for: the version it makes (the one it
 * was sent with, plus one) in the state the application settles in (running stays running).
 */
export const applicationChange = (app: { name: string; status?: string; version?: number }, done: string): Watch => ({
  kind: 'application',
  name: app.name,
  until: app.status === 'RUNNING' || app.status === 'STARTING' || app.status === 'UPDATING' ? 'RUNNING' : 'READY',
  version: (app.version ?? 1) + 1,
  done,
});

export interface Notice {
  id: string;
  type: NoticeType;
  /** For AWS errors: the error type (`ResourceInUseException`). */
  header?: string;
  content: string;
  /**
   * What the notice is about: a notice pushed with the key of one on screen replaces it (the same
   * error twice shows once, counted; "Deleting stream s1" becomes "Stream s1 deleted").
   */
  key: string;
  /** How many times the same notice was raised while on screen. */
  count: number;
  /**
   * The pages (route paths, each with the pages under it) the notice matters on; none: every page.
   * See `routeChanged` for what happens when the user leaves them.
   */
  scope?: readonly string[];
  /** In progress: the resource state that ends it. */
  watch?: Watch;
  /** When the operation was accepted (ms, the page's clock): status read before it says nothing about it. */
  since?: number;
}

export interface NoticeInput {
  type: NoticeType;
  header?: string;
  content: string;
  /** Defaults to the type, header and text: the same message is one notice. */
  key?: string;
  scope?: readonly string[];
  watch?: Watch;
  since?: number;
}

interface NotificationState {
  items: Notice[];
  /** Shows a notice, or refreshes the one with the same key (counting it when it says the same). */
  push(n: NoticeInput): string;
  /** Changes a notice in place (an operation accepted, settled or failed), keeping its key and place. */
  update(id: string, patch: Partial<NoticeInput>): void;
  dismiss(id: string): void;
  /** The user moved to another page: see the rule there. */
  routeChanged(path: string): void;
  clear(): void;
}

let seq = 0;
/** At most this many notices stay on screen; the oldest go first. */
const MAX_NOTICES = 5;
/** Successes and information fade after this long; errors stay until dismissed. */
export const TRANSIENT_NOTICE_MS = 8000;

const isTransient = (t: NoticeType) => t === 'success' || t === 'info';

/** Whether `path` is one of the pages in `scope` (a page, or one under it: `/streams/s1` is under `/streams/s1`). */
export const inScope = (scope: readonly string[] | undefined, path: string): boolean =>
  scope === undefined || scope.some((p) => path === p || path.startsWith(p.endsWith('/') ? p : `${p}/`));

/**
 * The rule when the user moves to another page (`path`):
 * - a notice without a scope concerns the whole console (the emulator's storage, a generator run):
 *   it stays;
 * - an operation in progress stays wherever the user goes: it still matters until it is done,
 *   and then its outcome is shown once (a success fades; a failure stays);
 * - any other notice (a success, information, a warning or an error) stays only while the user is
 *   on a page in its scope: the page it was raised on, or the pages of the resource it is about.
 *   Leaving them means the message has been read or no longer applies.
 */
export const keepOnRoute = (n: Notice, path: string): boolean =>
  n.type === 'in-progress' || inScope(n.scope, path);

const timers = new Map<string, ReturnType<typeof setTimeout>>();

export const useNotificationStore = create<NotificationState>((set, get) => {
  const remove = (id: string) => {
    clearTimeout(timers.get(id));
    timers.delete(id);
    set((s) => ({ items: s.items.filter((i) => i.id !== id) }));
  };
  // A transient notice fades TRANSIENT_NOTICE_MS after it was last shown or refreshed.
  const schedule = (n: Notice) => {
    clearTimeout(timers.get(n.id));
    timers.delete(n.id);
    if (isTransient(n.type)) timers.set(n.id, setTimeout(() => remove(n.id), TRANSIENT_NOTICE_MS));
  };
  return {
    items: [],
    push: (input) => {
      const key = input.key ?? `${input.type}|${input.header ?? ''}|${input.content}`;
      const same = get().items.find((i) => i.key === key);
      const repeated = same !== undefined && same.type === input.type && same.content === input.content;
      const n: Notice = {
        ...input,
        id: same?.id ?? `n${++seq}`,
        key,
        count: repeated ? same.count + 1 : 1,
      };
      // The refreshed notice moves to the top, where the user looks.
      set((s) => ({ items: [n, ...s.items.filter((i) => i.id !== n.id)].slice(0, MAX_NOTICES) }));
      schedule(n);
      return n.id;
    },
    update: (id, patch) => {
      const old = get().items.find((i) => i.id === id);
      if (!old) return;
      const n: Notice = { ...old, ...patch, count: 1 };
      set((s) => ({ items: s.items.map((i) => (i.id === id ? n : i)) }));
      if (patch.type !== undefined && patch.type !== old.type) schedule(n);
    },
    dismiss: remove,
    routeChanged: (path) => {
      for (const n of get().items) if (!keepOnRoute(n, path)) remove(n.id);
    },
    clear: () => {
      for (const t of timers.values()) clearTimeout(t);
      timers.clear();
      set({ items: [] });
    },
  };
});

/** What a resource's state read by the shell means for an operation that waits on it. */
export type Observed =
  | { status: string; version?: number; at: number }
  | { missing: true; at: number }
  | { error: { type: string; message: string }; at: number };

export type Outcome = 'pending' | 'done' | { failed: string; type?: string };

/** Statuses an operation can end in without reaching its goal (AWS's FAILED states). */
const FAILED = /_FAILED$/;

/**
 * Whether an operation is done, still going, or failed, from a state read at `observed.at`: reads
 * from before the operation was accepted (`since`) say nothing about it.
 */
export const outcomeOf = (watch: Watch, since: number, observed: Observed): Outcome => {
  if (observed.at < since) return 'pending';
  if ('missing' in observed) return watch.until === 'GONE' ? 'done' : { failed: `${watch.name} no longer exists.` };
  if ('error' in observed) return { failed: observed.error.message, type: observed.error.type };
  const atVersion = watch.version === undefined || (observed.version ?? 0) >= watch.version;
  if (watch.until !== 'GONE' && observed.status === watch.until && atVersion) return 'done';
  if (FAILED.test(observed.status)) return { failed: `${watch.name} is ${observed.status}.` };
  // An application that was starting and is READY again did not start.
  if (watch.kind === 'application' && watch.until === 'RUNNING' && observed.status === 'READY')
    return { failed: `Application ${watch.name} stopped before it was running.` };
  return 'pending';
};
