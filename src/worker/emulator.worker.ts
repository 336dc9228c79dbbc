import { expose } from 'comlink';
import { EmulatorHost } from './host';
import { openIdbStorage } from './persistence';
import { WorkerCommand, type HttpTransport, type ToWorker } from './protocol';
import { servePort } from './relay';
import { workerTransformRunner } from './transformRunner';

// The only file that touches the worker global. One emulator per worker, made once; it restores
// the state saved in IndexedDB (requests wait for that) and saves changes back.
// Transformation functions run in workers of their own, started from this one.
const host = new EmulatorHost({ storage: openIdbStorage(), hooks: { runTransform: workerTransformRunner() } });
interface WorkerScope {
  onmessage: ((event: MessageEvent<ToWorker>) => void) | null;
  postMessage(message: unknown): void;
}
const scope = self as unknown as WorkerScope;

/** The emulator as a transport, for requests that come in over a port rather than the page. */
const direct: HttpTransport = async (request) => {
  const reply = await host.answer({ cmd: WorkerCommand.Http, id: 0, request });
  if (!reply.ok) throw new Error(reply.error);
  return reply.response;
};

scope.onmessage = (event: MessageEvent<ToWorker>) => {
  const msg = event.data;
  switch (msg.cmd) {
    case WorkerCommand.Http:
      void host.answer(msg).then((reply) => scope.postMessage(reply));
      return;
    case WorkerCommand.Console:
      expose(host, msg.port);
      return;
    case WorkerCommand.Serve:
      servePort(msg.port, direct);
      return;
    case WorkerCommand.Ping:
      // The page's heartbeat: answered between tasks, so a worker that hangs or died is noticed.
      scope.postMessage(msg);
      return;
    default: {
      const never: never = msg;
      throw new Error(`unknown worker command ${JSON.stringify(never)}`);
    }
  }
};
