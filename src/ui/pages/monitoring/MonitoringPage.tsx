import Alert from '@cloudscape-design/components/alert';
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import ColumnLayout from '@cloudscape-design/components/column-layout';
import Grid from '@cloudscape-design/components/grid';
import Container from '@cloudscape-design/components/container';
import ContentLayout from '@cloudscape-design/components/content-layout';
import FormField from '@cloudscape-design/components/form-field';
import Header from '@cloudscape-design/components/header';
import Link from '@cloudscape-design/components/link';
import Select from '@cloudscape-design/components/select';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { useState } from 'react';
import { describeError, formatError } from '../../hooks/errors';
import { hrefFor } from '../../hooks/route';
import { useServiceTime } from '../../hooks/useEmulatorConsole';
import { timeOfDay } from '../../components/time';
import { useDeliveryStreamList } from '../../hooks/useFirehose';
import { REFRESH_MS, useDeliveryStreamMetrics, useStreamMetrics, type RangeKey } from '../../hooks/useMetrics';
import { useStreamList } from '../../hooks/useStreams';
import type { PageProps } from '../../shell/page';
import { DeliveryMetrics } from '../firehose/DeliveryMetrics';
import { IncomingRecordsPanel } from './IncomingRecordsPanel';
import { MetricChart } from './MetricChart';
import { RangePicker } from './RangePicker';
import { ShardSection } from './ShardSection';

type Service = 'kinesis' | 'firehose';

const BYTES_TITLE = 'IncomingBytes (1-minute Sum)';
const THROTTLED_TITLE = 'Throttled (1-minute Sum)';
const ITERATOR_AGE_TITLE = 'GetRecords.IteratorAgeMilliseconds (Maximum)';

/** The only one of a list, picked for the user. */
const onlyOne = (names: readonly string[]) => (names.length === 1 ? names[0] : undefined);

/**
 * The workshop's review: IncomingRecords as a 1-minute Sum, and which shard each record went to;
 * or, for Activity 3, a delivery stream's AWS/Firehose metrics.
 */
const SERVICE_OPTIONS = [
  { value: 'kinesis', label: 'Kinesis data streams', description: 'AWS/Kinesis' },
  { value: 'firehose', label: 'Firehose delivery streams', description: 'AWS/Firehose' },
];

export default function MonitoringPage({ query }: PageProps) {
  const [service, setService] = useState<Service>(query.service === 'firehose' || query.deliveryStream ? 'firehose' : 'kinesis');
  const streams = useStreamList();
  const rows = streams.data ?? [];
  const deliveryStreams = useDeliveryStreamList(service === 'firehose');
  const deliveryRows = deliveryStreams.data ?? [];
  const [picked, setPicked] = useState<string | undefined>(query.stream);
  const [pickedDelivery, setPickedDelivery] = useState<string | undefined>(query.deliveryStream);
  const stream = service === 'kinesis' ? (picked ?? onlyOne(rows.map((r) => r.name))) : undefined;
  const deliveryStream = service === 'firehose' ? (pickedDelivery ?? onlyOne(deliveryRows.map((r) => r.name))) : undefined;
  const [range, setRange] = useState<RangeKey>('15m');
  const streamMetrics = useStreamMetrics(stream, range);
  const deliveryMetrics = useDeliveryStreamMetrics(deliveryStream, range);
  const metrics = service === 'kinesis' ? streamMetrics : deliveryMetrics;
  const data = streamMetrics.data;
  const chosen = service === 'kinesis' ? stream : deliveryStream;
  // The emulator's time of the last read (the chart's axis is in it too), not the browser's.
  const serviceTime = useServiceTime();
  const updated = metrics.dataUpdatedAt ? timeOfDay(serviceTime(metrics.dataUpdatedAt)) : undefined;

  return (
    <ContentLayout
      header={
        <Header
          variant="h1"
          description={`CloudWatch metrics of a ${service === 'kinesis' ? 'data stream (namespace AWS/Kinesis)' : 'delivery stream (namespace AWS/Firehose)'}, one point a minute, read with GetMetricData and refreshed every ${REFRESH_MS / 1000} seconds.`}
          actions={
            <SpaceBetween direction="horizontal" size="xs" alignItems="center">
              {updated && (
                <Box variant="small" color="text-body-secondary" data-testid="metrics-updated">
                  Updated {updated}
                </Box>
              )}
              <Button
                iconName="refresh"
                ariaLabel="Refresh metrics"
                data-testid="refresh-metrics"
                disabled={!chosen}
                loading={metrics.isFetching}
                onClick={() => void metrics.refetch()}
              />
            </SpaceBetween>
          }
        >
          Monitoring
        </Header>
      }
    >
      <SpaceBetween size="l">
        <Container>
          {/* The range picker gets the widest column, so "15 minutes" stays on one line at 1024 px. */}
          <Grid gridDefinition={[{ colspan: { default: 12, xs: 3 } }, { colspan: { default: 12, xs: 4 } }, { colspan: { default: 12, xs: 5 } }]}>
            <FormField label="Service">
              <Select
                data-testid="monitor-service-select"
                selectedOption={SERVICE_OPTIONS.find((o) => o.value === service) ?? null}
                options={SERVICE_OPTIONS}
                onChange={({ detail }) => setService(detail.selectedOption.value as Service)}
              />
            </FormField>
            {service === 'firehose' ? (
              <FormField label="Delivery stream">
                <Select
                  data-testid="monitor-delivery-select"
                  placeholder="Choose a delivery stream"
                  statusType={deliveryStreams.isLoading ? 'loading' : 'finished'}
                  selectedOption={deliveryStream ? { value: deliveryStream, label: deliveryStream } : null}
                  options={deliveryRows.map((r) => ({ value: r.name, label: r.name, description: r.status }))}
                  empty={
                    <span>
                      No delivery streams. <Link href={hrefFor('/create-delivery-stream')}>Create delivery stream</Link>
                    </span>
                  }
                  onChange={({ detail }) => setPickedDelivery(detail.selectedOption.value)}
                />
              </FormField>
            ) : (
              <FormField label="Stream">
                <Select
                  data-testid="monitor-stream-select"
                  placeholder="Choose a stream"
                  statusType={streams.isLoading ? 'loading' : 'finished'}
                  selectedOption={stream ? { value: stream, label: stream } : null}
                  options={rows.map((r) => ({ value: r.name, label: r.name }))}
                  empty={
                    <span>
                      No data streams. <Link href={hrefFor('/create-stream')}>Create data stream</Link>
                    </span>
                  }
                  onChange={({ detail }) => setPicked(detail.selectedOption.value)}
                />
              </FormField>
            )}
            <FormField label="Time range">
              <RangePicker value={range} onChange={setRange} />
            </FormField>
          </Grid>
        </Container>
        {service === 'firehose' ? (
          !deliveryStream ? (
            <Container>
              <Box textAlign="center" color="text-body-secondary" padding="l" data-testid="monitor-no-delivery-stream">
                <b>Choose a delivery stream</b>
                <Box variant="p" color="inherit">
                  Its IncomingRecords, deliveries to S3, their success and data freshness appear here.
                </Box>
              </Box>
            </Container>
          ) : (
            <DeliveryMetrics name={deliveryStream} range={range} />
          )
        ) : !stream ? (
          <Container>
            <Box textAlign="center" color="text-body-secondary" padding="l" data-testid="monitor-no-stream">
              <b>Choose a stream</b>
              <Box variant="p" color="inherit">
                Its IncomingRecords, IncomingBytes, throttling and iterator age appear here.
              </Box>
            </Box>
          </Container>
        ) : (
          // Its own SpaceBetween: a fragment counts as one child, so its containers would touch.
          <SpaceBetween size="l">
            {streams.data && !rows.some((r) => r.name === stream) && (
              <Alert type="warning" header={`No stream named ${stream}`} data-testid="monitor-stream-missing">
                There is no such stream now (the emulator starts empty after a reload, and a deleted stream is gone). CloudWatch still
                serves the metrics it reported while it existed.
              </Alert>
            )}
            {streamMetrics.error && (
              <Box color="text-status-error" data-testid="metrics-error">
                {formatError(describeError(streamMetrics.error))}
              </Box>
            )}
            <IncomingRecordsPanel
              testId="incoming-records"
              description="Records put into the stream per minute (PutRecord and PutRecords): the workshop's chart."
              data={data}
              loading={streamMetrics.isLoading}
              emptyText="No records were put into this stream in the range. Send some from the Data generator."
              height={260}
            />
            <ShardSection stream={stream} range={range} />
            <ColumnLayout columns={2} minColumnWidth={420}>
              <Container header={<Header variant="h2" description="Bytes of record data put per minute.">{BYTES_TITLE}</Header>}>
                <MetricChart
                  testId="chart-incoming-bytes"
                  title={BYTES_TITLE}
                  data={data}
                  series={[{ key: 'incomingBytes', label: 'IncomingBytes' }]}
                  unit="bytes"
                  loading={streamMetrics.isLoading}
                  emptyText="No bytes in this range."
                />
              </Container>
              <Container
                header={
                  <Header variant="h2" description="Records or calls refused for exceeding a shard's limits (writes: 1,000 records or 1 MiB per second per shard).">
                    {THROTTLED_TITLE}
                  </Header>
                }
              >
                <MetricChart
                  testId="chart-throttled"
                  title={THROTTLED_TITLE}
                  data={data}
                  series={[
                    { key: 'writeThrottled', label: 'WriteProvisionedThroughputExceeded' },
                    { key: 'readThrottled', label: 'ReadProvisionedThroughputExceeded' },
                  ]}
                  unit="records"
                  loading={streamMetrics.isLoading}
                  emptyText="Nothing was throttled in this range."
                />
              </Container>
              <Container
                header={
                  <Header variant="h2" description="How far behind the newest record the oldest GetRecords reader is (Maximum per minute).">
                    {ITERATOR_AGE_TITLE}
                  </Header>
                }
              >
                <MetricChart
                  testId="chart-iterator-age"
                  title={ITERATOR_AGE_TITLE}
                  data={data}
                  series={[{ key: 'iteratorAge', label: 'IteratorAgeMilliseconds' }]}
                  unit="ms"
                  zeroIsData
                  loading={streamMetrics.isLoading}
                  emptyText="No GetRecords calls in this range (no consumer is reading yet)."
                />
              </Container>
            </ColumnLayout>
          </SpaceBetween>
        )}
      </SpaceBetween>
    </ContentLayout>
  );
}
