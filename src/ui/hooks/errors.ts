import { useCallback } from 'react';
import { useNotificationStore } from '../state/notifications';

/** An error as the console shows it: AWS's error type and message. */
export interface ShownError {
  type: string;
  message: string;
}

/** The SDK puts AWS's error type in `name` and its text in `message`. */
export const describeError = (e: unknown): ShownError => {
  if (e instanceof Error || (typeof e === 'object' && e !== null && 'name' in e)) {
    const err = e as { name?: string; message?: string };
    const type = err.name && err.name !== 'Error' ? err.name : 'Error';
    return { type, message: err.message ?? '' };
  }
  return { type: 'Error', message: String(e) };
};

/**
 * The request member an AWS error is about, if the message names one: ValidationException says
 * `at 'partitionKey'`; other errors name the field in words (`ExplicitHashKey`, `NewStartingHashKey`).
 * `fields` maps each form field to the member names that mean it.
 */
export const fieldForError = <F extends string>(e: ShownError, fields: Record<F, readonly string[]>): F | undefined => {
  const at = /at '([^']+)'/.exec(e.message)?.[1]?.toLowerCase();
  const text = e.message.toLowerCase();
  for (const [field, names] of Object.entries(fields) as [F, readonly string[]][]) {
    for (const name of names) {
      const n = name.toLowerCase();
      if (at !== undefined ? at === n || at.startsWith(`${n}.`) : text.includes(n)) return field;
    }
  }
  return undefined;
};

export const formatError = (e: ShownError): string => (e.message ? `${e.type}: ${e.message}` : e.type);

/** Notifications: success and info messages, and AWS errors as type + message. */
export const useNotify = () => {
  const push = useNotificationStore((s) => s.push);
  const success = useCallback((content: string) => push({ type: 'success', content }), [push]);
  const error = useCallback(
    (e: unknown) => {
      const shown = describeError(e);
      return push({ type: 'error', header: shown.type, content: shown.message });
    },
    [push],
  );
  const info = useCallback((content: string) => push({ type: 'info', content }), [push]);
  return { success, error, info };
};

export const useNotifications = () => {
  const items = useNotificationStore((s) => s.items);
  const dismiss = useNotificationStore((s) => s.dismiss);
  return { items, dismiss };
};
