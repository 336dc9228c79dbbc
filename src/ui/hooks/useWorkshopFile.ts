import { useMutation, useQueryClient } from '@tanstack/react-query';
import { emulatorClient } from '../../worker/client';
import type { WorkshopImport } from '../../worker/protocol';
import { downloadBytes } from '../lib/download';
import { exportProgress, importProgress } from '../workshop/progress';
import { useConnectionMode } from './services';

/** The export's file name: the day it was made (UTC), so a folder of them sorts by date. */
export const workshopFileName = (at: number): string =>
  `kinesis-workshop-${new Date(at).toISOString().slice(0, 10)}.json.gz`;

/** Why export and import are off, or undefined when they can be used. */
export const workshopFileUnavailable = (mode: string): string | undefined =>
  mode === 'emulated'
    ? undefined
    : 'Export and import work on the emulated workshop only; AWS resources stay in your account.';

/**
 * Export and import of the whole emulated workshop as one file: every stream with its records,
 * application, delivery stream, bucket and object, the clock, and the walkthrough's progress in every scenario.
 * Never credentials (the emulator has none; the connection is not part of it).
 */
export const useWorkshopFile = () => {
  const mode = useConnectionMode();
  const qc = useQueryClient();
  const unavailable = workshopFileUnavailable(mode);
  const exportFile = useMutation({
    mutationFn: async () => {
      const bytes = await emulatorClient().console.exportWorkshop(exportProgress());
      const name = workshopFileName(Date.now());
      downloadBytes(name, bytes, 'application/gzip');
      return { name, bytes: bytes.length };
    },
  });
  const importFile = useMutation({
    mutationFn: async (file: File): Promise<WorkshopImport> =>
      emulatorClient().console.importWorkshop(new Uint8Array(await file.arrayBuffer())),
    onSuccess: async (result) => {
      // The file's progress replaces this browser's, every scenario's (one the file lacks starts afresh).
      importProgress(result.progress);
      // Every cached answer came from the state that was just replaced, as after a connection switch.
      await qc.resetQueries();
    },
  });
  return { unavailable, exportFile, importFile };
};
