import { useCallback, useMemo } from 'react';
import { authProblemOf, authWords } from '../../aws/failures';
import { useNotificationStore, watchKey, type Watch } from '../state/notifications';
import type { ShownError } from '../lib/fieldMessages';
import { useLocation } from './route';

export { fieldForError, formatError, type ShownError } from '../lib/fieldMessages';
export { applicationChange } from '../state/notifications';

/** Words written for the console's code spans (`x`), as plain text. */
const plain = (text: string) => text.replace(/`/g, '');

/**
 * The SDK puts AWS's error type in `name` and its text in `message`. A denied call (a 403, or
 * AccessDenied by name: Kinesis answers 400) becomes words naming the permission it lacked and the
 * resource; another credential problem keeps AWS's text and says what to fix.
 */
export const describeError = (e: unknown): ShownError => {
  if (e instanceof Error || (typeof e === 'object' && e !== null && 'name' in e)) {
    const err = e as { name?: string; message?: string };
    const type = err.name && err.name !== 'Error' ? err.name : 'Error';
    const words = authWords(e);
    if (words) {
      const denied = authProblemOf(e)?.kind === 'denied';
      const aws = (err.message ?? '').trim();
      const said = aws && !/[.!?]$/.test(aws) ? `${aws}.` : aws;
      return { type, message: denied ? plain(words) : `${said} ${plain(words)}`.trim() };
    }
    return { type, message: err.message ?? '' };
  }
  return { type: 'Error', message: String(e) };
};

/** Where a notice matters (route paths); none: on every page. Default: the page it is raised on. */
export interface NoticeOptions {
  scope?: readonly string[];
}

/** An operation the console follows until the resource reaches the state it waits for. */
export interface TrackedOperation {
  /** What is happening, shown with a spinner: `Creating data stream s1`. */
  content: string;
  watch: Watch;
  /** The pages its outcome matters on (the resource's page, or the list once it is deleted). */
  scope: readonly string[];
}

/**
 * Notifications: success and info messages, AWS errors as type + message, and operations in
 * progress. Each carries the pages it concerns (see `keepOnRoute` for what leaving them does).
 */
export const useNotify = () => {
  const push = useNotificationStore((s) => s.push);
  const path = useLocation().path;
  const here = useMemo(() => [path], [path]);
  const success = useCallback(
    (content: string, o: NoticeOptions = {}) => push({ type: 'success', content, scope: o.scope ?? here }),
    [push, here],
  );
  const error = useCallback(
    (e: unknown, o: NoticeOptions = {}) => {
      const shown = describeError(e);
      return push({ type: 'error', header: shown.type, content: shown.message, scope: o.scope ?? here });
    },
    [push, here],
  );
  const info = useCallback(
    (content: string, o: NoticeOptions = {}) => push({ type: 'info', content, scope: o.scope ?? here }),
    [push, here],
  );
  /** An accepted operation: in progress (one notice per resource) until the shell sees it done or failed. */
  const track = useCallback(
    (op: TrackedOperation) =>
      push({
        type: 'in-progress',
        key: watchKey(op.watch),
        content: op.content,
        scope: op.scope,
        watch: op.watch,
        since: Date.now(),
      }),
    [push],
  );
  return useMemo(() => ({ success, error, info, track }), [success, error, info, track]);
};

export const useNotifications = () => {
  const items = useNotificationStore((s) => s.items);
  const dismiss = useNotificationStore((s) => s.dismiss);
  const update = useNotificationStore((s) => s.update);
  const routeChanged = useNotificationStore((s) => s.routeChanged);
  return { items, dismiss, update, routeChanged };
};
