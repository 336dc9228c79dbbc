import Alert from '@cloudscape-design/components/alert';
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import Container from '@cloudscape-design/components/container';
import FormField from '@cloudscape-design/components/form-field';
import Header from '@cloudscape-design/components/header';
import Link from '@cloudscape-design/components/link';
import Select from '@cloudscape-design/components/select';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Table from '@cloudscape-design/components/table';
import Tiles from '@cloudscape-design/components/tiles';
import { useState } from 'react';
import { applicationChange, describeError, formatError, useNotify } from '../../hooks/errors';
import { appParts, useAddOutput, useDeleteOutput, type ApplicationDetail } from '../../hooks/useAnalytics';
import { useDeliveryStreamList } from '../../hooks/useFirehose';
import { hrefFor } from '../../hooks/route';
import { applicationPath } from './links';
import { streamsInScript } from '../../hooks/useSqlEditor';
import { useStreamList } from '../../hooks/useStreams';

type Output = ReturnType<typeof appParts>['outputs'][number];

/** KDA sends an application's results to up to three destinations (developer guide, "Configuring Application Output"). */
const MAX_OUTPUTS = 3;

const destinationOf = (o: Output) =>
  o.KinesisStreamsOutputDescription?.ResourceARN?.split(':stream/')[1] ??
  o.KinesisFirehoseOutputDescription?.ResourceARN?.split(':deliverystream/')[1] ??
  '-';

export function DestinationTab({ name, app }: { name: string; app: ApplicationDetail }) {
  const parts = appParts(app);
  const streams = useStreamList();
  const deliveryStreams = useDeliveryStreamList();
  const add = useAddOutput();
  const remove = useDeleteOutput();
  const notify = useNotify();
  const inAppStreams = streamsInScript(parts.code).map((s) => s.name.replace(/^"|"$/g, ''));
  const [inApp, setInApp] = useState<string | undefined>();
  const [kind, setKind] = useState<'kinesis' | 'firehose'>('kinesis');
  const [target, setTarget] = useState<string | undefined>();
  const [format, setFormat] = useState<'JSON' | 'CSV'>('CSV');
  const [problem, setProblem] = useState<string | undefined>();
  const targets = kind === 'kinesis' ? (streams.data ?? []) : (deliveryStreams.data ?? []);
  const targetArn = targets.find((s) => s.name === target)?.arn;
  const full = parts.outputs.length >= MAX_OUTPUTS;
  /** The application as a change to it is sent: the change is done at the next version. */
  const changed = { name, status: app.ApplicationStatus, version: app.ApplicationVersionId };

  const connect = () => {
    if (!inApp || !targetArn) return;
    setProblem(undefined);
    add.mutate(
      { name, version: app.ApplicationVersionId ?? 1, streamName: inApp, resourceArn: targetArn, kind, format },
      {
        onSuccess: () => {
          const where = `${kind === 'kinesis' ? 'data stream' : 'delivery stream'} ${target}`;
          notify.track({
            content: `Connecting ${inApp} to ${where}`,
            watch: applicationChange(changed, `${inApp} now goes to ${where} as ${format}.`),
            scope: [applicationPath(name)],
          });
          setInApp(undefined);
          setTarget(undefined);
        },
        onError: (e) => setProblem(formatError(describeError(e))),
      },
    );
  };

  return (
    <SpaceBetween size="l">
      <Table<Output>
        data-testid="outputs-table"
        items={parts.outputs}
        trackBy="OutputId"
        header={
          <Header variant="h2" counter={`(${parts.outputs.length})`} description="Where the rows of an in-application stream go as they are produced.">
            Destinations
          </Header>
        }
        columnDefinitions={[
          { id: 'id', header: 'Output ID', cell: (o) => o.OutputId },
          { id: 'stream', header: 'In-application stream', cell: (o) => <code>{o.Name}</code> },
          { id: 'dest', header: 'Destination', cell: (o) => `${o.KinesisFirehoseOutputDescription ? 'Delivery stream' : 'Data stream'} ${destinationOf(o)}` },
          { id: 'format', header: 'Format', cell: (o) => o.DestinationSchema?.RecordFormatType },
          {
            id: 'actions',
            header: 'Actions',
            cell: (o) => (
              <Button
                variant="inline-link"
                ariaLabel={`Disconnect output ${o.OutputId}`}
                onClick={() =>
                  remove.mutate(
                    { name, version: app.ApplicationVersionId ?? 1, outputId: o.OutputId ?? '' },
                    {
                      onSuccess: () =>
                        notify.track({
                          content: `Disconnecting output ${o.OutputId}`,
                          watch: applicationChange(changed, `Disconnected output ${o.OutputId}.`),
                          scope: [applicationPath(name)],
                        }),
                      onError: (e) => notify.error(e),
                    },
                  )
                }
              >
                Disconnect
              </Button>
            ),
          },
        ]}
        empty={<Box color="text-status-inactive">No destination yet: the results stay inside the application.</Box>}
      />
      <Container header={<Header variant="h2">Connect a destination</Header>}>
        <SpaceBetween size="m">
          {full && <Alert type="info">An application sends to at most {MAX_OUTPUTS} destinations. Disconnect one to add another.</Alert>}
          <FormField label="In-application stream" description="A stream your SQL creates.">
            <Select
              ariaLabel="In-application stream"
              data-testid="output-inapp-select"
              placeholder={inAppStreams.length ? 'Choose a stream' : 'Save SQL that creates a stream first'}
              disabled={full}
              selectedOption={inApp ? { value: inApp, label: inApp } : null}
              options={inAppStreams.map((s) => ({ value: s, label: s }))}
              onChange={({ detail }) => setInApp(detail.selectedOption.value)}
            />
          </FormField>
          <FormField label="Destination type">
            <Tiles
              ariaLabel="Destination type"
              value={kind}
              onChange={({ detail }) => {
                setKind(detail.value as 'kinesis' | 'firehose');
                setTarget(undefined);
              }}
              items={[
                { value: 'kinesis', label: 'Kinesis data stream', description: 'Another stream, for further processing.' },
                {
                  value: 'firehose',
                  label: 'Firehose delivery stream',
                  description: 'Firehose buffers the rows and writes them to Amazon S3.',
                },
              ]}
            />
          </FormField>
          {kind === 'kinesis' ? (
            <FormField label="Kinesis data stream">
              <Select
                ariaLabel="Destination data stream"
                data-testid="output-stream-select"
                placeholder="Choose a data stream"
                disabled={full}
                statusType={streams.isLoading ? 'loading' : 'finished'}
                selectedOption={target ? { value: target, label: target } : null}
                options={(streams.data ?? []).map((s) => ({ value: s.name, label: s.name, description: s.status }))}
                onChange={({ detail }) => setTarget(detail.selectedOption.value)}
              />
            </FormField>
          ) : (
            <FormField label="Delivery stream">
              <Select
                ariaLabel="Destination delivery stream"
                data-testid="output-delivery-select"
                placeholder="Choose a delivery stream"
                disabled={full}
                statusType={deliveryStreams.isLoading ? 'loading' : 'finished'}
                selectedOption={target ? { value: target, label: target } : null}
                options={(deliveryStreams.data ?? []).map((s) => ({ value: s.name, label: s.name, description: s.status }))}
                empty={
                  <span>
                    No delivery streams. <Link href={hrefFor('/create-delivery-stream')}>Create delivery stream</Link>
                  </span>
                }
                onChange={({ detail }) => setTarget(detail.selectedOption.value)}
              />
            </FormField>
          )}
          <FormField label="Output format">
            <Tiles
              ariaLabel="Output format"
              value={format}
              onChange={({ detail }) => setFormat(detail.value as 'JSON' | 'CSV')}
              items={[
                { value: 'CSV', label: 'CSV', description: 'Comma-separated values, one line per row.' },
                { value: 'JSON', label: 'JSON', description: 'One object per row, written back to back with no separator.' },
              ]}
            />
          </FormField>
          {problem && <Alert type="error">{problem}</Alert>}
          <Button variant="primary" data-testid="connect-output" disabled={full || !inApp || !targetArn} loading={add.isPending} onClick={connect}>
            Connect
          </Button>
        </SpaceBetween>
      </Container>
    </SpaceBetween>
  );
}
