import { create } from 'zustand';

export type NoticeType = 'success' | 'error' | 'info' | 'warning' | 'in-progress';

export interface Notice {
  id: string;
  type: NoticeType;
  /** For AWS errors: the error type (`ResourceInUseException`). */
  header?: string;
  content: string;
}

interface NotificationState {
  items: Notice[];
  push(n: Omit<Notice, 'id'>): string;
  dismiss(id: string): void;
  clear(): void;
}

let seq = 0;
/** At most this many notices stay on screen; the oldest go first. */
const MAX_NOTICES = 5;
/** Successes and information fade after this long; errors stay until dismissed. */
export const TRANSIENT_NOTICE_MS = 8000;

export const useNotificationStore = create<NotificationState>((set) => ({
  items: [],
  push: (n) => {
    const id = `n${++seq}`;
    set((s) => ({ items: [{ ...n, id }, ...s.items].slice(0, MAX_NOTICES) }));
    if (n.type === 'success' || n.type === 'info') {
      setTimeout(() => set((s) => ({ items: s.items.filter((i) => i.id !== id) })), TRANSIENT_NOTICE_MS);
    }
    return id;
  },
  dismiss: (id) => set((s) => ({ items: s.items.filter((i) => i.id !== id) })),
  clear: () => set({ items: [] }),
}));
