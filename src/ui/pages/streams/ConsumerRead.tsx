import Alert from '@cloudscape-design/components/alert';
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import FormField from '@cloudscape-design/components/form-field';
import Header from '@cloudscape-design/components/header';
import Select from '@cloudscape-design/components/select';
import SpaceBetween from '@cloudscape-design/components/space-between';
import StatusIndicator from '@cloudscape-design/components/status-indicator';
import Table, { type TableProps } from '@cloudscape-design/components/table';
import { CliCommand } from '../../components/CliCommand';
import { MAX_SUBSCRIPTION_RECORDS, type Consumer, type ConsumerRead } from '../../hooks/useConsumers';
import type { ShownRecord } from '../../hooks/useRecords';
import { LongNumber } from '../../components/LongNumber';

/** The viewer's "read through" choice for GetRecords on the shard's shared throughput. */
export const SHARED = '';

/** How the Data viewer reads: GetRecords on the shared throughput, or through one registered consumer. */
export function ReadThroughSelect({
  value,
  consumers,
  available,
  onChange,
}: {
  value: string;
  consumers: Consumer[];
  /** False in AWS mode: the page cannot hold SubscribeToShard's HTTP/2 event stream. */
  available: boolean;
  onChange: (value: string) => void;
}) {
  const options = [
    {
      value: SHARED,
      label: 'Shared throughput (GetRecords)',
      description: 'Polls the shard; 2 MiB/s and 5 calls/s shared by every such reader',
    },
    ...consumers.map((c) => ({
      value: c.ConsumerName ?? '',
      label: `Enhanced fan-out consumer: ${c.ConsumerName ?? ''}`,
      description:
        c.ConsumerStatus === 'ACTIVE'
          ? 'SubscribeToShard: records pushed as they arrive, 2 MiB/s of its own'
          : `${c.ConsumerStatus ?? ''}: not readable until ACTIVE`,
      disabled: !available || c.ConsumerStatus !== 'ACTIVE',
      ...(available ? {} : { disabledReason: 'Needs HTTP/2, which the browser cannot use for this API' }),
    })),
  ];
  const chosen = options.find((o) => o.value === value) ?? options[0];
  return (
    <SpaceBetween size="s">
      <FormField
        label="Read through"
        description={
          consumers.length === 0
            ? 'Register a consumer on the Enhanced fan-out tab to read through it here.'
            : undefined
        }
      >
        <Select
          ariaLabel="Read through"
          data-testid="read-through-select"
          selectedOption={chosen}
          options={options}
          onChange={({ detail }) => onChange(detail.selectedOption.value ?? SHARED)}
        />
      </FormField>
      {!available && consumers.length > 0 && (
        <Alert type="info" data-testid="consumer-read-unavailable">
          Reading through a consumer calls SubscribeToShard, whose answer is an event stream carried over
          HTTP/2. A browser&apos;s fetch cannot open that stream to AWS, so this page reads with GetRecords.
          Applications using an AWS SDK, the KCL or the AWS CLI v2 can read through these consumers.
        </Alert>
      )}
    </SpaceBetween>
  );
}

/** Subscribe / Stop and the subscription's progress. */
export function ConsumerReadControls({
  read,
  onSubscribe,
  onStop,
  disabled,
  command,
}: {
  read: ConsumerRead;
  onSubscribe: () => void;
  onStop: () => void;
  disabled: boolean;
  command: string;
}) {
  return (
    <SpaceBetween size="m">
      <SpaceBetween direction="horizontal" size="xs" alignItems="center">
        <Button variant="primary" onClick={onSubscribe} disabled={disabled} data-testid="subscribe-button">
          {read.running ? 'Subscribe again' : 'Subscribe to shard'}
        </Button>
        <Button onClick={onStop} disabled={!read.running} data-testid="stop-subscription-button">
          Stop
        </Button>
        <span data-testid="subscription-status">
          {read.running ? (
            <StatusIndicator type="in-progress">Subscribed: records appear as they arrive</StatusIndicator>
          ) : read.events > 0 ? (
            <StatusIndicator type="stopped">Stopped</StatusIndicator>
          ) : (
            <StatusIndicator type="pending">Not subscribed</StatusIndicator>
          )}
        </span>
      </SpaceBetween>
      {read.error && (
        <Alert type="error" header={read.error.type} data-testid="subscription-error">
          {read.error.message}
        </Alert>
      )}
      <CliCommand command={command} testId="subscribe-cli" />
    </SpaceBetween>
  );
}

/** What the subscription has delivered: newest last, with the last event's position and lag. */
export function ConsumerRecords({
  read,
  columns,
}: {
  read: ConsumerRead;
  columns: TableProps.ColumnDefinition<ShownRecord>[];
}) {
  if (!read.running && read.events === 0) return null;
  return (
    <SpaceBetween size="l">
      <Table<ShownRecord>
        data-testid="consumer-records-table"
        items={read.records}
        trackBy="sequenceNumber"
        wrapLines={false}
        ariaLabels={{ tableLabel: 'Records received through the consumer' }}
        header={
          <Header
            variant="h2"
            counter={`(${read.received})`}
            description={
              <span data-testid="subscription-meta">
                {read.events} {read.events === 1 ? 'event' : 'events'} · ContinuationSequenceNumber:{' '}
                <b>
                  <LongNumber value={read.continuation} label="continuation sequence number" testId="continuation-sequence-number" />
                </b>{' '}
                · MillisBehindLatest:{' '}
                <b data-testid="subscription-millis-behind">{read.millisBehindLatest ?? '-'}</b>
                {read.subscriptions > 1
                  ? ` · subscribed ${read.subscriptions} times (each subscription lasts 5 minutes)`
                  : ''}
                {read.received > read.records.length
                  ? ` · the newest ${MAX_SUBSCRIPTION_RECORDS} are shown`
                  : ''}
              </span>
            }
          >
            Records received through the consumer
          </Header>
        }
        columnDefinitions={columns}
        empty={
          <Box textAlign="center">
            No records yet. Put records into the stream: they appear here as they arrive.
          </Box>
        }
      />
      {read.childShards && read.childShards.length > 0 && (
        <Alert type="info" header="This shard is closed">
          The subscription ended at its last record. Its records continue in the child shards:{' '}
          {read.childShards.map((c) => c.ShardId).join(', ')}.
        </Alert>
      )}
    </SpaceBetween>
  );
}
