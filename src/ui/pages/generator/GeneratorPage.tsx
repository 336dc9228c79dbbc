import Alert from '@cloudscape-design/components/alert';
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import ColumnLayout from '@cloudscape-design/components/column-layout';
import Container from '@cloudscape-design/components/container';
import ContentLayout from '@cloudscape-design/components/content-layout';
import FormField from '@cloudscape-design/components/form-field';
import Header from '@cloudscape-design/components/header';
import Input from '@cloudscape-design/components/input';
import Link from '@cloudscape-design/components/link';
import RadioGroup from '@cloudscape-design/components/radio-group';
import SegmentedControl from '@cloudscape-design/components/segmented-control';
import Select from '@cloudscape-design/components/select';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Toggle from '@cloudscape-design/components/toggle';
import { useEffect, useMemo, useState } from 'react';
import { hrefFor } from '../../hooks/route';
import { useServiceTime } from '../../hooks/useEmulatorConsole';
import {
  limitProblem,
  previewRecords,
  rateProblem,
  templateProblems,
  useGenerator,
  type PartitionKeyStrategy,
} from '../../hooks/useGenerator';
import { rateChoice } from '../../hooks/generatorRate';
import { useFormErrors } from '../../hooks/useFormErrors';
import type { FieldMembers } from '../../lib/fieldMessages';
import { requestShapes } from '../../lib/requestShapes';
import { fieldError } from '../streams/fieldError';
import { useGeneratorForm, type KeyKind } from '../../hooks/useGeneratorForm';
import { activeTemplate, useGeneratorTemplates } from '../../hooks/useGeneratorTemplates';
import { useDeliveryStreamList } from '../../hooks/useFirehose';
import { useStreamList } from '../../hooks/useStreams';
import type { PageProps } from '../../shell/page';
import { CliCommand } from '../../components/CliCommand';
import { firehosePutRecordCli, putRecordCli, sampleKey } from './cli';
import { count } from './format';
import { RateSettings } from './RateSettings';
import { RunPanel } from './RunPanel';
import { problemText, TemplatesSection } from './TemplatesSection';

/**
 * The request members each field makes (whichever record of a batch AWS names), and the words of
 * the console's own stop for a record over the size limit, which the template makes.
 */
const FIELDS: FieldMembers<'stream' | 'partitionKey' | 'template'> = {
  stream: ['streamName', 'streamARN', 'deliveryStreamName'],
  partitionKey: ['records.partitionKey'],
  template: ['records.data', 'A rendered record is'],
};

/**
 * Activity 1-C: generate records from a template and send them at a chosen rate to a data stream
 * (PutRecords) or, as the Kinesis Data Generator can, to a Firehose delivery stream (PutRecordBatch).
 */
export default function GeneratorPage({ query }: PageProps) {
  const templates = useGeneratorTemplates();
  const active = activeTemplate(templates);
  const form = useGeneratorForm();
  const target = form.target ?? 'kinesis';
  const firehose = target === 'firehose';
  const streams = useStreamList();
  const deliveries = useDeliveryStreamList(firehose);
  const gen = useGenerator();
  const server = useFormErrors(FIELDS, { shapes: firehose ? requestShapes.putRecordBatch : requestShapes.putRecords, inline: true });
  // A run that AWS stopped for what it was sent: the reason by the field that made it, until that field changes.
  const stats = gen.stats;
  const stoppedBy =
    stats && stats.state !== 'running' && stats.lastError && stats.stopReason === `${stats.lastError.code}: ${stats.lastError.message}`
      ? stats.lastError
      : undefined;
  // a stable element, so the memoised template section re-renders only when it changes
  const templateRunProblem = useMemo(() => fieldError('template-run-error', server.fields.template), [server.fields.template]);
  useEffect(() => server.clear('template'), [active.source]); // eslint-disable-line react-hooks/exhaustive-deps
  useEffect(() => {
    if (stoppedBy) server.onError({ name: stoppedBy.code, message: stoppedBy.message });
    // once for each error that stopped a run
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [stoppedBy?.at, stoppedBy?.code]);

  const { rate, limit, keyKind, keyField, fixedKey, newline, gzip } = form;
  const stream = firehose ? form.deliveryStream : form.stream;
  useEffect(() => {
    if (query.stream) form.set({ stream: query.stream, target: 'kinesis' });
    else if (query.deliveryStream) form.set({ deliveryStream: query.deliveryStream, target: 'firehose' });
    // only when the address names a stream
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [query.stream, query.deliveryStream]);
  const setStream = (v: string | undefined) => {
    form.set(firehose ? { deliveryStream: v } : { stream: v });
    server.clear('stream');
  };
  const setRate = (v: string) => form.set({ rate: v });
  const setLimit = (v: string) => form.set({ limit: v });
  const setKey = (p: { keyKind?: KeyKind; keyField?: string; fixedKey?: string }) => {
    form.set(p);
    server.clear('partitionKey');
  };
  const setKeyKind = (keyKind: KeyKind) => setKey({ keyKind });
  const setKeyField = (keyField: string) => setKey({ keyField });
  const setFixedKey = (fixedKey: string) => setKey({ fixedKey });
  const setNewline = (v: boolean) => form.set({ newline: v });
  const setGzip = (v: boolean) => form.set({ gzip: v });
  const [previewed, setPreviewed] = useState<string[]>();

  const sending = useMemo(
    () => (templates.mix ? templates.templates.filter((t) => t.inMix) : [active]),
    [templates.mix, templates.templates, active],
  );
  const problems = useMemo(
    () =>
      sending.flatMap((t) =>
        templateProblems(t.source).map((p) => problemText(p, sending.length > 1 ? t.name : undefined)),
      ),
    [sending],
  );
  const weightProblem =
    templates.mix && sending.some((t) => !(t.weight > 0))
      ? 'Every template in the mix needs a weight greater than 0'
      : undefined;
  const mixProblem =
    templates.mix && sending.length === 0 ? 'Choose at least one template for the mix' : undefined;
  const periodic = form.rateMode === 'periodic';
  const rateSettings = rateChoice(form);
  const rateError = periodic ? undefined : rateProblem(rate);
  const limitError = limitProblem(limit);
  const keyError = firehose
    ? undefined
    : keyKind === 'field' && !keyField.trim()
      ? 'Name the record field to use as the partition key'
      : keyKind === 'fixed' && (fixedKey.length < 1 || fixedKey.length > 256)
        ? 'A partition key is 1 to 256 characters'
        : undefined;

  const listing = firehose ? deliveries : streams;
  const rows: { name: string; status: string; openShards?: number }[] =
    (firehose ? deliveries.data : streams.data) ?? [];
  const selected = rows.find((r) => r.name === stream);
  const shards = firehose ? undefined : selected?.openShards;
  const capacity = shards ? shards * 1000 : undefined;
  const rateNumber = rateSettings.peakMu ?? Number(rate);
  const partitionKey: PartitionKeyStrategy =
    keyKind === 'random'
      ? { kind: 'random' }
      : keyKind === 'field'
        ? { kind: 'field', field: keyField.trim() }
        : { kind: 'fixed', key: fixedKey };

  // A stream picked earlier may have been deleted since (or lost with a reload of the emulator).
  const what = firehose ? 'delivery stream' : 'stream';
  const streamGone =
    !!stream && !!listing.data && !selected
      ? `There is no ${what} named ${stream} now: choose another or create it`
      : undefined;
  const blockers = [
    !stream ? `Choose a ${what}` : streamGone,
    ...problems,
    weightProblem,
    mixProblem,
    rateError,
    ...rateSettings.problems,
    limitError,
    keyError,
  ].filter((x): x is string => !!x);
  const canSend = blockers.length === 0 && !gen.running;

  const serviceTime = useServiceTime();
  const sample = useMemo(() => {
    if (previewed?.length) return previewed[0];
    const p = previewRecords(active.source, 1, 1, serviceTime());
    return p.ok ? p.records[0] : undefined;
    // a new sample when the template changes, not at every tick of the clock
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [previewed, active.source]);
  const cliData = sample === undefined ? '' : newline ? `${sample}\n` : sample;

  /** Enter in the rate or record-count field sends, as a form's submit would. */
  const sendOnEnter = ({ detail }: { detail: { key: string } }) => {
    if (detail.key === 'Enter' && canSend) send();
  };
  // What a run was started with stays fixed while it runs: the fields lock until Stop.
  const locked = gen.running;

  const send = () => {
    server.reset();
    void gen.start({
      stream: stream!,
      target,
      templates: sending.map((t) => ({ name: t.name, source: t.source, weight: t.weight })),
      rate,
      periodic: rateSettings.periodic,
      backfill: rateSettings.backfill,
      limit,
      partitionKey,
      newline,
      gzip,
    });
  };

  return (
    <ContentLayout
      header={
        <Header
          variant="h1"
          description="Kinesis Data Generator templates, sent with PutRecords (or PutRecordBatch to a delivery stream) in batches of up to 500 records from a worker thread, so the page stays responsive."
          actions={
            <SpaceBetween direction="horizontal" size="xs">
              <Button onClick={() => void gen.stop()} disabled={!gen.running} data-testid="stop-button">
                Stop
              </Button>
              <Button
                variant="primary"
                onClick={send}
                disabled={!canSend}
                loading={gen.running}
                data-testid="send-button"
              >
                {gen.running ? 'Sending' : 'Send data'}
              </Button>
            </SpaceBetween>
          }
        >
          Data generator
        </Header>
      }
    >
      <SpaceBetween size="l">
        {gen.rejection && (
          <Alert type="error" header="Nothing was sent" data-testid="run-rejected">
            {gen.rejection.line !== undefined
              ? `${gen.rejection.template ? `${gen.rejection.template}: ` : ''}Line ${gen.rejection.line}, column ${gen.rejection.column}: ${gen.rejection.message}`
              : gen.rejection.message}
          </Alert>
        )}
        {gen.error && (
          <Alert type="error" header={gen.error.type} data-testid="run-error">
            {gen.error.message}
          </Alert>
        )}
        <RunPanel
          stats={gen.stats}
          stream={gen.stream}
          target={gen.target}
          running={gen.running}
          throttling={gen.throttling}
          everThrottled={gen.everThrottled}
          shards={gen.stream === stream ? shards : undefined}
          interrupted={
            gen.interrupted && {
              reason: gen.interrupted.reason,
              onResume: gen.resume,
              onDismiss: gen.dismissInterrupted,
            }
          }
        />
        <Container
          header={
            <Header variant="h2" description={locked ? 'Stop the run to change these settings.' : undefined}>
              Destination and rate
            </Header>
          }
        >
          <SpaceBetween size="m">
            <FormField label="Destination type" description="The Kinesis Data Generator sends to either.">
              <SegmentedControl
                data-testid="target-control"
                label="Destination type"
                selectedId={target}
                onChange={({ detail }) =>
                  !locked && form.set({ target: detail.selectedId as 'kinesis' | 'firehose' })
                }
                options={[
                  { id: 'kinesis', text: 'Kinesis data stream', disabled: locked && firehose },
                  { id: 'firehose', text: 'Firehose delivery stream', disabled: locked && !firehose },
                ]}
              />
            </FormField>
            <ColumnLayout columns={3}>
              <FormField
                label={firehose ? 'Delivery stream' : 'Stream'}
                description={
                  firehose
                    ? 'The Firehose delivery stream (Direct PUT) to put records into.'
                    : 'The Kinesis data stream to put records into.'
                }
                errorText={
                  listing.error
                    ? `${(listing.error as Error).name}: ${(listing.error as Error).message}`
                    : gen.running
                      ? undefined
                      : fieldError('stream-error', server.fields.stream ?? streamGone)
                }
              >
                <Select
                  data-testid="stream-select"
                  placeholder={`Choose a ${what}`}
                  disabled={locked}
                  statusType={listing.isLoading ? 'loading' : 'finished'}
                  loadingText={`Loading ${what}s`}
                  selectedOption={stream ? { value: stream, label: stream } : null}
                  options={rows.map((r) => ({
                    value: r.name,
                    label: r.name,
                    description: `${r.status}${r.openShards !== undefined ? `, ${r.openShards} open shard${r.openShards === 1 ? '' : 's'}` : ''}`,
                  }))}
                  empty={
                    firehose ? (
                      <span data-testid="no-streams">
                        No delivery streams.{' '}
                        <Link href={hrefFor('/create-delivery-stream')}>Create delivery stream</Link>
                      </span>
                    ) : (
                      <span data-testid="no-streams">
                        No data streams. <Link href={hrefFor('/create-stream')}>Create data stream</Link>
                      </span>
                    )
                  }
                  onChange={({ detail }) => setStream(detail.selectedOption.value)}
                />
              </FormField>
              <FormField
                label="Records per second"
                constraintText={
                  periodic ? 'Set per hour and weekday in the Periodic grid below.' : 'The workshop suggests a number between 100 and 500.'
                }
                errorText={rateError}
              >
                <Input
                  readOnly={periodic}
                  value={periodic ? 'Periodic' : rate}
                  disabled={locked}
                  inputMode="decimal"
                  ariaLabel="Records per second"
                  data-testid="rate-input"
                  onKeyDown={sendOnEnter}
                  onChange={({ detail }) => setRate(detail.value)}
                />
              </FormField>
              <FormField
                label={
                  <>
                    Number of records <i>- optional</i>
                  </>
                }
                constraintText="Send this many, then stop. Empty: until you stop."
                errorText={limitError}
              >
                <Input
                  value={limit}
                  disabled={locked}
                  inputMode="numeric"
                  ariaLabel="Number of records"
                  data-testid="limit-input"
                  onKeyDown={sendOnEnter}
                  onChange={({ detail }) => setLimit(detail.value)}
                />
              </FormField>
            </ColumnLayout>
            {rows.length === 0 && !firehose && !streams.isLoading && !streams.error && (
              <Alert
                type="info"
                header="No data streams yet"
                data-testid="no-streams-alert"
                action={<Button href={hrefFor('/create-stream')}>Create data stream</Button>}
              >
                Activity 1-A creates a stream with 2 shards; the generator sends to it.
              </Alert>
            )}
            {capacity !== undefined && !rateError && rateNumber > capacity && (
              <Alert type="warning" header="Above the stream's write capacity" data-testid="capacity-warning">
                {shards === 1 ? '1 shard accepts' : `${shards} shards accept`} at most {count(capacity)}{' '}
                records per second. At {count(rateNumber)} per second the stream will throttle
                (WriteProvisionedThroughputExceeded), which is part of the lesson.
              </Alert>
            )}
            <RateSettings form={form} set={form.set} locked={locked} />
            <ColumnLayout columns={firehose ? 1 : 2}>
              {!firehose && (
                <FormField
                  label="Partition key"
                  description="The key's MD5 hash picks the shard."
                  errorText={fieldError('partition-key-error', server.fields.partitionKey ?? keyError)}
                >
                  <SpaceBetween size="xs">
                    <RadioGroup
                      value={keyKind}
                      ariaLabel="Partition key"
                      data-testid="key-strategy"
                      onChange={({ detail }) => setKeyKind(detail.value as KeyKind)}
                      items={[
                        {
                          value: 'random',
                          label: 'Random',
                          disabled: locked,
                          description:
                            'A random number per record (what the Kinesis Data Generator does): records spread evenly over the shards.',
                        },
                        {
                          value: 'field',
                          label: 'A field of the record',
                          disabled: locked,
                          description: 'Records with the same value always land in the same shard.',
                        },
                        {
                          value: 'fixed',
                          label: 'Fixed',
                          disabled: locked,
                          description: 'Every record goes to one shard.',
                        },
                      ]}
                    />
                    {keyKind === 'field' && (
                      <Input
                        value={keyField}
                        disabled={locked}
                        ariaLabel="Partition key field"
                        placeholder="sensorId"
                        data-testid="key-field-input"
                        onChange={({ detail }) => setKeyField(detail.value)}
                      />
                    )}
                    {keyKind === 'fixed' && (
                      <Input
                        value={fixedKey}
                        disabled={locked}
                        ariaLabel="Fixed partition key"
                        data-testid="key-fixed-input"
                        onChange={({ detail }) => setFixedKey(detail.value)}
                      />
                    )}
                  </SpaceBetween>
                </FormField>
              )}
              <FormField label="Record options">
                <SpaceBetween size="s">
                  <Toggle
                    checked={newline}
                    disabled={locked}
                    onChange={({ detail }) => setNewline(detail.checked)}
                    data-testid="newline-toggle"
                    description="Downstream tools split records on it (Firehose adds no delimiter)."
                  >
                    Append a newline to each record
                  </Toggle>
                  <Toggle
                    checked={gzip}
                    disabled={locked}
                    onChange={({ detail }) => setGzip(detail.checked)}
                    data-testid="gzip-toggle"
                    description="Each record compressed on its own; consumers must gunzip it."
                  >
                    GZIP each record
                  </Toggle>
                </SpaceBetween>
              </FormField>
            </ColumnLayout>
            {!canSend && !gen.running && blockers.length > 0 && (
              <Box color="text-body-secondary" data-testid="send-blockers">
                Before sending: {blockers.join('; ')}.
              </Box>
            )}
          </SpaceBetween>
        </Container>
        <TemplatesSection onPreview={setPreviewed} runProblem={templateRunProblem} />
        {sample !== undefined && (
          <Container
            header={
              <Header
                variant="h2"
                description={`One generated record put with the AWS CLI; the generator sends up to 500 of them per ${firehose ? 'PutRecordBatch' : 'PutRecords'} call.`}
              >
                Command line
              </Header>
            }
          >
            <CliCommand
              command={
                firehose
                  ? firehosePutRecordCli(stream ?? 'DELIVERY_STREAM_NAME', cliData)
                  : putRecordCli(stream ?? 'STREAM_NAME', sampleKey(partitionKey, sample), cliData)
              }
              testId="generator-cli"
            />
          </Container>
        )}
      </SpaceBetween>
    </ContentLayout>
  );
}
