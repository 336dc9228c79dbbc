import { VirtualClock } from '../engine/common/clock';
import { Emulator } from '../engine/emulator';
import { defaultConnectionSettings } from './connection';
import { createServiceClients } from './clients';

/**
 * For tests: the console's own SDK clients, through the request handler, against an in-thread
 * emulator on a manual clock (2026-12-02 10:59:30 UTC to start), in `region` if given.
 */
export const emulatedClients = (region?: string) => {
  const clock = new VirtualClock(Date.UTC(2026, 11, 2, 10, 59, 30));
  const emulator = new Emulator({ clock });
  const clients = createServiceClients(region ? { ...defaultConnectionSettings, region } : defaultConnectionSettings, { emulatorTransport: (req) => emulator.handle(req) });
  const advance = (ms: number) => {
    clock.advance(ms);
    emulator.advance(clock.now());
  };
  return { emulator, clients, clock, advance };
};
