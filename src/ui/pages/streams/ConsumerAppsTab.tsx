import Alert from '@cloudscape-design/components/alert';
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import Container from '@cloudscape-design/components/container';
import FormField from '@cloudscape-design/components/form-field';
import Header from '@cloudscape-design/components/header';
import Input from '@cloudscape-design/components/input';
import Select from '@cloudscape-design/components/select';
import SpaceBetween from '@cloudscape-design/components/space-between';
import StatusIndicator, { type StatusIndicatorProps } from '@cloudscape-design/components/status-indicator';
import Table from '@cloudscape-design/components/table';
import { useState } from 'react';
import { describeError, formatError, useNotify } from '../../hooks/errors';
import {
  CONSUMER_APP_WORKERS,
  useConsumerApps,
  type ConsumerApplicationView,
  type InitialPosition,
  type LeaseView,
} from '../../hooks/useConsumerApps';
import { compactCheckpoint, formatLag, leaseStateText } from '../../lib/consumerApps';
import { decodeBase64Data } from '../../lib/records';
import { ConsumerModal } from './ConsumersTab';
import { fieldError } from './fieldError';
import { mono } from '../../components/LongNumber';

type Apps = ReturnType<typeof useConsumerApps>;

function WhatIsAnApplication() {
  return (
    <SpaceBetween size="xs">
      <span>
        A consumer application reads the whole stream the way an application built on the Kinesis Client Library
        does. It keeps a lease table with one lease per shard; its workers share the leases out evenly, each reads
        the shards it holds with GetRecords about once a second (sharing the shard&apos;s 5 reads and 2 MiB per
        second with every other reader) and writes a checkpoint after each batch, so a restart carries on where it
        stopped. A stopped worker&apos;s leases pass to the others once they expire.
      </span>
      <span>
        After a split or a merge, a shard&apos;s records continue in its children. To keep the records of each
        partition key in order, a child is not read until every parent has been read to its end and checkpointed
        at SHARD_END: until then the child&apos;s lease shows which parent it waits for.
      </span>
    </SpaceBetween>
  );
}

const positions: Array<{ value: InitialPosition; label: string; description: string }> = [
  { value: 'TRIM_HORIZON', label: 'TRIM_HORIZON', description: 'From the oldest record each shard still holds' },
  { value: 'LATEST', label: 'LATEST', description: 'Only records put after the application starts' },
  { value: 'AT_TIMESTAMP', label: 'AT_TIMESTAMP', description: 'From records that arrived at or after a time' },
];

const workerOptions = Array.from({ length: CONSUMER_APP_WORKERS.max - CONSUMER_APP_WORKERS.min + 1 }, (_, i) => {
  const n = CONSUMER_APP_WORKERS.min + i;
  return { value: String(n), label: `${n} worker${n === 1 ? '' : 's'}` };
});

function CreateAppModal({ apps, visible, onDismiss }: { apps: Apps; visible: boolean; onDismiss: () => void }) {
  const [name, setName] = useState('');
  const [position, setPosition] = useState<InitialPosition>('TRIM_HORIZON');
  const [timestamp, setTimestamp] = useState('');
  const [workers, setWorkers] = useState(String(CONSUMER_APP_WORKERS.default));
  const [error, setError] = useState<string>();
  const notify = useNotify();
  const at = position === 'AT_TIMESTAMP' ? Date.parse(timestamp) : undefined;
  const timestampProblem = position === 'AT_TIMESTAMP' && timestamp !== '' && !Number.isFinite(at) ? 'Enter a date and time, such as 2026-01-01T09:30:00Z.' : undefined;
  const submit = () => {
    if (name.length === 0) return setError('Enter a name for the application.');
    if (position === 'AT_TIMESTAMP' && !Number.isFinite(at)) return setError('AT_TIMESTAMP needs a date and time.');
    setError(undefined);
    apps.create.mutate(
      { name, initialPosition: position, workers: Number(workers), ...(at !== undefined ? { timestamp: at } : {}) },
      {
        onSuccess: () => {
          notify.success(`Consumer application ${name} started.`);
          onDismiss();
        },
        onError: (e) => setError(formatError(describeError(e))),
      },
    );
  };
  const chosen = positions.find((p) => p.value === position)!;
  return (
    <ConsumerModal
      visible={visible}
      onDismiss={onDismiss}
      header="Create consumer application"
      testId="create-consumer-app"
      action="Create and start"
      onAction={submit}
      pending={apps.create.isPending}
    >
      <SpaceBetween size="m">
        <FormField
          label="Application name"
          constraintText="3 to 255 characters: letters, digits, hyphens (-), underscores (_) and periods (.). Its lease table is named after it."
          errorText={fieldError('consumer-app-name-error', error)}
        >
          <Input
            ariaLabel="Application name"
            data-testid="consumer-app-name-input"
            value={name}
            placeholder="clickstream-processor"
            onChange={({ detail }) => {
              setName(detail.value);
              setError(undefined);
            }}
            onKeyDown={({ detail }) => detail.key === 'Enter' && submit()}
          />
        </FormField>
        <FormField label="Initial position" description="Where the workers start in the shards that exist now; shards created later by resharding are read from their first record.">
          <Select
            ariaLabel="Initial position"
            data-testid="consumer-app-position-select"
            selectedOption={chosen}
            options={positions}
            onChange={({ detail }) => setPosition(detail.selectedOption.value as InitialPosition)}
          />
        </FormField>
        {position === 'AT_TIMESTAMP' && (
          <FormField label="Timestamp" description="ISO 8601, in UTC unless it carries an offset." errorText={timestampProblem}>
            <Input ariaLabel="Timestamp" data-testid="consumer-app-timestamp-input" value={timestamp} placeholder="2026-01-01T09:30:00Z" onChange={({ detail }) => setTimestamp(detail.value)} />
          </FormField>
        )}
        <FormField label="Workers" description="The leases are shared out evenly among the running workers.">
          <Select
            ariaLabel="Workers"
            data-testid="consumer-app-workers-select"
            selectedOption={workerOptions.find((o) => o.value === workers)!}
            options={workerOptions}
            onChange={({ detail }) => setWorkers(detail.selectedOption.value ?? workers)}
          />
        </FormField>
      </SpaceBetween>
    </ConsumerModal>
  );
}

const stateIndicator: Record<LeaseView['state'], StatusIndicatorProps.Type> = {
  processing: 'success',
  'waiting-for-parent': 'pending',
  'shard-end': 'stopped',
  unassigned: 'warning',
};

function LeaseTable({ app }: { app: ConsumerApplicationView }) {
  return (
    <Table<LeaseView>
      data-testid="lease-table"
      variant="embedded"
      items={app.leases}
      trackBy="shardId"
      ariaLabels={{ tableLabel: `Leases of ${app.name}` }}
      wrapLines
      columnDefinitions={[
        {
          id: 'shard',
          header: 'Shard',
          minWidth: 190,
          cell: (l) => (
            <SpaceBetween size="xxxs">
              <span data-testid="lease-shard" style={{ ...mono, whiteSpace: 'nowrap' }}>
                {l.shardId}
              </span>
              {l.parentShardIds.length > 0 && (
                <Box variant="small" color="text-body-secondary">
                  child of {l.parentShardIds.join(' + ')}
                </Box>
              )}
            </SpaceBetween>
          ),
        },
        {
          id: 'state',
          header: 'State',
          minWidth: 190,
          cell: (l) => (
            <span data-testid="lease-state">
              <StatusIndicator type={stateIndicator[l.state]}>{leaseStateText(l)}</StatusIndicator>
            </span>
          ),
        },
        { id: 'owner', header: 'Owner', cell: (l) => <span data-testid="lease-owner" style={{ whiteSpace: 'nowrap' }}>{l.owner ?? '-'}</span> },
        {
          id: 'checkpoint',
          header: 'Checkpoint',
          cell: (l) => {
            const c = compactCheckpoint(l.checkpoint);
            return (
              <span data-testid="lease-checkpoint" title={c.full} style={{ ...mono, whiteSpace: 'nowrap' }}>
                {c.short}
              </span>
            );
          },
        },
        { id: 'counter', header: 'Lease counter', width: 100, cell: (l) => l.leaseCounter },
        { id: 'processed', header: 'Records processed', cell: (l) => <span data-testid="lease-processed">{l.processed.toLocaleString('en-US')}</span> },
        { id: 'lag', header: 'Lag', cell: (l) => <span data-testid="lease-lag" style={{ whiteSpace: 'nowrap' }}>{formatLag(l.millisBehindLatest)}</span> },
        {
          id: 'last',
          header: 'Last record',
          minWidth: 200,
          cell: (l) => {
            const r = l.recent.at(-1);
            if (!r) return '-';
            const text = decodeBase64Data(r.data).text;
            return (
              <span style={mono} title={`Partition key ${r.partitionKey}, ${r.size} bytes`}>
                {text === undefined ? `(${r.size} bytes of binary data)` : text.length > 60 ? `${text.slice(0, 60)}…` : text}
              </span>
            );
          },
        },
      ]}
      empty={<Box color="text-body-secondary">No shards.</Box>}
    />
  );
}

function AppPanel({ app, apps, onDelete }: { app: ConsumerApplicationView; apps: Apps; onDelete: () => void }) {
  const notify = useNotify();
  const toggle = (workerId: string, running: boolean) =>
    apps.setWorker.mutate({ name: app.name, workerId, running }, { onError: (e) => notify.error(e) });
  const position = app.initialPosition === 'AT_TIMESTAMP' && app.timestamp !== undefined ? `AT_TIMESTAMP ${new Date(app.timestamp).toISOString()}` : app.initialPosition;
  return (
    <Container
      data-testid="consumer-app"
      header={
        <Header
          variant="h3"
          description={`Started at ${position} · ${app.processed.toLocaleString('en-US')} records processed`}
          actions={
            <Button onClick={onDelete} ariaLabel={`Delete application ${app.name}`} data-testid="delete-consumer-app-button">
              Delete
            </Button>
          }
        >
          <span data-testid="consumer-app-name">{app.name}</span>
        </Header>
      }
    >
      <SpaceBetween size="m">
        {app.problem && <Alert type="error">{app.problem}</Alert>}
        <SpaceBetween direction="horizontal" size="l">
          {app.workers.map((w) => (
            <SpaceBetween key={w.id} direction="horizontal" size="xs" alignItems="center">
              <span data-testid="worker-status">
                <StatusIndicator type={w.running ? 'success' : 'stopped'}>
                  {w.id}: {w.running ? 'running' : 'stopped'}, {w.leases} lease{w.leases === 1 ? '' : 's'}
                </StatusIndicator>
              </span>
              <Button
                variant="inline-link"
                ariaLabel={`${w.running ? 'Stop' : 'Start'} ${w.id} of ${app.name}`}
                data-testid={`${w.running ? 'stop' : 'start'}-worker-button`}
                onClick={() => toggle(w.id, !w.running)}
              >
                {w.running ? 'Stop' : 'Start'}
              </Button>
            </SpaceBetween>
          ))}
        </SpaceBetween>
        <LeaseTable app={app} />
      </SpaceBetween>
    </Container>
  );
}

/** The stream's consumer applications: KCL-style lease tables and workers run by the emulator. */
export function ConsumerAppsTab({ stream, streamArn }: { stream: string; streamArn: string }) {
  const apps = useConsumerApps(stream, streamArn);
  const notify = useNotify();
  const [creating, setCreating] = useState(false);
  const [deleting, setDeleting] = useState<string>();
  const items = apps.list.data ?? [];
  const create = (
    <Button variant="primary" onClick={() => setCreating(true)} data-testid="create-consumer-app-button" disabled={!apps.available}>
      Create application
    </Button>
  );
  const confirmDelete = () =>
    apps.remove.mutate(deleting!, {
      onSuccess: () => {
        notify.success(`Consumer application ${deleting ?? ''} deleted.`);
        setDeleting(undefined);
      },
      onError: (e) => notify.error(e),
    });
  return (
    <SpaceBetween size="l">
      <Header variant="h2" counter={`(${items.length})`} description="Applications that read every shard with GetRecords, share the shards among workers and checkpoint their progress." actions={create}>
        Consumer applications
      </Header>
      {!apps.available && (
        <Alert type="info" data-testid="consumer-apps-unavailable">
          Consumer applications run inside the emulator. Against AWS, run a Kinesis Client Library application instead: its lease table is a DynamoDB table named after the application.
        </Alert>
      )}
      {apps.list.error && <Alert type="error">{formatError(describeError(apps.list.error))}</Alert>}
      {apps.available && !apps.list.isLoading && items.length === 0 && (
        <Container data-testid="consumer-apps-empty">
          <Box textAlign="center" padding="m">
            <SpaceBetween size="s">
              <b>No consumer applications</b>
              <Box variant="p" textAlign="left">
                <WhatIsAnApplication />
              </Box>
            </SpaceBetween>
          </Box>
        </Container>
      )}
      {items.map((app) => (
        <AppPanel key={app.name} app={app} apps={apps} onDelete={() => setDeleting(app.name)} />
      ))}
      {items.length > 0 && (
        <Box variant="small" color="text-body-secondary">
          <WhatIsAnApplication />
        </Box>
      )}
      <CreateAppModal key={String(creating)} apps={apps} visible={creating} onDismiss={() => setCreating(false)} />
      <ConsumerModal
        visible={deleting !== undefined}
        onDismiss={() => setDeleting(undefined)}
        header={`Delete ${deleting ?? ''}?`}
        testId="delete-consumer-app"
        action="Delete"
        onAction={confirmDelete}
        pending={apps.remove.isPending}
      >
        Its workers stop and its lease table and checkpoints go. The stream and its records stay as they are.
      </ConsumerModal>
    </SpaceBetween>
  );
}
