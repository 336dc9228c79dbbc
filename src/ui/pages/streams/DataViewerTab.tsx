import Alert from '@cloudscape-design/components/alert';
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import ColumnLayout from '@cloudscape-design/components/column-layout';
import Container from '@cloudscape-design/components/container';
import CopyToClipboard from '@cloudscape-design/components/copy-to-clipboard';
import ExpandableSection from '@cloudscape-design/components/expandable-section';
import FormField from '@cloudscape-design/components/form-field';
import Header from '@cloudscape-design/components/header';
import Input from '@cloudscape-design/components/input';
import Select from '@cloudscape-design/components/select';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Table, { type TableProps } from '@cloudscape-design/components/table';
import Textarea from '@cloudscape-design/components/textarea';
import { useEffect, useRef, useState } from 'react';
import { FollowRecordModal } from '../../components/FollowRecord';
import type { FollowStart } from '../../hooks/useFollowRecord';
import { formatError } from '../../hooks/errors';
import { useFormErrors } from '../../hooks/useFormErrors';
import type { FieldMembers, FieldMessage } from '../../lib/fieldMessages';
import { requestShapes } from '../../lib/requestShapes';
import { useServiceTime } from '../../hooks/useEmulatorConsole';
import {
  ITERATOR_LIFETIME_MINUTES,
  iteratorProblem,
  parsePastedIterator,
  useShardReader,
  type IteratorProblem,
  type IteratorType,
  type ReadRequest,
  type RecordsPage,
  type ShownRecord,
} from '../../hooks/useRecords';
import { isOpen, type Shard } from '../../hooks/useStreams';
import { useConsumerRead, useConsumers } from '../../hooks/useConsumers';
import { ConsumerReadControls, ConsumerRecords, ReadThroughSelect, SHARED } from './ConsumerRead';
import { CliCommand, framed } from '../../components/CliCommand';
import { fieldError } from './fieldError';
import { cli } from './cli';
import { LongNumber, mono } from '../../components/LongNumber';
import { Unbroken } from '../../components/Unbroken';

const iteratorTypes: { value: IteratorType; label: string; description: string }[] = [
  { value: 'TRIM_HORIZON', label: 'TRIM_HORIZON', description: 'The oldest record still in the shard' },
  { value: 'LATEST', label: 'LATEST', description: 'Only records written after now' },
  { value: 'AT_SEQUENCE_NUMBER', label: 'AT_SEQUENCE_NUMBER', description: 'From a sequence number, inclusive' },
  { value: 'AFTER_SEQUENCE_NUMBER', label: 'AFTER_SEQUENCE_NUMBER', description: 'Right after a sequence number' },
  { value: 'AT_TIMESTAMP', label: 'AT_TIMESTAMP', description: 'From the first record at or after a time' },
];

/** The request members (and, in AWS's sentences, the words) each field of the read form sends. */
const READ_FIELDS: FieldMembers<'sequenceNumber' | 'timestamp' | 'shard' | 'limit'> = {
  sequenceNumber: ['startingSequenceNumber'],
  timestamp: ['timestamp'],
  shard: ['shardId'],
  limit: ['limit'],
};
const READ_SHAPES = { ...requestShapes.getShardIterator, ...requestShapes.getRecords };
const PASTE_FIELDS: FieldMembers<'pasteLimit'> = { pasteLimit: ['limit'] };

/** What the read form checks itself before calling AWS: what AWS could not be sent. */
const readProblems = (o: { needsSeq: boolean; sequenceNumber: string; ts: Date | undefined; limit: string }) => ({
  sequenceNumber: o.needsSeq && !o.sequenceNumber.trim() ? { text: 'Enter the sequence number to start from.' } : undefined,
  timestamp: o.ts && Number.isNaN(o.ts.getTime()) ? { text: 'Enter a time such as 2026-01-01T12:00:00Z.' } : undefined,
  limit: limitProblem(o.limit),
});

/** Records per call: empty for AWS's default; what is not a whole number cannot be sent (AWS judges the range). */
const limitProblem = (limit: string): FieldMessage | undefined =>
  limit.trim() === '' || /^-?\d+$/.test(limit.trim()) ? undefined : { text: 'Enter a whole number from 1 to 10,000, or leave it empty for 10,000.' };
const limitValue = (limit: string): number | undefined => (/^-?\d+$/.test(limit.trim()) ? Number(limit) : undefined);

/** An iterator AWS refused, and whether it came from the paste field or from paging. */
type Problem = IteratorProblem & { from: 'paste' | 'page' };

/** The records table's columns, the same whether the records came from GetRecords or a subscription. */
const recordColumns = (stream: string, shard: string | undefined, setFollow: (f: FollowStart) => void): TableProps.ColumnDefinition<ShownRecord>[] => [
  { id: 'seq', header: 'Sequence number', cell: (r) => <LongNumber value={r.sequenceNumber} label="sequence number" />, minWidth: 170 },
  { id: 'pk', header: 'Partition key', cell: (r) => <Unbroken>{r.partitionKey}</Unbroken>, minWidth: 110 },
  { id: 'arrival', header: 'Approximate arrival (UTC)', cell: (r) => (r.arrival ? <Unbroken>{r.arrival.toISOString()}</Unbroken> : '-'), minWidth: 200 },
  {
    id: 'data',
    header: 'Data: decoded (text / JSON) and Base64',
    minWidth: 300,
    cell: (r) => (
      // Record data wraps (Base64 anywhere: it is not a word), within a readable measure.
      <SpaceBetween size="xs">
        <pre data-testid="record-data-decoded" style={{ ...mono, margin: 0, whiteSpace: 'pre-wrap', wordBreak: 'break-word', maxWidth: '40em' }}>
          {r.data.json ?? r.data.text ?? '(binary: see Base64)'}
        </pre>
        <div>
          <Box variant="awsui-key-label" fontSize="body-s">
            Base64
          </Box>
          <div data-testid="record-base64" style={{ ...mono, whiteSpace: 'normal', wordBreak: 'break-all', maxWidth: '40em' }}>
            {r.data.base64}
          </div>
        </div>
      </SpaceBetween>
    ),
  },
  { id: 'size', header: 'Bytes', cell: (r) => r.data.size, width: 70 },
  {
    id: 'follow',
    header: 'Rows and objects',
    width: 110,
    cell: (r) => (
      <Button
        variant="inline-link"
        data-testid="follow-record"
        ariaLabel={`Follow record ${r.sequenceNumber}`}
        onClick={() => shard && setFollow({ from: 'record', stream, shardId: shard, sequenceNumber: r.sequenceNumber })}
      >
        Follow
      </Button>
    ),
  },
];

/**
 * The data viewer of a stream. `at` (from `?shard=..&seq=..`, see recordHref) opens it on one record:
 * AT_SEQUENCE_NUMBER in that shard, read at once.
 */
export function DataViewerTab({
  stream,
  streamArn,
  shards,
  at,
  consumer: consumerName,
}: {
  stream: string;
  streamArn?: string;
  shards: Shard[];
  at?: { shardId: string; sequenceNumber: string };
  /** Read through this registered consumer (`?consumer=<name>`, see consumerHref). */
  consumer?: string;
}) {
  const [shardId, setShardId] = useState<string | undefined>(at?.shardId);
  const [type, setType] = useState<IteratorType>(at ? 'AT_SEQUENCE_NUMBER' : 'TRIM_HORIZON');
  const [sequenceNumber, setSequenceNumber] = useState(at?.sequenceNumber ?? '');
  const [follow, setFollow] = useState<FollowStart>();
  const serviceTime = useServiceTime();
  const [timestamp, setTimestamp] = useState(() => new Date(serviceTime() - 5 * 60_000).toISOString());
  /** Until the user types a time, AT_TIMESTAMP starts five minutes before the service's now. */
  const [timestampTyped, setTimestampTyped] = useState(false);
  const [limit, setLimit] = useState(at ? '1' : '25');
  const [pages, setPages] = useState<RecordsPage[]>([]);
  /** Which fetched page is on screen: Previous page goes back through pages already read. */
  const [shown, setShown] = useState(0);
  /** The user tried to read: the form's own checks show from then on. */
  const [tried, setTried] = useState(false);
  const server = useFormErrors(READ_FIELDS, { shapes: READ_SHAPES });
  const pasteServer = useFormErrors(PASTE_FIELDS, { shapes: requestShapes.getRecords });
  /** The request the pages on screen started from, so an expired iterator can start over. */
  const [lastRequest, setLastRequest] = useState<ReadRequest>();
  /** The Limit the pages on screen were read with; Next page keeps it. */
  const [pageLimit, setPageLimit] = useState<number>();
  const [pasteText, setPasteText] = useState('');
  const [pasteLimit, setPasteLimit] = useState('25');
  const [problem, setProblem] = useState<Problem>();
  const reader = useShardReader();
  const consumers = useConsumers(stream, streamArn);
  const consumerRead = useConsumerRead();
  /** SHARED (GetRecords) or the name of the consumer to read through. */
  const [via, setVia] = useState<string>(consumerName ?? SHARED);
  const viaConsumer = via !== SHARED && consumerRead.available ? consumers.data?.find((c) => c.ConsumerName === via) : undefined;

  const shard = shardId ?? shards[0]?.ShardId;
  const current = pages[shown];
  const last = pages[pages.length - 1];
  const canNext = shown < pages.length - 1 || !!last?.nextIterator;
  const limitN = limitValue(limit);
  const needsSeq = type === 'AT_SEQUENCE_NUMBER' || type === 'AFTER_SEQUENCE_NUMBER';
  const ts = type === 'AT_TIMESTAMP' ? new Date(timestamp) : undefined;

  const pasteLimitN = limitValue(pasteLimit);
  const local = readProblems({ needsSeq, sequenceNumber, ts, limit });
  const errors = {
    sequenceNumber: server.fields.sequenceNumber ?? (tried ? local.sequenceNumber : undefined),
    timestamp: server.fields.timestamp ?? (tried ? local.timestamp : undefined),
    shard: server.fields.shard,
    limit: server.fields.limit ?? local.limit,
    pasteLimit: pasteServer.fields.pasteLimit ?? limitProblem(pasteLimit),
  };
  const pastedIterator = parsePastedIterator(pasteText);

  const onError = (e: unknown, from: Problem['from'] = 'page') => {
    const p = iteratorProblem(e);
    if (p) {
      setProblem({ ...p, from });
      return;
    }
    (from === 'paste' ? pasteServer : server).onError(e);
  };

  const show = (p: RecordsPage, limit: number | undefined) => {
    setPages([p]);
    setShown(0);
    setPageLimit(limit);
    setProblem(undefined);
  };

  const start = (request: ReadRequest) => {
    server.reset();
    reader.first.mutate(request, {
      onSuccess: (p) => {
        setLastRequest(request);
        show(p, request.limit);
      },
      onError: (e) => onError(e),
    });
  };

  const read = () => {
    if (!shard) return;
    setTried(true);
    if (Object.values(local).some(Boolean)) return;
    if (viaConsumer) {
      consumerRead.start(viaConsumer.ConsumerARN ?? '', shard, {
        Type: type,
        ...(needsSeq ? { SequenceNumber: sequenceNumber } : {}),
        ...(ts ? { Timestamp: ts.getTime() } : {}),
      });
      return;
    }
    start({ stream, shardId: shard, iteratorType: type, sequenceNumber: needsSeq ? sequenceNumber : undefined, timestamp: ts, limit: limitN });
  };

  const readAt = useRef(at !== undefined);
  useEffect(() => {
    if (!readAt.current || shards.length === 0) return;
    readAt.current = false;
    read();
    // Once, when the shards are known.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [shards.length]);

  /** A fresh iterator from the same starting position the expired one came from. */
  const startOver = () => {
    if (problem?.from === 'page' && lastRequest) start(lastRequest);
    else read();
  };

  const readPasted = () => {
    if (!pastedIterator || errors.pasteLimit) return;
    pasteServer.reset();
    setProblem(undefined);
    reader.pasted.mutate(
      { iterator: pastedIterator, limit: pasteLimitN },
      {
        onSuccess: (p) => {
          setLastRequest(undefined);
          show(p, pasteLimitN);
        },
        onError: (e) => onError(e, 'paste'),
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
    setProblem(undefined);
    reader.next.mutate(
      { iterator: last.nextIterator, limit: pageLimit },
      {
        onSuccess: (p) => {
          setPages((ps) => [...ps, p]);
          setShown(at);
        },
        onError: (e) => onError(e),
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
      <Container
        header={
          <Header
            variant="h2"
            description={
              viaConsumer
                ? 'The consumer subscribes to a shard once; Kinesis then pushes each new record to it in an event that says where to continue from.'
                : 'A consumer asks for a shard iterator, then calls GetRecords with it; each answer carries the iterator for the next call.'
            }
          >
            Read records
          </Header>
        }
      >
        <SpaceBetween size="m">
          <ReadThroughSelect
            value={via}
            consumers={consumers.data ?? []}
            available={consumerRead.available}
            onChange={(v) => {
              consumerRead.stop();
              setVia(v);
            }}
          />
          <ColumnLayout columns={3}>
            <FormField label="Shard" errorText={fieldError('shard-error', errors.shard)}>
              <Select
                ariaLabel="Shard"
                data-testid="shard-select"
                selectedOption={shardOptions.find((o) => o.value === shard) ?? null}
                options={shardOptions}
                onChange={({ detail }) => {
                  setShardId(detail.selectedOption.value);
                  server.clear('shard');
                  server.clear('sequenceNumber');
                }}
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
                  server.clear();
                }}
              />
            </FormField>
            {!viaConsumer && (
              <FormField label="Records per call (Limit)" constraintText="1 to 10,000." errorText={fieldError('limit-error', errors.limit)}>
                <Input
                  ariaLabel="Records per call"
                  data-testid="limit-input"
                  type="number"
                  value={limit}
                  onKeyDown={onEnter}
                  onChange={({ detail }) => {
                    setLimit(detail.value);
                    server.clear('limit');
                  }}
                />
              </FormField>
            )}
          </ColumnLayout>
          {needsSeq && (
            <FormField label="Starting sequence number" errorText={fieldError('sequence-number-error', errors.sequenceNumber)}>
              <Input
                ariaLabel="Starting sequence number"
                data-testid="sequence-number-input"
                value={sequenceNumber}
                onKeyDown={onEnter}
                onChange={({ detail }) => {
                  setSequenceNumber(detail.value);
                  server.clear('sequenceNumber');
                }}
              />
            </FormField>
          )}
          {type === 'AT_TIMESTAMP' && (
            <FormField label="Timestamp" constraintText="ISO 8601, e.g. 2026-01-01T12:00:00Z (the emulator's clock)." errorText={fieldError('timestamp-error', errors.timestamp)}>
              <Input ariaLabel="Timestamp" data-testid="timestamp-input" value={timestamp} onKeyDown={onEnter} onChange={({ detail }) => {
                  setTimestampTyped(true);
                  setTimestamp(detail.value);
                  server.clear('timestamp');
                }} />
            </FormField>
          )}
          {viaConsumer ? (
            <ConsumerReadControls
              read={consumerRead.read}
              onSubscribe={read}
              onStop={consumerRead.stop}
              disabled={!shard}
              command={cli.subscribeToShard(
                viaConsumer.ConsumerARN ?? '<consumer-arn>',
                shard ?? '<shard-id>',
                type,
                needsSeq ? sequenceNumber || '<sequence-number>' : undefined,
                ts && !Number.isNaN(ts.getTime()) ? ts.toISOString() : undefined,
              )}
            />
          ) : (
            <>
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
            </>
          )}
        </SpaceBetween>
      </Container>
      {viaConsumer && <ConsumerRecords read={consumerRead.read} columns={recordColumns(stream, shard, setFollow)} />}
      {!viaConsumer && (
        <>
          <ExpandableSection
            variant="container"
            headerText="Read with a shard iterator"
            headerDescription="Paste an iterator from aws kinesis get-shard-iterator, or one shown below, and call GetRecords with it."
            data-testid="paste-iterator-section"
          >
            <SpaceBetween size="m">
              <FormField
                label="Shard iterator"
                description="The bare token, or the JSON the CLI prints. Any iterator works for 5 minutes after it was handed out, as often as you like."
                errorText={fieldError('pasted-iterator-error', problem?.from === 'paste' ? formatError(problem.error) : undefined)}
                stretch
              >
                <Textarea
                  ariaLabel="Shard iterator"
                  data-testid="paste-iterator-input"
                  rows={3}
                  value={pasteText}
                  placeholder="AAAAAAAAAAH..."
                  onChange={({ detail }) => setPasteText(detail.value)}
                />
              </FormField>
              <ColumnLayout columns={3}>
                <FormField label="Records per call (Limit)" constraintText="1 to 10,000." errorText={fieldError('paste-limit-error', errors.pasteLimit)}>
                  <Input ariaLabel="Records per call with the pasted iterator" data-testid="paste-limit-input" type="number" value={pasteLimit} onChange={({ detail }) => {
                    setPasteLimit(detail.value);
                    pasteServer.clear('pasteLimit');
                  }} />
                </FormField>
              </ColumnLayout>
              <Button onClick={readPasted} loading={reader.pasted.isPending} disabled={!pastedIterator} data-testid="paste-get-records-button">
                Get records
              </Button>
              <CliCommand label="Get an iterator with the AWS CLI" command={cli.getShardIteratorText(stream, shard ?? '<shard-id>', type)} testId="paste-iterator-source-cli" />
              <CliCommand label="Read with it" command={cli.getRecords(pastedIterator || '<shard-iterator>', pasteLimitN)} testId="paste-get-records-cli" />
            </SpaceBetween>
          </ExpandableSection>
          {problem && (problem.kind === 'expired' || problem.from === 'page') && (
            <Alert
              type={problem.kind === 'expired' ? 'warning' : 'error'}
              data-testid="iterator-problem"
              header={problem.error.type}
              action={
                <Button onClick={startOver} loading={reader.first.isPending} disabled={!shard} data-testid="fresh-iterator-button">
                  Start over with a fresh iterator
                </Button>
              }
            >
              <SpaceBetween size="xs">
                <span data-testid="iterator-problem-message">{problem.error.message}</span>
                {problem.kind === 'expired' ? (
                  <span>
                    A shard iterator works for {ITERATOR_LIFETIME_MINUTES} minutes after GetShardIterator (or the GetRecords call before) handed it out; after
                    that AWS refuses it, whatever position it points at. A consumer that pauses longer asks for a new one. Starting over calls GetShardIterator
                    again with the same starting position (
                    {problem.from === 'page' && lastRequest ? `${lastRequest.iteratorType} on ${lastRequest.shardId}` : `${type} on ${shard ?? 'the shard'}`}).
                  </span>
                ) : (
                  <span>AWS could not read this iterator. Start over to get a new one.</span>
                )}
              </SpaceBetween>
            </Alert>
          )}
          {current && (
            <div>
              <Box variant="awsui-key-label">Shard iterator this page was read with (works for {ITERATOR_LIFETIME_MINUTES} minutes after it was handed out)</Box>
              <div style={{ ...framed, display: 'flex', alignItems: 'flex-start', gap: 8 }}>
                <div style={{ flex: 1, wordBreak: 'break-all' }}>
                  <Box variant="code" data-testid="current-iterator">
                    {current.iterator}
                  </Box>
                </div>
                <CopyToClipboard
                  variant="icon"
                  textToCopy={current.iterator}
                  copyButtonAriaLabel="Copy shard iterator"
                  copySuccessText="Iterator copied"
                  copyErrorText="Could not copy the iterator"
                />
              </div>
              <div style={{ marginTop: 8 }}>
                <CliCommand label="Read this page again with the AWS CLI" command={cli.getRecords(current.iterator, pageLimit)} testId="current-iterator-cli" />
              </div>
            </div>
          )}
          {current && (
            <Table<ShownRecord>
              data-testid="records-table"
              items={current.records}
              trackBy="sequenceNumber"
              loading={reader.first.isPending}
              loadingText="Reading records"
              wrapLines={false}
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
              columnDefinitions={recordColumns(stream, shard, setFollow)}
              empty={<Box textAlign="center">No records in this page. {current.nextIterator ? 'Try the next page.' : ''}</Box>}
            />
          )}
          {current?.childShards && current.childShards.length > 0 && (
            <Alert type="info" header="This shard is closed">
              Its records continue in the child shards: {current.childShards.map((c) => c.ShardId).join(', ')}.
            </Alert>
          )}
        </>
      )}
      <FollowRecordModal start={follow} onDismiss={() => setFollow(undefined)} />
    </SpaceBetween>
  );
}
