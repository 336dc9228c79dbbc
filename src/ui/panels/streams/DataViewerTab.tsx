import Alert from '@cloudscape-design/components/alert';
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import ColumnLayout from '@cloudscape-design/components/column-layout';
import Container from '@cloudscape-design/components/container';
import FormField from '@cloudscape-design/components/form-field';
import Header from '@cloudscape-design/components/header';
import Input from '@cloudscape-design/components/input';
import Select from '@cloudscape-design/components/select';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Table from '@cloudscape-design/components/table';
import { useState } from 'react';
import { describeError, fieldForError, formatError, useNotify } from '../../hooks/errors';
import { useServiceTime } from '../../hooks/useEmulatorConsole';
import { useShardReader, type IteratorType, type RecordsPage, type ShownRecord } from '../../hooks/useRecords';
import { isOpen, type Shard } from '../../hooks/useStreams';
import { CliCommand } from '../../components/CliCommand';
import { fieldError } from './fieldError';
import { cli } from './cli';
import { mono } from './ShardsTab';

const iteratorTypes: { value: IteratorType; label: string; description: string }[] = [
  { value: 'TRIM_HORIZON', label: 'TRIM_HORIZON', description: 'The oldest record still in the shard' },
  { value: 'LATEST', label: 'LATEST', description: 'Only records written after now' },
  { value: 'AT_SEQUENCE_NUMBER', label: 'AT_SEQUENCE_NUMBER', description: 'From a sequence number, inclusive' },
  { value: 'AFTER_SEQUENCE_NUMBER', label: 'AFTER_SEQUENCE_NUMBER', description: 'Right after a sequence number' },
  { value: 'AT_TIMESTAMP', label: 'AT_TIMESTAMP', description: 'From the first record at or after a time' },
];

type Field = 'sequenceNumber' | 'timestamp' | 'limit';

export function DataViewerTab({ stream, shards }: { stream: string; shards: Shard[] }) {
  const [shardId, setShardId] = useState<string>();
  const [type, setType] = useState<IteratorType>('TRIM_HORIZON');
  const [sequenceNumber, setSequenceNumber] = useState('');
  const serviceTime = useServiceTime();
  const [timestamp, setTimestamp] = useState(() => new Date(serviceTime() - 5 * 60_000).toISOString());
  /** Until the user types a time, AT_TIMESTAMP starts five minutes before the service's now. */
  const [timestampTyped, setTimestampTyped] = useState(false);
  const [limit, setLimit] = useState('25');
  const [pages, setPages] = useState<RecordsPage[]>([]);
  /** Which fetched page is on screen: Previous page goes back through pages already read. */
  const [shown, setShown] = useState(0);
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const reader = useShardReader();
  const notify = useNotify();

  const shard = shardId ?? shards[0]?.ShardId;
  const current = pages[shown];
  const last = pages[pages.length - 1];
  const canNext = shown < pages.length - 1 || !!last?.nextIterator;
  const limitN = /^\d+$/.test(limit) ? Number(limit) : undefined;
  const needsSeq = type === 'AT_SEQUENCE_NUMBER' || type === 'AFTER_SEQUENCE_NUMBER';
  const ts = type === 'AT_TIMESTAMP' ? new Date(timestamp) : undefined;

  const onError = (e: unknown) => {
    const shown = describeError(e);
    const field = fieldForError<Field>(shown, {
      sequenceNumber: ['startingSequenceNumber', 'StartingSequenceNumber'],
      timestamp: ['timestamp'],
      limit: ['limit'],
    });
    if (field) setErrors({ [field]: formatError(shown) });
    else notify.error(e);
  };

  const read = () => {
    if (!shard) return;
    if (ts && Number.isNaN(ts.getTime())) {
      setErrors({ timestamp: 'Enter a time such as 2026-01-01T12:00:00Z.' });
      return;
    }
    setErrors({});
    reader.first.mutate(
      { stream, shardId: shard, iteratorType: type, sequenceNumber: needsSeq ? sequenceNumber : undefined, timestamp: ts, limit: limitN },
      {
        onSuccess: (p) => {
          setPages([p]);
          setShown(0);
        },
        onError,
      },
    );
  };

  const next = () => {
    if (shown < pages.length - 1) {
      setShown(shown + 1);
      return;
    }
    if (!last?.nextIterator) return;
    const at = pages.length;
    reader.next.mutate(
      { iterator: last.nextIterator, limit: limitN },
      {
        onSuccess: (p) => {
          setPages((ps) => [...ps, p]);
          setShown(at);
        },
        onError,
      },
    );
  };

  /** Enter in a field reads from the start, as a form's submit would. */
  const onEnter = ({ detail }: { detail: { key: string } }) => {
    if (detail.key === 'Enter' && shard) read();
  };

  const shardOptions = shards.map((s) => ({
    value: s.ShardId ?? '',
    label: s.ShardId,
    tags: [isOpen(s) ? 'open' : 'closed'],
  }));

  return (
    <SpaceBetween size="l">
      <Container header={<Header variant="h2" description="A consumer asks for a shard iterator, then calls GetRecords with it; each answer carries the iterator for the next call.">Read records</Header>}>
        <SpaceBetween size="m">
          <ColumnLayout columns={3}>
            <FormField label="Shard">
              <Select
                ariaLabel="Shard"
                data-testid="shard-select"
                selectedOption={shardOptions.find((o) => o.value === shard) ?? null}
                options={shardOptions}
                onChange={({ detail }) => setShardId(detail.selectedOption.value)}
                empty="No shards"
              />
            </FormField>
            <FormField label="Starting position (shard iterator type)">
              <Select
                ariaLabel="Shard iterator type"
                data-testid="iterator-type-select"
                selectedOption={iteratorTypes.find((o) => o.value === type) ?? null}
                options={iteratorTypes}
                onChange={({ detail }) => {
                  const next = detail.selectedOption.value as IteratorType;
                  if (next === 'AT_TIMESTAMP' && !timestampTyped) setTimestamp(new Date(serviceTime() - 5 * 60_000).toISOString());
                  setType(next);
                }}
              />
            </FormField>
            <FormField label="Records per call (Limit)" constraintText="1 to 10,000." errorText={fieldError('limit-error', errors.limit)}>
              <Input ariaLabel="Records per call" type="number" value={limit} onKeyDown={onEnter} onChange={({ detail }) => setLimit(detail.value)} />
            </FormField>
          </ColumnLayout>
          {needsSeq && (
            <FormField label="Starting sequence number" errorText={fieldError('sequence-number-error', errors.sequenceNumber)}>
              <Input
                ariaLabel="Starting sequence number"
                data-testid="sequence-number-input"
                value={sequenceNumber}
                onKeyDown={onEnter}
                onChange={({ detail }) => setSequenceNumber(detail.value)}
              />
            </FormField>
          )}
          {type === 'AT_TIMESTAMP' && (
            <FormField label="Timestamp" constraintText="ISO 8601, e.g. 2026-01-01T12:00:00Z (the emulator's clock)." errorText={fieldError('timestamp-error', errors.timestamp)}>
              <Input ariaLabel="Timestamp" data-testid="timestamp-input" value={timestamp} onKeyDown={onEnter} onChange={({ detail }) => {
                  setTimestampTyped(true);
                  setTimestamp(detail.value);
                }} />
            </FormField>
          )}
          <SpaceBetween direction="horizontal" size="xs">
            <Button variant="primary" onClick={read} loading={reader.first.isPending} disabled={!shard} data-testid="get-records-button">
              Get records
            </Button>
            <Button onClick={() => setShown(shown - 1)} disabled={shown === 0} data-testid="previous-page-button">
              Previous page
            </Button>
            <Button onClick={next} loading={reader.next.isPending} disabled={!canNext} data-testid="next-page-button">
              Next page
            </Button>
          </SpaceBetween>
          <CliCommand
            command={
              current && shown > 0
                ? cli.getRecords(current.iterator, limitN)
                : cli.getShardIterator(stream, shard ?? '<shard-id>', type, needsSeq ? sequenceNumber || '<sequence-number>' : undefined, ts && !Number.isNaN(ts.getTime()) ? ts.toISOString() : undefined)
            }
            testId="data-viewer-cli"
          />
        </SpaceBetween>
      </Container>
      {current && (
        <Table<ShownRecord>
          data-testid="records-table"
          items={current.records}
          trackBy="sequenceNumber"
          loading={reader.first.isPending}
          loadingText="Reading records"
          wrapLines
          ariaLabels={{ tableLabel: 'Records' }}
          header={
            <Header
              variant="h2"
              counter={`(${current.records.length})`}
              description={
                <span data-testid="records-meta">
                  Page {shown + 1} of {pages.length} read · MillisBehindLatest: <b data-testid="millis-behind-latest">{current.millisBehindLatest ?? '-'}</b>
                  {current.millisBehindLatest !== undefined ? ' ms behind the newest record' : ''}
                  {current.nextIterator ? '' : ' · end of a closed shard (no NextShardIterator)'}
                </span>
              }
            >
              Records
            </Header>
          }
          columnDefinitions={[
            { id: 'seq', header: 'Sequence number', cell: (r) => <span style={{ ...mono, fontSize: 11 }}>{r.sequenceNumber}</span>, width: 180, minWidth: 150 },
            { id: 'pk', header: 'Partition key', cell: (r) => r.partitionKey, width: 120, minWidth: 100 },
            { id: 'arrival', header: 'Approximate arrival', cell: (r) => r.arrival?.toISOString() ?? '-', width: 140, minWidth: 120 },
            {
              id: 'data',
              header: 'Data: decoded (text / JSON) and Base64',
              minWidth: 300,
              cell: (r) => (
                <SpaceBetween size="xs">
                  <pre data-testid="record-data-decoded" style={{ ...mono, margin: 0, whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>
                    {r.data.json ?? r.data.text ?? '(binary: see Base64)'}
                  </pre>
                  <div>
                    <Box variant="awsui-key-label" fontSize="body-s">
                      Base64
                    </Box>
                    <span data-testid="record-base64" style={{ ...mono, fontSize: 11 }}>
                      {r.data.base64}
                    </span>
                  </div>
                </SpaceBetween>
              ),
            },
            { id: 'size', header: 'Bytes', cell: (r) => r.data.size, width: 70 },
          ]}
          empty={<Box textAlign="center">No records in this page. {current.nextIterator ? 'Try the next page.' : ''}</Box>}
        />
      )}
      {current?.childShards && current.childShards.length > 0 && (
        <Alert type="info" header="This shard is closed">
          Its records continue in the child shards: {current.childShards.map((c) => c.ShardId).join(', ')}.
        </Alert>
      )}
    </SpaceBetween>
  );
}
