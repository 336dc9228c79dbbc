import { transformFailure } from '../engine/firehose/environment';
import type { EngineHooks } from '../engine/protocol/context';

/** Anything that speaks like the transform Worker (a real one, or a stub in tests). */
export interface TransformWorkerLike {
  postMessage(message: unknown): void;
  onmessage: ((event: MessageEvent<{ ok: boolean; result?: unknown; error?: string }>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
  terminate(): void;
}

const startTransformWorker = (): TransformWorkerLike =>
  new Worker(new URL('./transform.worker.ts', import.meta.url), { type: 'module', name: 'transform' }) as unknown as TransformWorkerLike;

/**
 * The browser's runner of transformation functions: every invocation in a dedicated Worker started
 * from the emulator worker, terminated when it answers or when its time limit passes (Lambda's
 * timeout, in wall time). A throw is `Lambda.FunctionError`, the limit `Lambda.FunctionTimedOut`.
 */
export const workerTransformRunner =
  (start: () => TransformWorkerLike = startTransformWorker): NonNullable<EngineHooks['runTransform']> =>
  (source, event, timeoutMs) =>
    new Promise((resolve, reject) => {
      let worker: TransformWorkerLike;
      try {
        worker = start();
      } catch {
        reject(transformFailure.functionError());
        return;
      }
      let settled = false;
      const finish = (fn: () => void) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        worker.terminate();
        fn();
      };
      const timer = setTimeout(() => finish(() => reject(transformFailure.timedOut())), timeoutMs);
      worker.onmessage = (e) => finish(() => (e.data.ok ? resolve(e.data.result) : reject(transformFailure.functionError())));
      worker.onerror = (e) => {
        e.preventDefault();
        finish(() => reject(transformFailure.functionError()));
      };
      const invocationId = (event as { invocationId?: string } | null)?.invocationId ?? '';
      worker.postMessage({ source, event, context: { awsRequestId: invocationId }, deadline: Date.now() + timeoutMs });
    });
