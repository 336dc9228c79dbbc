/**
 * The Node server's runner for transformation functions (the stand-in for Lambda): each invocation in a
 * worker thread of its own, the source evaluated in a fresh `vm` context holding only what the contract
 * offers (no `require`, no `process`), the thread terminated when the time limit passes.
 */
import { Worker } from 'node:worker_threads';
import type { EngineHooks } from '../src/engine/protocol/context';
import { transformFailure } from '../src/engine/firehose/environment';
import { HANDLER_RUNTIME } from '../src/engine/functions/handler';

/** The worker thread's code: plain CommonJS, evaluated by Node (`eval: true`). */
const THREAD = `
const { parentPort, workerData } = require('node:worker_threads');
const vm = require('node:vm');
const sandbox = vm.createContext({
  atob, btoa, TextEncoder, TextDecoder,
  console: { log: () => {}, info: () => {}, warn: () => {}, error: () => {}, debug: () => {} },
  setTimeout, clearTimeout,
});
vm.runInContext(${JSON.stringify(HANDLER_RUNTIME)} + '\\n;globalThis.__run = runHandler;', sandbox);
const { source, event, context, deadline } = workerData;
sandbox.__run(source, event, context, deadline).then(
  (result) => parentPort.postMessage({ ok: true, result }),
  (e) => parentPort.postMessage({ ok: false, error: String((e && e.stack) || e) }),
);
`;

/** What a finished invocation reports back. */
type Reply = { ok: true; result: unknown } | { ok: false; error: string };

/** Runs one invocation in its own thread; rejects with TransformFailure (a throw, or past `timeoutMs`). */
export const runTransformInThread: NonNullable<EngineHooks['runTransform']> = (source, event, timeoutMs) =>
  new Promise((resolve, reject) => {
    const invocationId = (event as { invocationId?: string } | null)?.invocationId ?? '';
    const worker = new Worker(THREAD, {
      eval: true,
      workerData: {
        source,
        event,
        context: { awsRequestId: invocationId },
        deadline: Date.now() + timeoutMs,
      },
      // A runaway function must not take the server's memory with it.
      resourceLimits: { maxOldGenerationSizeMb: 256 },
      stdout: true,
      stderr: true,
    });
    let settled = false;
    const finish = (fn: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      fn();
    };
    const timer = setTimeout(() => finish(() => reject(transformFailure.timedOut())), timeoutMs);
    worker.on('message', (reply: Reply) =>
      finish(() => (reply.ok ? resolve(reply.result) : reject(transformFailure.functionError()))),
    );
    worker.on('error', () => finish(() => reject(transformFailure.functionError())));
    worker.on('exit', () => finish(() => reject(transformFailure.functionError())));
  });
