import Box from '@cloudscape-design/components/box';
import ColumnLayout from '@cloudscape-design/components/column-layout';
import Container from '@cloudscape-design/components/container';
import Header from '@cloudscape-design/components/header';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { describeError, formatError } from '../../hooks/errors';
import { useDeliveryStreamMetrics, type DeliverySeries, type RangeKey } from '../../hooks/useMetrics';
import { IncomingRecordsPanel } from '../monitoring/IncomingRecordsPanel';
import { MetricChart } from '../monitoring/MetricChart';

interface ChartDef {
  id: string;
  title: string;
  description: string;
  series: { key: DeliverySeries; label: string }[];
  unit: string;
  emptyText: string;
  zeroIsData?: boolean;
}

/** The delivery stream's charts, in the order the Firehose console shows them. */
const CHARTS: ChartDef[] = [
  {
    id: 'incoming-bytes',
    title: 'IncomingBytes (1-minute Sum)',
    description: 'Bytes of records received (PutRecord, PutRecordBatch or the source data stream).',
    series: [{ key: 'incomingBytes', label: 'IncomingBytes' }],
    unit: 'bytes',
    emptyText: 'Nothing was received in this range.',
  },
  {
    id: 'delivery-records',
    title: 'DeliveryToS3.Records (1-minute Sum)',
    description:
      'Records written to the bucket: a buffer is written when it is full or its interval has passed.',
    series: [{ key: 'deliveredRecords', label: 'DeliveryToS3.Records' }],
    unit: 'records',
    emptyText: 'Nothing was delivered in this range (the buffer may still be filling).',
  },
  {
    id: 'delivery-bytes',
    title: 'DeliveryToS3.Bytes (1-minute Sum)',
    description: 'Bytes written to the bucket, after compression.',
    series: [{ key: 'deliveredBytes', label: 'DeliveryToS3.Bytes' }],
    unit: 'bytes',
    emptyText: 'Nothing was delivered in this range.',
  },
  {
    id: 'delivery-success',
    title: 'DeliveryToS3.Success (Average)',
    description:
      'The share of S3 writes that succeeded: 1 when every write did, 0 when none did (a missing bucket, say).',
    series: [{ key: 'deliverySuccess', label: 'DeliveryToS3.Success' }],
    unit: '',
    zeroIsData: true,
    emptyText: 'No S3 writes were attempted in this range.',
  },
  {
    id: 'data-freshness',
    title: 'DeliveryToS3.DataFreshness (Maximum)',
    description:
      'Age in seconds of the oldest record delivered: about the buffer interval when the stream is quiet.',
    series: [{ key: 'dataFreshness', label: 'DataFreshness' }],
    unit: 'seconds',
    zeroIsData: true,
    emptyText: 'Nothing was delivered in this range.',
  },
  {
    id: 'throttled',
    title: 'ThrottledRecords (1-minute Sum)',
    description: 'Records refused for exceeding the delivery stream’s throughput quota.',
    series: [{ key: 'throttledRecords', label: 'ThrottledRecords' }],
    unit: 'records',
    emptyText: 'Nothing was throttled in this range.',
  },
];

/** AWS/Firehose metrics of one delivery stream (DeliveryStreamName dimension), refreshed every 10 seconds. */
export function DeliveryMetrics({ name, range }: { name: string; range: RangeKey }) {
  const metrics = useDeliveryStreamMetrics(name, range);
  const data = metrics.data;
  return (
    <SpaceBetween size="l">
      {metrics.error && (
        <Box color="text-status-error" data-testid="delivery-metrics-error">
          {formatError(describeError(metrics.error))}
        </Box>
      )}
      <IncomingRecordsPanel
        testId="delivery-incoming-records"
        description="Records received per minute."
        data={data}
        loading={metrics.isLoading}
        emptyText="No records were received in this range. Send some with Test with demo data."
        height={240}
      />
      <ColumnLayout columns={2} minColumnWidth={420}>
        {CHARTS.map((c) => (
          <Container
            key={c.id}
            header={
              <Header variant="h2" description={c.description}>
                {c.title}
              </Header>
            }
          >
            <MetricChart
              testId={`chart-${c.id}`}
              title={c.title}
              data={data}
              series={c.series}
              unit={c.unit || undefined}
              zeroIsData={c.zeroIsData}
              loading={metrics.isLoading}
              emptyText={c.emptyText}
            />
          </Container>
        ))}
      </ColumnLayout>
    </SpaceBetween>
  );
}
