import Alert from '@cloudscape-design/components/alert';
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import Container from '@cloudscape-design/components/container';
import ContentLayout from '@cloudscape-design/components/content-layout';
import Header from '@cloudscape-design/components/header';
import KeyValuePairs from '@cloudscape-design/components/key-value-pairs';
import Link from '@cloudscape-design/components/link';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Spinner from '@cloudscape-design/components/spinner';
import Tabs from '@cloudscape-design/components/tabs';
import { useState } from 'react';
import { describeError, formatError } from '../../hooks/errors';
import { hrefFor, navigate } from '../../hooks/route';
import {
  DEMO_RECORDS_PER_SECOND,
  s3DestinationOf,
  useDeliveryStream,
  useDemoData,
  type DeliveryStreamDescription,
} from '../../hooks/useFirehose';
import type { RangeKey } from '../../hooks/useMetrics';
import { bucketOfArn, fixedFolder } from '../../lib/firehoseRules';
import type { PageProps } from '../../shell/page';
import { RangePicker } from '../monitoring/RangePicker';
import { StreamStatus } from '../streams/StatusCell';
import { DateTime, Identifier } from '../../components/Unbroken';
import { DeleteDeliveryStreamModal } from './DeleteDeliveryStreamModal';
import { DeliveryMetrics } from './DeliveryMetrics';
import { SourceCell } from './DeliveryStreamList';
import { EditDestinationModal } from './EditDestinationModal';
import { deliveryStreamHref, s3Href, type DeliveryStreamTab } from './links';
import { TransformDetails } from './TransformDetails';

const tabs: DeliveryStreamTab[] = ['configuration', 'monitoring'];

const show = (v: string | undefined) =>
  v ? <Box variant="code">{v}</Box> : <Box color="text-status-inactive">None</Box>;

export function DeliveryStreamDetailPage({ params, query }: PageProps) {
  const name = params.name ?? '';
  const described = useDeliveryStream(name);
  const [deleting, setDeleting] = useState(false);
  const [editing, setEditing] = useState(false);
  const [range, setRange] = useState<RangeKey>('15m');
  const tab: DeliveryStreamTab = tabs.includes(query.tab as DeliveryStreamTab)
    ? (query.tab as DeliveryStreamTab)
    : 'configuration';

  if (described.isLoading)
    return (
      <Box textAlign="center" padding="xxl">
        <Spinner size="large" /> Loading {name}
      </Box>
    );
  if (described.error || !described.data) {
    const shown = describeError(described.error);
    return (
      <ContentLayout header={<Header variant="h1">{name}</Header>}>
        <Alert
          type="error"
          header={shown.type}
          data-testid="delivery-error"
          action={<Button href={hrefFor('/firehose')}>Back to delivery streams</Button>}
        >
          {shown.message}
        </Alert>
      </ContentLayout>
    );
  }
  const d = described.data;
  const s3 = s3DestinationOf(d);
  const bucket = bucketOfArn(s3?.BucketARN);
  const active = d.DeliveryStreamStatus === 'ACTIVE';
  return (
    <ContentLayout
      header={
        <Header
          variant="h1"
          description={d.DeliveryStreamARN ? <Identifier value={d.DeliveryStreamARN} /> : undefined}
          actions={
            <SpaceBetween direction="horizontal" size="xs">
              <Button
                iconName="refresh"
                ariaLabel="Refresh delivery stream"
                onClick={() => void described.refetch()}
              />
              {bucket && (
                <Button
                  href={s3Href(bucket, fixedFolder(s3?.Prefix) || undefined)}
                  iconName="folder-open"
                  data-testid="open-bucket"
                >
                  Open the destination bucket
                </Button>
              )}
              <Button
                onClick={() => setDeleting(true)}
                disabled={d.DeliveryStreamStatus === 'DELETING'}
                data-testid="delete-delivery-detail"
              >
                Delete
              </Button>
            </SpaceBetween>
          }
        >
          <span data-testid="delivery-title">{d.DeliveryStreamName}</span>
        </Header>
      }
    >
      <SpaceBetween size="l">
        <Container header={<Header variant="h2">Delivery stream details</Header>}>
          <KeyValuePairs
            columns={3}
            items={[
              {
                label: 'Status',
                value: <StreamStatus status={d.DeliveryStreamStatus} testId="delivery-detail-status" />,
              },
              {
                label: 'Source',
                value: (
                  <SourceCell
                    type={d.DeliveryStreamType ?? 'DirectPut'}
                    sourceStreamArn={d.Source?.KinesisStreamSourceDescription?.KinesisStreamARN}
                  />
                ),
              },
              { label: 'Destination', value: 'Amazon S3' },
              {
                label: 'ARN',
                value: d.DeliveryStreamARN ? (
                  <Identifier value={d.DeliveryStreamARN} copyLabel="the ARN" />
                ) : (
                  '-'
                ),
              },
              {
                label: 'Version ID',
                value: <span data-testid="delivery-version">{d.VersionId ?? '-'}</span>,
              },
              { label: 'Created', value: <DateTime value={d.CreateTimestamp} /> },
            ]}
          />
        </Container>
        <DemoData stream={d} active={active} />
        <Tabs
          activeTabId={tab}
          onChange={({ detail }) =>
            navigate(deliveryStreamHref(name, detail.activeTabId as DeliveryStreamTab), { replace: true })
          }
          ariaLabel="Delivery stream details"
          tabs={[
            {
              id: 'configuration',
              label: 'Configuration',
              content: (
                <SpaceBetween size="l">
                  <Container
                    header={
                      <Header
                        variant="h2"
                        description="Where and how often Firehose writes the records it buffers."
                        actions={
                          <Button
                            onClick={() => setEditing(true)}
                            disabled={!active}
                            data-testid="edit-destination"
                          >
                            Edit
                          </Button>
                        }
                      >
                        Destination settings
                      </Header>
                    }
                  >
                    <KeyValuePairs
                      columns={3}
                      items={[
                        {
                          label: 'S3 bucket',
                          value: bucket ? (
                            <Link href={s3Href(bucket)} data-testid="destination-bucket">
                              {bucket}
                            </Link>
                          ) : (
                            '-'
                          ),
                        },
                        {
                          label: 'S3 bucket prefix',
                          value: <span data-testid="destination-prefix">{show(s3?.Prefix)}</span>,
                        },
                        {
                          label: 'S3 bucket error output prefix',
                          value: (
                            <span data-testid="destination-error-prefix">{show(s3?.ErrorOutputPrefix)}</span>
                          ),
                        },
                        {
                          label: 'Buffer size',
                          value: (
                            <span data-testid="destination-buffer-size">
                              {s3?.BufferingHints?.SizeInMBs ?? '-'} MiB
                            </span>
                          ),
                        },
                        {
                          label: 'Buffer interval',
                          value: (
                            <span data-testid="destination-buffer-interval">
                              {s3?.BufferingHints?.IntervalInSeconds ?? '-'} seconds
                            </span>
                          ),
                        },
                        {
                          label: 'Compression',
                          value: (
                            <span data-testid="destination-compression">
                              {s3?.CompressionFormat === 'GZIP' ? 'GZIP' : 'Not enabled'}
                            </span>
                          ),
                        },
                        {
                          label: 'CloudWatch error logging',
                          value: (
                            <span data-testid="destination-logging">
                              {s3?.CloudWatchLoggingOptions?.Enabled
                                ? `Enabled (${s3.CloudWatchLoggingOptions.LogGroupName ?? ''}${s3.CloudWatchLoggingOptions.LogStreamName ? ` / ${s3.CloudWatchLoggingOptions.LogStreamName}` : ''})`
                                : 'Disabled'}
                            </span>
                          ),
                        },
                        { label: 'IAM role', value: s3?.RoleARN ? <Identifier value={s3.RoleARN} /> : '-' },
                      ]}
                    />
                  </Container>
                  <TransformDetails stream={d} />
                </SpaceBetween>
              ),
            },
            {
              id: 'monitoring',
              label: 'Monitoring',
              content: (
                <SpaceBetween size="l">
                  <RangePicker value={range} onChange={setRange} testId="delivery-range-picker" />
                  <DeliveryMetrics name={name} range={range} />
                </SpaceBetween>
              ),
            },
          ]}
        />
      </SpaceBetween>
      <DeleteDeliveryStreamModal
        key={`delete-${deleting}`}
        name={name}
        visible={deleting}
        onDismiss={() => setDeleting(false)}
      />
      {editing && <EditDestinationModal stream={d} visible onDismiss={() => setEditing(false)} />}
    </ContentLayout>
  );
}

/** "Test with demo data": stock-ticker records through PutRecordBatch once a second while the page is open. */
function DemoData({ stream, active }: { stream: DeliveryStreamDescription; active: boolean }) {
  const name = stream.DeliveryStreamName ?? '';
  const demo = useDemoData(name);
  const direct = stream.DeliveryStreamType !== 'KinesisStreamAsSource';
  const interval = s3DestinationOf(stream)?.BufferingHints?.IntervalInSeconds;
  return (
    <Container
      header={
        <Header
          variant="h2"
          description={`Sends ${DEMO_RECORDS_PER_SECOND} small JSON records a second, like {"ticker_symbol":"QXZ","sector":"HEALTHCARE","change":-0.05,"price":84.51}, while this page is open.`}
          actions={
            demo.running ? (
              <Button onClick={demo.stop} data-testid="demo-stop">
                Stop sending demo data
              </Button>
            ) : (
              <Button onClick={demo.start} disabled={!active || !direct} data-testid="demo-start">
                Start sending demo data
              </Button>
            )
          }
        >
          Test with demo data
        </Header>
      }
    >
      <SpaceBetween size="s">
        {!direct && (
          <Box color="text-body-secondary">
            This delivery stream reads a data stream: put records into that stream instead (PutRecordBatch is
            refused).
          </Box>
        )}
        <Box data-testid="demo-status">
          {demo.running ? 'Sending. ' : demo.sent > 0 ? 'Stopped. ' : ''}
          <b data-testid="demo-sent">{demo.sent}</b> records sent
          {demo.failed > 0 ? `, ${demo.failed} failed` : ''}.
          {demo.sent > 0 &&
            interval !== undefined &&
            ` They reach the bucket when the buffer fills or after ${interval} seconds.`}
        </Box>
        {demo.error && (
          <Alert type="error" data-testid="demo-error">
            {formatError(demo.error)}
          </Alert>
        )}
      </SpaceBetween>
    </Container>
  );
}
