import Alert from '@cloudscape-design/components/alert';
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import FormField from '@cloudscape-design/components/form-field';
import Header from '@cloudscape-design/components/header';
import Input from '@cloudscape-design/components/input';
import Link from '@cloudscape-design/components/link';
import Modal from '@cloudscape-design/components/modal';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Table from '@cloudscape-design/components/table';
import { useState, type ReactNode } from 'react';
import { ModalFooter } from '../../components/ModalFooter';
import { CliCommand } from '../../components/CliCommand';
import { describeError, formatError, useNotify } from '../../hooks/errors';
import {
  useConsumers,
  useDeregisterConsumer,
  useRegisterConsumer,
  type Consumer,
} from '../../hooks/useConsumers';
import { consumerNameProblem, CONSUMERS_PER_STREAM } from '../../lib/streamRules';
import { useFormErrors } from '../../hooks/useFormErrors';
import { problemMessage } from '../../lib/fieldMessages';
import { requestShapes } from '../../lib/requestShapes';
import { cli } from './cli';
import { fieldError } from './fieldError';
import { consumerHref, streamPath } from './links';
import { DateTime, Identifier, Unbroken } from '../../components/Unbroken';
import { StreamStatus } from './StatusCell';

function WhatIsFanOut() {
  return (
    <SpaceBetween size="xs">
      <span>
        A consumer registered here gets a read pipe of its own on every shard: 2 MiB per second per shard,
        whatever other applications read. Without one, every application polling with GetRecords shares the
        shard&apos;s 2 MiB/s and its 5 calls per second.
      </span>
      <span>
        Instead of polling, the application calls SubscribeToShard with the consumer&apos;s ARN and Kinesis
        pushes each new record to it over an HTTP/2 connection, for up to 5 minutes per call. Up to{' '}
        {CONSUMERS_PER_STREAM} consumers per stream.
      </span>
    </SpaceBetween>
  );
}

/** A dialog with Cancel and one primary action (test ids `<testId>-modal` and `<testId>-confirm`). */
export function ConsumerModal({
  visible,
  onDismiss,
  header,
  testId,
  action,
  onAction,
  pending,
  children,
}: {
  visible: boolean;
  onDismiss: () => void;
  header: string;
  testId: string;
  action: string;
  onAction: () => void;
  pending: boolean;
  children: ReactNode;
}) {
  return (
    <Modal
      visible={visible}
      onDismiss={onDismiss}
      header={header}
      data-testid={`${testId}-modal`}
      footer={
        <ModalFooter onCancel={onDismiss}>
          <Button variant="primary" onClick={onAction} loading={pending} data-testid={`${testId}-confirm`}>
            {action}
          </Button>
        </ModalFooter>
      }
    >
      {children}
    </Modal>
  );
}

function RegisterConsumerModal({
  stream,
  streamArn,
  visible,
  onDismiss,
}: {
  stream: string;
  streamArn: string;
  visible: boolean;
  onDismiss: () => void;
}) {
  const [name, setName] = useState('');
  const [touched, setTouched] = useState(false);
  const server = useFormErrors({ name: ['consumerName'] }, { shapes: requestShapes.registerStreamConsumer, nameField: 'name', inline: true });
  const serverError = server.fields.name ?? server.form;
  const register = useRegisterConsumer(stream);
  const notify = useNotify();
  const problem = touched ? problemMessage(consumerNameProblem(name), requestShapes.registerStreamConsumer.ConsumerName) : undefined;
  const submit = () => {
    setTouched(true);
    // Only an empty name stays here: anything else is AWS's to judge, and its answer is shown under the field.
    if (name.length === 0) return;
    server.reset();
    register.mutate(
      { streamArn, name },
      {
        onSuccess: () => {
          notify.track({
            content: `Registering consumer ${name}`,
            watch: { kind: 'consumer', name, stream: streamArn, until: 'ACTIVE', done: `Consumer ${name} is active.` },
            scope: [streamPath(stream)],
          });
          onDismiss();
        },
        onError: server.onError,
      },
    );
  };
  return (
    <ConsumerModal
      visible={visible}
      onDismiss={onDismiss}
      header="Register consumer"
      testId="register-consumer"
      action="Register consumer"
      onAction={submit}
      pending={register.isPending}
    >
      <SpaceBetween size="m">
        <FormField
          label="Consumer name"
          constraintText="1 to 128 characters: letters, digits, hyphens (-), underscores (_) and periods (.). Unique within the stream."
          errorText={fieldError('consumer-name-error', serverError ?? problem)}
        >
          <Input
            ariaLabel="Consumer name"
            data-testid="consumer-name-input"
            value={name}
            placeholder="my-application"
            onChange={({ detail }) => {
              setName(detail.value);
              server.reset();
            }}
            onBlur={() => setTouched(true)}
            onKeyDown={({ detail }) => detail.key === 'Enter' && submit()}
          />
        </FormField>
        <CliCommand
          command={cli.registerStreamConsumer(streamArn, name || '<consumer-name>')}
          testId="register-consumer-cli"
        />
      </SpaceBetween>
    </ConsumerModal>
  );
}

function DeregisterConsumerModal({
  stream,
  streamArn,
  consumer,
  onDismiss,
}: {
  stream: string;
  streamArn: string;
  consumer?: Consumer;
  onDismiss: () => void;
}) {
  const deregister = useDeregisterConsumer(stream);
  const notify = useNotify();
  const arn = consumer?.ConsumerARN ?? '';
  const confirm = () =>
    deregister.mutate(arn, {
      onSuccess: () => {
        const name = consumer?.ConsumerName ?? '';
        notify.track({
          content: `Deregistering consumer ${name}`,
          watch: { kind: 'consumer', name, stream: streamArn, until: 'GONE', done: `Consumer ${name} deregistered.` },
          scope: [streamPath(stream)],
        });
        onDismiss();
      },
      onError: (e) => notify.error(e),
    });
  return (
    <ConsumerModal
      visible={!!consumer}
      onDismiss={onDismiss}
      header={`Deregister ${consumer?.ConsumerName ?? ''}?`}
      testId="deregister-consumer"
      action="Deregister"
      onAction={confirm}
      pending={deregister.isPending}
    >
      <SpaceBetween size="m">
        <Alert type="warning">
          Its subscriptions end, and an application still using its ARN gets ResourceNotFoundException. The
          stream and its records stay as they are.
        </Alert>
        <CliCommand command={cli.deregisterStreamConsumer(arn)} testId="deregister-consumer-cli" />
      </SpaceBetween>
    </ConsumerModal>
  );
}

/** The stream's enhanced fan-out consumers: list, register, deregister. */
export function ConsumersTab({ stream, streamArn }: { stream: string; streamArn: string }) {
  const consumers = useConsumers(stream, streamArn);
  const [selected, setSelected] = useState<Consumer[]>([]);
  const [registering, setRegistering] = useState(false);
  const [deregistering, setDeregistering] = useState<Consumer>();
  const items = consumers.data ?? [];
  const chosen = items.find((c) => c.ConsumerARN === selected[0]?.ConsumerARN);
  return (
    <SpaceBetween size="l">
      {consumers.error && <Alert type="error">{formatError(describeError(consumers.error))}</Alert>}
      <Table<Consumer>
        data-testid="consumers-table"
        items={items}
        trackBy="ConsumerARN"
        loading={consumers.isLoading}
        loadingText="Loading consumers"
        selectionType="single"
        selectedItems={chosen ? [chosen] : []}
        onSelectionChange={({ detail }) => setSelected(detail.selectedItems)}
        ariaLabels={{
          tableLabel: 'Consumers',
          itemSelectionLabel: (_s, c) => `Select ${c.ConsumerName ?? ''}`,
          allItemsSelectionLabel: () => 'Select all',
        }}
        wrapLines={false}
        header={
          <Header
            variant="h2"
            counter={`(${items.length}/${CONSUMERS_PER_STREAM})`}
            description="Applications that read this stream with a dedicated 2 MiB/s per shard each, pushed to them with SubscribeToShard."
            actions={
              <SpaceBetween direction="horizontal" size="xs">
                <Button
                  iconName="refresh"
                  ariaLabel="Refresh consumers"
                  onClick={() => void consumers.refetch()}
                />
                <Button
                  onClick={() => setDeregistering(chosen)}
                  disabled={!chosen || chosen.ConsumerStatus === 'DELETING'}
                  data-testid="deregister-consumer-button"
                >
                  Deregister
                </Button>
                <Button
                  variant="primary"
                  onClick={() => setRegistering(true)}
                  data-testid="register-consumer-button"
                >
                  Register consumer
                </Button>
              </SpaceBetween>
            }
          >
            Enhanced fan-out consumers
          </Header>
        }
        columnDefinitions={[
          {
            id: 'name',
            header: 'Consumer name',
            cell: (c) => <Unbroken testId="consumer-name">{c.ConsumerName}</Unbroken>,
            minWidth: 160,
          },
          {
            id: 'status',
            header: 'Status',
            cell: (c) => <StreamStatus status={c.ConsumerStatus} testId="consumer-status" />,
            minWidth: 120,
          },
          {
            id: 'arn',
            header: 'Consumer ARN',
            minWidth: 280,
            cell: (c) => <Identifier value={c.ConsumerARN ?? ''} copyLabel={`the ARN of ${c.ConsumerName ?? ''}`} />,
          },
          {
            id: 'created',
            header: 'Registered',
            cell: (c) => <DateTime value={c.ConsumerCreationTimestamp} />,
            minWidth: 170,
          },
          {
            id: 'read',
            header: 'Records',
            minWidth: 150,
            cell: (c) =>
              c.ConsumerStatus === 'ACTIVE' ? (
                <Link href={consumerHref(stream, c.ConsumerName ?? '')} data-testid="read-through-consumer">
                  Read in Data viewer
                </Link>
              ) : (
                '-'
              ),
          },
        ]}
        empty={
          <Box textAlign="center" padding="m" data-testid="consumers-empty">
            <SpaceBetween size="s">
              <b>No consumers registered</b>
              <Box variant="p" textAlign="left">
                <WhatIsFanOut />
              </Box>
              <Button onClick={() => setRegistering(true)}>Register consumer</Button>
            </SpaceBetween>
          </Box>
        }
      />
      {items.length > 0 && (
        <Box variant="small" color="text-body-secondary">
          <WhatIsFanOut />
        </Box>
      )}
      <CliCommand command={cli.listStreamConsumers(streamArn)} testId="consumers-cli" />
      <RegisterConsumerModal
        key={String(registering)}
        stream={stream}
        streamArn={streamArn}
        visible={registering}
        onDismiss={() => setRegistering(false)}
      />
      <DeregisterConsumerModal
        stream={stream}
        streamArn={streamArn}
        consumer={deregistering}
        onDismiss={() => setDeregistering(undefined)}
      />
    </SpaceBetween>
  );
}
