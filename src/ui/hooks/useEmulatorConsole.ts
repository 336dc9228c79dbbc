import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { emulatorClient } from '../../worker/client';
import { useNotificationStore } from '../state/notifications';
import { useConnectionMode } from './services';

import type { ClockState } from '../../worker/protocol';

export type { StorageStatus } from '../../worker/protocol';
export { formatBytes, MIN_RECORD_CAP } from '../../worker/storageUnits';

/** The emulator's clock (speed, skip ahead) and reset, over the console channel. Emulated mode only. */
export const useEmulatorClock = () => {
  const mode = useConnectionMode();
  const qc = useQueryClient();
  const clock = useQuery({
    queryKey: ['emulator', 'clock'],
    queryFn: () => emulatorClient().console.clock(),
    enabled: mode === 'emulated',
    refetchInterval: 1000,
  });
  const refresh = () => qc.invalidateQueries({ queryKey: ['emulator', 'clock'] });
  const setSpeed = useMutation({ mutationFn: (speed: number) => emulatorClient().console.setSpeed(speed), onSettled: refresh });
  const skip = useMutation({ mutationFn: (ms: number) => emulatorClient().console.skip(ms), onSettled: refresh });
  const reset = useMutation({
    mutationFn: () => emulatorClient().console.reset(),
    // Every cached answer came from the emulator that was just thrown away.
    onSettled: () => qc.invalidateQueries(),
  });
  return { clock, setSpeed, skip, reset };
};

/** Notices already shown (ids grow; one emulator per page). */
let shownNotice = 0;

/**
 * Where the emulator keeps its state, how much it holds, and its cap on record bytes. Also shows
 * the emulator's storage notices (records dropped by the cap, a save that could not be read) as
 * notifications, and saves pending changes when the page is hidden or closed.
 */
export const useEmulatorStorage = ({ poll = 2000 }: { poll?: number | false } = {}) => {
  const mode = useConnectionMode();
  const qc = useQueryClient();
  const push = useNotificationStore((s) => s.push);
  const status = useQuery({
    queryKey: ['emulator', 'storage'],
    queryFn: () => emulatorClient().console.storage(),
    enabled: mode === 'emulated',
    refetchInterval: poll,
  });
  const notices = status.data?.notices;
  useEffect(() => {
    for (const n of notices ?? []) {
      if (n.id <= shownNotice) continue;
      shownNotice = n.id;
      push({ type: n.type, header: 'Emulator storage', content: n.text });
    }
  }, [notices, push]);
  useEffect(() => {
    if (mode !== 'emulated') return;
    const flush = () => void emulatorClient().console.flush();
    const onVisibility = () => document.visibilityState === 'hidden' && flush();
    window.addEventListener('pagehide', flush);
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      window.removeEventListener('pagehide', flush);
      document.removeEventListener('visibilitychange', onVisibility);
    };
  }, [mode]);
  const setCap = useMutation({
    mutationFn: (bytes: number) => emulatorClient().console.setRecordCap(bytes),
    onSuccess: (s) => qc.setQueryData(['emulator', 'storage'], s),
  });
  return { status, setCap };
};

/** The time now as the services see it, from a clock reading taken `sinceReadMs` ago. */
export const serviceTimeFrom = (clock: ClockState | undefined, sinceReadMs: number, wallNow: number): number =>
  clock ? Math.floor(clock.now + sinceReadMs * clock.speed) : wallNow;

/**
 * The services' time now: the emulator's clock in emulated mode (it may run fast, slow or have
 * skipped ahead of the wall clock), the wall clock for AWS. Returns a function to call when needed.
 */
export const useServiceTime = (): (() => number) => {
  const { clock } = useEmulatorClock();
  const reading = clock.data;
  const readAt = clock.dataUpdatedAt;
  return () => {
    const wall = Date.now();
    return serviceTimeFrom(reading, wall - readAt, wall);
  };
};
