import Container from '@cloudscape-design/components/container';
import Header from '@cloudscape-design/components/header';
import { sumOf } from '../../hooks/useMetrics';
import { exact } from './chartTheme';
import { MetricChart, type MetricChartProps } from './MetricChart';

const TITLE = 'IncomingRecords (1-minute Sum)';

/**
 * The workshop's chart: IncomingRecords as 1-minute sums, with the sum over the range in the header
 * (and, hidden, as a plain number for tests). One panel for a data stream and a delivery stream.
 */
export function IncomingRecordsPanel({
  testId,
  description,
  data,
  loading,
  emptyText,
  height,
  large,
}: {
  /** `incoming-records` gives test ids `chart-incoming-records` and `sum-incoming-records`. */
  testId: string;
  description: string;
  data: MetricChartProps['data'];
  loading: boolean;
  emptyText: string;
  height?: number;
  /** Large axis labels, for the presenter view. */
  large?: boolean;
}) {
  const sum = data ? sumOf(data, 'incomingRecords') : undefined;
  return (
    <Container
      header={
        <Header variant="h2" description={description} counter={sum !== undefined ? `(Sum in range: ${exact(sum)})` : undefined}>
          {TITLE}
        </Header>
      }
    >
      <span data-testid={`sum-${testId}`} hidden>
        {sum ?? ''}
      </span>
      <MetricChart
        testId={`chart-${testId}`}
        data={data}
        title={TITLE}
        series={[{ key: 'incomingRecords', label: 'IncomingRecords' }]}
        unit="records"
        loading={loading}
        emptyText={emptyText}
        height={height}
        large={large}
      />
    </Container>
  );
}
