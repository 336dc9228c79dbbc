import Alert from '@cloudscape-design/components/alert';
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import Container from '@cloudscape-design/components/container';
import ContentLayout from '@cloudscape-design/components/content-layout';
import Header from '@cloudscape-design/components/header';
import KeyValuePairs from '@cloudscape-design/components/key-value-pairs';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Spinner from '@cloudscape-design/components/spinner';
import Tabs from '@cloudscape-design/components/tabs';
import { useState } from 'react';
import { formatError, describeError } from '../../hooks/errors';
import { hrefFor, navigate } from '../../hooks/route';
import { useShards, useStreamSummary } from '../../hooks/useStreams';
import { CliCommand } from '../../components/CliCommand';
import { DateTime, Identifier } from '../../components/Unbroken';
import { cli } from './cli';
import { ConfigurationTab } from './ConfigurationTab';
import { ConsumerAppsTab } from './ConsumerAppsTab';
import { ConsumersTab } from './ConsumersTab';
import { DataViewerTab } from './DataViewerTab';
import { DeleteStreamModal } from './DeleteStreamModal';
import { streamHref, type StreamTab } from './links';
import { PutRecordTab } from './PutRecordTab';
import { ShardsTab } from './ShardsTab';
import { modeLabel, StreamStatus } from './StatusCell';
import { formatRetention } from './StreamList';

const tabs: StreamTab[] = ['shards', 'put', 'data', 'consumers', 'apps', 'configuration'];

export function StreamDetailPage({ params, query }: { params: Record<string, string>; query: Record<string, string> }) {
  const name = params.name ?? '';
  const summary = useStreamSummary(name);
  const status = summary.data?.StreamStatus;
  const shards = useShards(name, status);
  const [deleting, setDeleting] = useState(false);
  const tab: StreamTab = tabs.includes(query.tab as StreamTab) ? (query.tab as StreamTab) : 'shards';

  if (summary.isLoading) {
    return (
      <Box textAlign="center" padding="xxl">
        <Spinner size="large" /> Loading {name}
      </Box>
    );
  }
  if (summary.error || !summary.data) {
    const shown = describeError(summary.error);
    return (
      <ContentLayout header={<Header variant="h1">{name}</Header>}>
        <Alert type="error" header={shown.type} data-testid="stream-error" action={<Button href={hrefFor('/streams')}>Back to data streams</Button>}>
          {shown.message}
        </Alert>
      </ContentLayout>
    );
  }
  const s = summary.data;
  const allShards = shards.data ?? [];
  return (
    <ContentLayout
      header={
        <Header
          variant="h1"
          description={s.StreamARN ? <Identifier value={s.StreamARN} /> : undefined}
          actions={
            <SpaceBetween direction="horizontal" size="xs">
              <Button
                iconName="refresh"
                ariaLabel="Refresh stream"
                onClick={() => {
                  void summary.refetch();
                  void shards.refetch();
                }}
              />
              <Button onClick={() => setDeleting(true)} data-testid="delete-stream-button">
                Delete
              </Button>
            </SpaceBetween>
          }
        >
          <span data-testid="stream-title">{s.StreamName}</span>
        </Header>
      }
    >
      <SpaceBetween size="l">
        <Container header={<Header variant="h2">Data stream summary</Header>}>
          <SpaceBetween size="l">
            <KeyValuePairs
              columns={4}
              items={[
                { label: 'Status', value: <StreamStatus status={s.StreamStatus} testId="detail-status" /> },
                { label: 'Capacity mode', value: modeLabel(s.StreamModeDetails?.StreamMode) },
                { label: 'Open shards', value: <span data-testid="detail-open-shards">{s.OpenShardCount ?? '-'}</span> },
                {
                  label: 'Data retention',
                  value: <span data-testid="detail-retention">{s.RetentionPeriodHours !== undefined ? formatRetention(s.RetentionPeriodHours) : '-'}</span>,
                },
                {
                  label: 'ARN',
                  value: s.StreamARN ? (
                    <Identifier value={s.StreamARN} copyLabel="the ARN" />
                  ) : (
                    '-'
                  ),
                },
                { label: 'Created', value: <DateTime value={s.StreamCreationTimestamp} /> },
                {
                  label: 'Shard-level metrics',
                  value: <span data-testid="detail-shard-metrics">{s.EnhancedMonitoring?.flatMap((m) => m.ShardLevelMetrics ?? []).join(', ') || 'Off'}</span>,
                },
                { label: 'Encryption', value: s.EncryptionType && s.EncryptionType !== 'NONE' ? s.EncryptionType : 'None' },
              ]}
            />
            <CliCommand command={cli.describeStreamSummary(name)} />
          </SpaceBetween>
        </Container>
        {shards.error && <Alert type="error">{formatError(describeError(shards.error))}</Alert>}
        <Tabs
          activeTabId={tab}
          onChange={({ detail }) => navigate(streamHref(name, detail.activeTabId as StreamTab), { replace: true })}
          ariaLabel="Stream details"
          tabs={[
            { id: 'shards', label: 'Shards', content: <ShardsTab stream={name} shards={allShards} loading={shards.isLoading} /> },
            { id: 'put', label: 'Put record', content: <PutRecordTab stream={name} shards={allShards} /> },
            {
              id: 'data',
              label: 'Data viewer',
              content: (
                <DataViewerTab
                  key={`${query.shard ?? ''}/${query.seq ?? ''}/${query.consumer ?? ''}`}
                  stream={name}
                  streamArn={s.StreamARN}
                  shards={allShards}
                  consumer={query.consumer}
                  at={query.shard && query.seq ? { shardId: query.shard, sequenceNumber: query.seq } : undefined}
                />
              ),
            },
            {
              id: 'consumers',
              label: 'Enhanced fan-out',
              content: s.StreamARN ? <ConsumersTab stream={name} streamArn={s.StreamARN} /> : null,
            },
            {
              id: 'apps',
              label: 'Consumer applications',
              content: s.StreamARN ? <ConsumerAppsTab stream={name} streamArn={s.StreamARN} /> : null,
            },
            { id: 'configuration', label: 'Configuration', content: <ConfigurationTab summary={s} shards={allShards} /> },
          ]}
        />
      </SpaceBetween>
      <DeleteStreamModal key={String(deleting)} stream={name} visible={deleting} onDismiss={() => setDeleting(false)} />
    </ContentLayout>
  );
}
