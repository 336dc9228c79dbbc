import { PutRecordsCommand, type KinesisClient } from '@aws-sdk/client-kinesis';
import { expose } from 'comlink';
import { createServiceClients } from '../aws/clients';
import type { SendBatch } from '../engine/generator/run';
import { GeneratorHost } from './generatorHost';
import type { GeneratorJob, GeneratorWorkerApi } from './generatorProtocol';
import { portTransport } from './relay';

/*
 * The generator's own thread: renders records and sends PutRecords batches through the same SDK
 * client factory the page uses, so the page stays responsive at tens of thousands of records a
 * second. In emulated mode the requests go over a MessagePort to the page, which forwards them to
 * its one emulator worker (see generatorProtocol.ts).
 */
let transport: ReturnType<typeof portTransport> | undefined;
let clients: { key: string; kinesis: KinesisClient; destroy(): void } | undefined;

const kinesisFor = (job: GeneratorJob): KinesisClient => {
  const key = JSON.stringify(job.connection);
  if (clients?.key === key) return clients.kinesis;
  clients?.destroy();
  const made = createServiceClients(job.connection, transport ? { emulatorTransport: transport } : {});
  clients = { key, kinesis: made.kinesis, destroy: () => made.destroy() };
  return made.kinesis;
};

const makeSend = (job: GeneratorJob): SendBatch => {
  const kinesis = kinesisFor(job);
  return (batch) => kinesis.send(new PutRecordsCommand({ StreamName: job.stream, Records: batch }));
};

const host = new GeneratorHost(makeSend);

const api: GeneratorWorkerApi = {
  connect(port) {
    transport?.close();
    transport = portTransport(port);
    clients?.destroy();
    clients = undefined;
  },
  start: (job, onStats) => host.start(job, onStats),
  setClock: (reading) => host.setClock(reading),
  stop: (reason) => host.stop(reason),
};

expose(api);
