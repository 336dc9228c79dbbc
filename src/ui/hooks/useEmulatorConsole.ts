import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { emulatorClient } from '../../worker/client';
import { useConnectionMode } from './services';

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
