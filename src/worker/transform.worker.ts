import { HANDLER_RUNTIME } from '../engine/functions/handler';

/*
 * One invocation of a transformation function (the stand-in for a Lambda function), in a worker of its
 * own that the emulator worker starts and terminates (see transformRunner.ts): the user's code never runs
 * in the page or beside the emulator's state. What this origin's workers could reach (the emulator's
 * saved state in IndexedDB, the network) is taken away before the code is evaluated.
 */
interface Invocation {
  source: string;
  event: unknown;
  context: { awsRequestId: string };
  /** Wall-clock ms when the time limit runs out. */
  deadline: number;
}

interface TransformScope {
  onmessage: ((event: MessageEvent<Invocation>) => void) | null;
  postMessage(message: unknown): void;
}
const scope = self as unknown as TransformScope;

for (const name of ['indexedDB', 'caches', 'fetch', 'XMLHttpRequest', 'WebSocket', 'EventSource', 'BroadcastChannel', 'importScripts', 'Worker', 'SharedWorker']) {
  try {
    Object.defineProperty(globalThis, name, { value: undefined, configurable: false, writable: false });
  } catch {
    // A property the platform will not redefine stays; the others are gone.
  }
}

// The runtime is text shared with the Node server's runner, so both run the same code.
const runHandler = new Function(`${HANDLER_RUNTIME}\nreturn runHandler;`)() as (source: string, event: unknown, context: object, deadline: number) => Promise<unknown>;

scope.onmessage = (event: MessageEvent<Invocation>) => {
  const { source, event: input, context, deadline } = event.data;
  runHandler(source, input, context, deadline).then(
    (result) => scope.postMessage({ ok: true, result }),
    (e: unknown) => scope.postMessage({ ok: false, error: e instanceof Error ? e.message : String(e) }),
  );
};
