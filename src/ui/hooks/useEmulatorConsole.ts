import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useState } from 'react';
import { emulatorClient } from '../../worker/client';
import { followEmulatorClock } from '../../worker/generatorClock';
import { useNotificationStore } from '../state/notifications';
import { useConnectionMode } from './services';

import type { ClockReading, StorageStatus } from '../../worker/protocol';

export type { StorageStatus } from '../../worker/protocol';
export { formatBytes, MIN_RECORD_CAP, STORED_ITEMS } from '../../worker/storageUnits';

const CLOCK_KEY = ['emulator', 'clock'] as const;
const STORAGE_KEY = ['emulator', 'storage'] as const;

/** Reads the emulator's clock, and hands the reading to the generator so it keeps the same time. */
const readClock = async (): Promise<ClockReading> => {
  const reading = await emulatorClient().console.clockReading();
  followEmulatorClock(reading);
  return reading;
};

/**
 * The emulator's clock (speed, skip ahead) and reset, over the console channel. Emulated mode only.
 * Skipping ahead or changing speed refreshes every page's data at once: a minute may have closed.
 */
export const useEmulatorClock = () => {
  const mode = useConnectionMode();
  const clock = useQuery({
    queryKey: CLOCK_KEY,
    queryFn: readClock,
    enabled: mode === 'emulated',
    refetchInterval: 1000,
  });
  return { clock, ...useEmulatorClockControls() };
};

/**
 * Changing the emulator clock (speed, skip ahead, reset) without reading it: a component that only
 * acts on the clock does not re-render with each of its once-a-second readings.
 */
export const useEmulatorClockControls = () => {
  const qc = useQueryClient();
  const moved = async (reading: ClockReading) => {
    followEmulatorClock(reading);
    // A read of the clock begun before the change would land after it and put the old time back.
    await qc.cancelQueries({ queryKey: CLOCK_KEY });
    qc.setQueryData(CLOCK_KEY, reading);
    void qc.invalidateQueries({ predicate: (q) => q.queryKey[0] !== CLOCK_KEY[0] || q.queryKey[1] !== CLOCK_KEY[1] });
  };
  const failed = () => qc.invalidateQueries({ queryKey: CLOCK_KEY });
  const setSpeed = useMutation({
    mutationFn: async (speed: number) => (await emulatorClient().console.setSpeed(speed), emulatorClient().console.clockReading()),
    onSuccess: moved,
    onError: failed,
  });
  const skip = useMutation({
    mutationFn: async (ms: number) => (await emulatorClient().console.skip(ms), emulatorClient().console.clockReading()),
    onSuccess: moved,
    onError: failed,
  });
  const reset = useMutation({
    mutationFn: () => emulatorClient().console.reset(),
    // Every cached answer came from the emulator that was just thrown away.
    onSettled: () => qc.invalidateQueries(),
  });
  return { setSpeed, skip, reset };
};

/** Notices already shown (ids grow; one emulator worker at a time, and its replacement starts again from 1). */
let shownNotice = 0;

/** What `window.__kwcDebug` offers: the emulator's recovery, seen from a test or the browser's console. */
export interface DebugHooks {
  /** Ends the emulator worker as a crash would; the page notices within seconds and starts another. */
  crashEmulator(): void;
  /**
   * One awsJson call to the emulator, as the SDK would send it (`Kinesis_20131202.PutRecords`, its input);
   * resolves with the HTTP status and the parsed answer once the emulator has answered (a write: saved).
   */
  call(target: string, input: unknown): Promise<{ status: number; body: unknown }>;
  /** What the Storage dialog shows: where the state is saved, how much it holds, what was restored at start. */
  storage(): Promise<StorageStatus>;
}

const installDebugHooks = () => {
  const hooks: DebugHooks = {
    crashEmulator: () => emulatorClient().crash(),
    storage: () => emulatorClient().console.storage(),
    call: async (target, input) => {
      const res = await emulatorClient().transport({
        method: 'POST',
        path: '/',
        query: {},
        headers: {
          'x-amz-target': target,
          'content-type': 'application/x-amz-json-1.1',
          'x-amz-date': '20260101T000000Z',
          authorization: 'AWS4-HMAC-SHA256 Credential=AKIAEMULATOREXAMPLE/20260101/us-east-1/kinesis/aws4_request, SignedHeaders=host, Signature=0',
        },
        body: new TextEncoder().encode(JSON.stringify(input)),
      });
      const text = typeof res.body === 'string' ? res.body : new TextDecoder().decode(res.body);
      return { status: res.statusCode, body: text ? (JSON.parse(text) as unknown) : {} };
    },
  };
  (window as unknown as { __kwcDebug?: DebugHooks }).__kwcDebug = hooks;
};

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
    queryKey: STORAGE_KEY,
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
    onSuccess: (s) => qc.setQueryData(STORAGE_KEY, s),
  });
  return { status, setCap };
};

/**
 * Watches the emulator worker (the top bar, always mounted, calls it once): when it stopped and was
 * replaced, says so (what was recovered depends on where it kept its state) and refetches everything;
 * when it was given up on, says that. Also installs `window.__kwcDebug` ({@link DebugHooks}).
 */
export const useEmulatorRecovery = () => {
  const mode = useConnectionMode();
  const qc = useQueryClient();
  const push = useNotificationStore((s) => s.push);
  useEffect(() => {
    if (mode !== 'emulated') return;
    installDebugHooks();
    return emulatorClient().onRestart((e) => {
      const before = qc.getQueryData<StorageStatus>(STORAGE_KEY);
      // The new worker counts its notices from 1 again, and every cached answer came from the old one.
      shownNotice = 0;
      void qc.invalidateQueries();
      if (!e.restarted) push({ type: 'error', header: 'Emulator stopped', content: e.reason });
      else if (before?.persistence === 'memory')
        push({ type: 'warning', header: 'Emulator restarted', content: 'The emulator stopped unexpectedly and was restarted. It ran in memory only, so its streams and records are gone.' });
      else
        push({ type: 'info', header: 'Emulator restarted', content: 'The emulator stopped unexpectedly and was restarted; everything it had acknowledged was recovered, and calls it had not answered are sent again.' });
    });
  }, [mode, qc, push]);
};

/** The services' time at wall time `wall`, from a reading of the emulator's clock (none: AWS, real time). */
export const serviceTimeFrom = (clock: ClockReading | undefined, wall: number): number =>
  clock ? Math.floor(clock.now + (wall - clock.wallAt) * clock.speed) : wall;

/**
 * The services' time: the emulator's clock in emulated mode (it may run fast, slow or have
 * skipped ahead of the wall clock), the wall clock for AWS. Returns a function to call when needed:
 * with no argument the time now, with a wall time (a query's dataUpdatedAt, say) the time it was then.
 */
export const useServiceTime = (): ((wall?: number) => number) => {
  const mode = useConnectionMode();
  const qc = useQueryClient();
  // Read at call time, not subscribed: a page that asks for the time now and then must not re-render
  // with every clock reading (once a second), which also swallowed clicks on open dropdowns.
  return useCallback(
    (wall = Date.now()) => serviceTimeFrom(mode === 'emulated' ? qc.getQueryData<ClockReading>(CLOCK_KEY) : undefined, wall),
    [mode, qc],
  );
};

/**
 * The emulator's time, ticking once a second (for the top bar), and its speed; undefined in AWS
 * mode or before the first reading.
 */
export const useEmulatorTime = (): { now: number; speed: number } | undefined => {
  const mode = useConnectionMode();
  const { clock } = useEmulatorClock();
  const [wall, setWall] = useState(() => Date.now());
  useEffect(() => {
    if (mode !== 'emulated') return;
    const timer = setInterval(() => setWall(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [mode]);
  const reading = clock.data;
  if (mode !== 'emulated' || !reading) return undefined;
  // A fresh reading may be newer than the last tick: never show a time before the reading.
  return { now: serviceTimeFrom(reading, Math.max(wall, reading.wallAt)), speed: reading.speed };
};
