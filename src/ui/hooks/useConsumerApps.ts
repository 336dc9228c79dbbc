import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { DEFAULT_WORKERS, MAX_WORKERS, MIN_WORKERS } from '../../engine/consumerApps/types';
import { emulatorClient } from '../../worker/client';
import type { ConsumerApplicationView, CreateConsumerApplication, InitialPosition, LeaseView } from '../../worker/protocol';
import { useConnectionMode } from './services';
import { kinesisKeys } from './useStreams';

export type { ConsumerApplicationView, InitialPosition, LeaseView };

/** How many workers an application may have, and how many it gets unless told. */
export const CONSUMER_APP_WORKERS = { min: MIN_WORKERS, max: MAX_WORKERS, default: DEFAULT_WORKERS } as const;

/** How often the page reads the lease tables (wall time): the workers read each shard about once a second. */
const POLL_MS = 1000;

/**
 * The stream's consumer applications (KCL-style lease tables and workers that run inside the emulator),
 * over the console channel: emulated mode only. Errors carry the AWS-style type in `name`
 * (`ValidationException`, `ResourceInUseException`, `ResourceNotFoundException`).
 */
export const useConsumerApps = (stream: string, streamArn: string | undefined) => {
  const mode = useConnectionMode();
  const qc = useQueryClient();
  const key = kinesisKeys.consumerApps(stream);
  const list = useQuery({
    queryKey: key,
    enabled: mode === 'emulated' && !!streamArn,
    queryFn: (): Promise<ConsumerApplicationView[]> => emulatorClient().console.consumerApplications(streamArn!),
    refetchInterval: (q) => (q.state.error ? false : POLL_MS),
  });
  const refresh = () => qc.invalidateQueries({ queryKey: key });
  const create = useMutation({
    mutationFn: (input: Omit<CreateConsumerApplication, 'streamARN'>) =>
      emulatorClient().console.createConsumerApplication({ ...input, streamARN: streamArn! }),
    onSettled: refresh,
  });
  const setWorker = useMutation({
    mutationFn: (i: { name: string; workerId: string; running: boolean }) =>
      emulatorClient().console.setConsumerWorker(streamArn!, i.name, i.workerId, i.running),
    onSettled: refresh,
  });
  const remove = useMutation({
    mutationFn: (name: string) => emulatorClient().console.deleteConsumerApplication(streamArn!, name),
    onSettled: refresh,
  });
  return { list, create, setWorker, remove, available: mode === 'emulated' };
};
