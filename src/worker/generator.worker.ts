import { expose } from 'comlink';
import { createServiceClients, type ServiceClients } from '../aws/clients';
import { sendBatchFor } from '../aws/generatorSend';
import type { SendBatch } from '../engine/generator/run';
import { GeneratorHost } from './generatorHost';
import type { GeneratorJob, GeneratorWorkerApi } from './generatorProtocol';
import { EmulatorRestartedError } from './protocol';
import { portTransport } from './relay';

/*
 * The generator's own thread: renders records and sends PutRecords batches through the same SDK
 * client factory the page uses, so the page stays responsive at tens of thousands of records a
 * second. In emulated mode the requests go over a MessagePort to the page, which forwards them to
 * its one emulator worker (see generatorProtocol.ts).
 */
let transport: ReturnType<typeof portTransport> | undefined;
let clients: { key: string; made: ServiceClients } | undefined;

const clientsFor = (job: GeneratorJob): ServiceClients => {
  const key = JSON.stringify(job.connection);
  if (clients?.key === key) return clients.made;
  clients?.made.destroy();
  // Through whichever line is current: the SDK's own retries of a call cut off by an emulator restart take the new one.
  const made = createServiceClients(job.connection, transport ? { emulatorTransport: (req) => transport!(req) } : {});
  clients = { key, made };
  return made;
};

// The clients are looked up per batch: after connect() (a new line to the emulator) a run carries on over the new one.
const makeSend = (job: GeneratorJob): SendBatch => (batch) => sendBatchFor(clientsFor(job), job)(batch);

const host = new GeneratorHost(makeSend);

const api: GeneratorWorkerApi = {
  connect(port) {
    // A new line replaces one to an emulator that stopped: calls it never answered are retried over the new one.
    transport?.close(new EmulatorRestartedError());
    transport = portTransport(port);
    clients?.made.destroy();
    clients = undefined;
  },
  start: (job, onStats) => host.start(job, onStats),
  setClock: (reading) => host.setClock(reading),
  stop: (reason) => host.stop(reason),
};

expose(api);
