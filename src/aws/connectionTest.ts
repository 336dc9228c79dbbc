import { ListMetricsCommand } from '@aws-sdk/client-cloudwatch';
import { ListDeliveryStreamsCommand } from '@aws-sdk/client-firehose';
import { ListStreamsCommand } from '@aws-sdk/client-kinesis';
import { ListApplicationsCommand } from '@aws-sdk/client-kinesis-analytics-v2';
import { ListBucketsCommand } from '@aws-sdk/client-s3';
import type { ServiceClients } from './clients';
import { SERVICES, type ServiceInfo, type ServiceKey } from './connection';
import { describeConnectionFailure, endpointUrlFor, isNoAnswer, type ConnectionFailure, type Reachability } from './failures';

/** One service's answer to the connection test: what its list call found, or why it failed. */
export type ServiceCheck = {
  service: ServiceKey;
  /** The call made: `ListStreams`. */
  action: string;
  /** Where it went: the override, or the service's AWS endpoint. */
  endpoint: string;
} & ({ ok: true; found: string } | { ok: false; failure: ConnectionFailure });

/** How many things a list call found, in words: "3 streams", "100+ metrics". */
const count = (n: number, more: boolean, one: string, many = `${one}s`): string =>
  `${n}${more ? '+' : ''} ${n === 1 && !more ? one : many}`;

/** The list call each service answers without naming a resource, and what its answer counts. */
const LIST_CALLS: Record<ServiceKey, (c: ServiceClients) => Promise<string>> = {
  kinesis: async (c) => {
    const out = await c.kinesis.send(new ListStreamsCommand({ Limit: 100 }));
    return count(out.StreamNames?.length ?? 0, out.HasMoreStreams ?? false, 'stream');
  },
  firehose: async (c) => {
    const out = await c.firehose.send(new ListDeliveryStreamsCommand({ Limit: 100 }));
    return count(out.DeliveryStreamNames?.length ?? 0, out.HasMoreDeliveryStreams ?? false, 'delivery stream');
  },
  s3: async (c) => {
    const out = await c.s3.send(new ListBucketsCommand({}));
    return count(out.Buckets?.length ?? 0, !!out.ContinuationToken, 'bucket');
  },
  cloudwatch: async (c) => {
    const out = await c.cloudwatch.send(new ListMetricsCommand({ Namespace: 'AWS/Kinesis' }));
    return count(out.Metrics?.length ?? 0, !!out.NextToken, 'Kinesis metric');
  },
  analytics: async (c) => {
    const out = await c.analytics.send(new ListApplicationsCommand({ Limit: 50 }));
    return count(out.ApplicationSummaries?.length ?? 0, !!out.NextToken, 'application');
  },
};

export interface CheckOptions {
  /** The services to test; all by default. */
  services?: readonly ServiceInfo[];
  /** Finds out why a request got no answer (the page's CSP, CORS, or nothing listening); the browser supplies it. */
  probe?: (url: string) => Promise<Reachability | undefined>;
}

/**
 * Tests each service of a connection with its list call, all at once, through the console's own
 * clients: per service what it found, or the failure explained.
 */
export const checkServices = async (clients: ServiceClients, o: CheckOptions = {}): Promise<ServiceCheck[]> => {
  const settings = clients.settings;
  const probed = new Map<string, Promise<Reachability | undefined>>();
  const reach = (url: string) => {
    if (!o.probe) return Promise.resolve(undefined);
    let p = probed.get(url);
    if (!p) probed.set(url, (p = o.probe(url).catch(() => undefined)));
    return p;
  };
  return Promise.all(
    (o.services ?? SERVICES).map(async (s): Promise<ServiceCheck> => {
      const endpoint = endpointUrlFor(settings, s.key);
      const base = { service: s.key, action: s.testAction, endpoint: settings.mode === 'emulated' ? 'emulator' : endpoint };
      try {
        return { ...base, ok: true, found: await LIST_CALLS[s.key](clients) };
      } catch (e) {
        const why = settings.mode === 'aws' && isNoAnswer(e) ? await reach(endpoint) : undefined;
        return { ...base, ok: false, failure: describeConnectionFailure(e, settings, s.key, why) };
      }
    }),
  );
};
