import { expose } from 'comlink';
import { localAnalyticsDbName, startLocalAnalytics, type LocalAnalytics } from '../aws/localAnalytics';
import { openIdbStorage } from './persistence';
import { WorkerCommand, type Configure, type HttpTransport, type ToWorker } from './protocol';
import { servePort } from './relay';

// AWS mode's local analytics: the SQL applications of a real account, run in this thread over its
// streams. The page says which account first (Configure: the keys arrive in memory and stay there);
// after that the worker speaks exactly as the emulator worker does (emulator.worker.ts).
let local: LocalAnalytics | undefined;
interface WorkerScope {
  onmessage: ((event: MessageEvent<ToWorker | Configure>) => void) | null;
  postMessage(message: unknown): void;
}
const scope = self as unknown as WorkerScope;

const direct: HttpTransport = async (request) => {
  const reply = await local!.host.answer({ cmd: WorkerCommand.Http, id: 0, request });
  if (!reply.ok) throw new Error(reply.error);
  return reply.response;
};

scope.onmessage = (event: MessageEvent<ToWorker | Configure>) => {
  const msg = event.data;
  if (msg.cmd === WorkerCommand.Configure) {
    local ??= startLocalAnalytics(msg.connection, {
      storage: openIdbStorage(localAnalyticsDbName(msg.connection)),
    });
    return;
  }
  if (msg.cmd === WorkerCommand.Ping) {
    scope.postMessage(msg);
    return;
  }
  if (!local) throw new Error('the analytics worker was not told which account to reach');
  switch (msg.cmd) {
    case WorkerCommand.Http:
      void local.host.answer(msg).then((reply) => scope.postMessage(reply));
      return;
    case WorkerCommand.Console:
      expose(local.host, msg.port);
      return;
    case WorkerCommand.Serve:
      servePort(msg.port, direct);
      return;
    default: {
      const never: never = msg;
      throw new Error(`unknown worker command ${JSON.stringify(never)}`);
    }
  }
};
