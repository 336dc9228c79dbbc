import Button from '@cloudscape-design/components/button';
import ColumnLayout from '@cloudscape-design/components/column-layout';
import Container from '@cloudscape-design/components/container';
import FormField from '@cloudscape-design/components/form-field';
import Header from '@cloudscape-design/components/header';
import Input from '@cloudscape-design/components/input';
import Select from '@cloudscape-design/components/select';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Toggle from '@cloudscape-design/components/toggle';
import { useState, type ReactNode } from 'react';
import { useNotify } from '../../hooks/errors';
import { useFormErrors } from '../../hooks/useFormErrors';
import { requestShapes, type Shapes } from '../../lib/requestShapes';
import { midpoint } from '../../hooks/hashKey';
import {
  adjacentPairs,
  openShardsByHashKey,
  useEnhancedMonitoring,
  useMergeShards,
  useSplitShard,
  useUpdateRetention,
  useUpdateShardCount,
  type Shard,
  type StreamDescriptionSummary,
} from '../../hooks/useStreams';
import { CliCommand } from '../../components/CliCommand';
import { fieldError } from './fieldError';
import { cli } from './cli';
import { streamPath } from './links';
import { RETENTION_MAX, RETENTION_MIN } from './rules';

/**
 * A one-field section's AWS error: a problem with the input by the field (it is the only one), in
 * words for people with AWS's text beneath; an error about the stream's state as a notification.
 */
const useFieldError = (names: readonly string[], shapes: Shapes) => {
  const f = useFormErrors({ field: names }, { shapes });
  return { error: f.fields.field ?? f.form, clear: () => f.reset(), onError: f.onError };
};

/** A reshard in progress (the stream UPDATING) until the stream is ACTIVE again. */
const trackReshard = (notify: ReturnType<typeof useNotify>, stream: string, content: string) =>
  notify.track({
    content,
    watch: { kind: 'stream', name: stream, until: 'ACTIVE', done: `Resharding of ${stream} finished: the stream is active.` },
    scope: [streamPath(stream)],
  });

function Section({ title, description, children, testId }: { title: string; description: string; children: ReactNode; testId: string }) {
  return (
    <Container data-testid={testId} header={<Header variant="h2" description={description}>{title}</Header>}>
      <SpaceBetween size="m">{children}</SpaceBetween>
    </Container>
  );
}

export function ConfigurationTab({ summary, shards }: { summary: StreamDescriptionSummary; shards: Shard[] }) {
  const stream = summary.StreamName ?? '';
  return (
    <SpaceBetween size="l">
      <SplitSection stream={stream} shards={shards} />
      <MergeSection stream={stream} shards={shards} />
      <ShardCountSection stream={stream} open={summary.OpenShardCount ?? 0} />
      <RetentionSection stream={stream} current={summary.RetentionPeriodHours ?? 24} />
      <MonitoringSection stream={stream} metrics={summary.EnhancedMonitoring?.flatMap((m) => m.ShardLevelMetrics ?? []) ?? []} />
    </SpaceBetween>
  );
}

/** Enter in a field does what the section's button does, as in a form. */
const onEnter =
  (submit: () => unknown) =>
  ({ detail }: { detail: { key: string } }) => {
    if (detail.key === 'Enter') submit();
  };

function SplitSection({ stream, shards }: { stream: string; shards: Shard[] }) {
  const open = openShardsByHashKey(shards);
  const [picked, setPicked] = useState<string>();
  const shard = open.find((s) => s.ShardId === picked) ?? open[0];
  const [keys, setKeys] = useState<Record<string, string>>({});
  const key = shard ? (keys[shard.ShardId ?? ''] ?? (shard.HashKeyRange ? midpoint(shard.HashKeyRange) : '')) : '';
  const split = useSplitShard();
  const notify = useNotify();
  const f = useFieldError(['NewStartingHashKey', 'newStartingHashKey'], requestShapes.splitShard);
  const submit = () =>
    shard &&
    split.mutate(
      { stream, shardId: shard.ShardId ?? '', newStartingHashKey: key },
      { onSuccess: () => trackReshard(notify, stream, `Splitting ${shard.ShardId} of ${stream}`), onError: f.onError },
    );
  return (
    <Section
      testId="split-shard-section"
      title="Split shard"
      description="SplitShard closes one shard and opens two children that share its hash key range, split at the new starting hash key."
    >
      <ColumnLayout columns={2}>
        <FormField label="Shard to split">
          <Select
            ariaLabel="Shard to split"
            data-testid="split-shard-select"
            selectedOption={shard ? { value: shard.ShardId, label: shard.ShardId } : null}
            options={open.map((s) => ({ value: s.ShardId ?? '', label: s.ShardId }))}
            onChange={({ detail }) => setPicked(detail.selectedOption.value)}
          />
        </FormField>
        <FormField
          label="New starting hash key"
          constraintText="Defaults to the midpoint of the shard's range: two equal halves."
          errorText={fieldError('split-hash-key-error', f.error)}
        >
          <Input
            ariaLabel="New starting hash key"
            data-testid="split-hash-key-input"
            value={key}
            onKeyDown={onEnter(submit)}
            onChange={({ detail }) => {
              setKeys((k) => ({ ...k, [shard?.ShardId ?? '']: detail.value }));
              f.clear();
            }}
          />
        </FormField>
      </ColumnLayout>
      <Button
        data-testid="split-shard-submit"
        disabled={!shard}
        loading={split.isPending}
        onClick={submit}
      >
        Split shard
      </Button>
      <CliCommand command={cli.splitShard(stream, shard?.ShardId ?? '<shard-id>', key)} />
    </Section>
  );
}

function MergeSection({ stream, shards }: { stream: string; shards: Shard[] }) {
  const pairs = adjacentPairs(shards);
  const [picked, setPicked] = useState<string>();
  const options = pairs.map(([a, b]) => ({ value: `${a.ShardId}|${b.ShardId}`, label: `${a.ShardId} + ${b.ShardId}` }));
  const option = options.find((o) => o.value === picked) ?? options[0];
  const [a, b] = option ? option.value.split('|') : [];
  const merge = useMergeShards();
  const notify = useNotify();
  return (
    <Section
      testId="merge-shards-section"
      title="Merge shards"
      description="MergeShards joins two open shards whose hash key ranges are adjacent; only such pairs are offered."
    >
      <FormField label="Adjacent shards to merge" constraintText={pairs.length ? undefined : 'No two open shards are adjacent.'}>
        <Select
          ariaLabel="Adjacent shards to merge"
          data-testid="merge-pair-select"
          selectedOption={option ?? null}
          options={options}
          onChange={({ detail }) => setPicked(detail.selectedOption.value)}
          empty="No adjacent open shards"
        />
      </FormField>
      <Button
        data-testid="merge-shards-submit"
        disabled={!option}
        loading={merge.isPending}
        onClick={() =>
          merge.mutate(
            { stream, shardId: a, adjacentShardId: b },
            { onSuccess: () => trackReshard(notify, stream, `Merging ${a} and ${b} of ${stream}`), onError: (e) => notify.error(e) },
          )
        }
      >
        Merge shards
      </Button>
      <CliCommand command={cli.mergeShards(stream, a ?? '<shard-id>', b ?? '<adjacent-shard-id>')} />
    </Section>
  );
}

function ShardCountSection({ stream, open }: { stream: string; open: number }) {
  const [target, setTarget] = useState<string>();
  const value = target ?? String(open * 2 || 1);
  const update = useUpdateShardCount();
  const notify = useNotify();
  const f = useFieldError(['targetShardCount', 'TargetShardCount', 'target shard count'], requestShapes.updateShardCount);
  const submit = () =>
    update.mutate(
      { stream, target: Number(value) },
      { onSuccess: () => trackReshard(notify, stream, `Updating ${stream} to ${value} shards`), onError: f.onError },
    );
  return (
    <Section
      testId="shard-count-section"
      title="Update shard count"
      description="UpdateShardCount with UNIFORM_SCALING splits and merges shards so the open shards share the hash space evenly."
    >
      <FormField label="Target shard count" constraintText={`The stream has ${open} open shard${open === 1 ? '' : 's'}. AWS allows between half and double the current count per call.`} errorText={fieldError('target-shard-count-error', f.error)}>
        <Input
          ariaLabel="Target shard count"
          data-testid="target-shard-count-input"
          type="number"
          value={value}
          onKeyDown={onEnter(submit)}
          onChange={({ detail }) => {
            setTarget(detail.value);
            f.clear();
          }}
        />
      </FormField>
      <Button
        data-testid="update-shard-count-submit"
        loading={update.isPending}
        onClick={submit}
      >
        Update shard count
      </Button>
      <CliCommand command={cli.updateShardCount(stream, value)} />
    </Section>
  );
}

function RetentionSection({ stream, current }: { stream: string; current: number }) {
  const [hours, setHours] = useState<string>();
  const value = hours ?? String(current);
  const update = useUpdateRetention();
  const notify = useNotify();
  const f = useFieldError(['retentionPeriodHours', 'RetentionPeriodHours', 'retention period'], requestShapes.increaseStreamRetentionPeriod);
  const submit = () =>
    update.mutate(
      { stream, current, hours: Number(value) },
      {
        onSuccess: () => {
          notify.success(`Retention of ${stream} set to ${value} hours.`);
          setHours(undefined);
        },
        onError: f.onError,
      },
    );
  return (
    <Section
      testId="retention-section"
      title="Data retention"
      description={`Records stay readable for the retention period: ${RETENTION_MIN} hours (the default) up to ${RETENTION_MAX} hours (365 days). Currently ${current} hours.`}
    >
      <FormField label="Retention period (hours)" constraintText={`${RETENTION_MIN} to ${RETENTION_MAX}.`} errorText={fieldError('retention-error', f.error)}>
        <Input
          ariaLabel="Retention period in hours"
          data-testid="retention-input"
          type="number"
          value={value}
          onKeyDown={onEnter(submit)}
          onChange={({ detail }) => {
            setHours(detail.value);
            f.clear();
          }}
        />
      </FormField>
      <Button
        data-testid="retention-submit"
        loading={update.isPending}
        onClick={submit}
      >
        Save retention
      </Button>
      <CliCommand command={cli.retention(stream, current, value)} />
    </Section>
  );
}

function MonitoringSection({ stream, metrics }: { stream: string; metrics: string[] }) {
  const on = metrics.length > 0;
  const update = useEnhancedMonitoring();
  const notify = useNotify();
  return (
    <Section
      testId="monitoring-section"
      title="Enhanced (shard-level) monitoring"
      description="Adds per-shard CloudWatch metrics with a ShardId dimension: the Monitoring page's per-shard chart, which shows where each record landed, needs them. Shards report only from the moment this is on."
    >
      <Toggle
        checked={on}
        disabled={update.isPending}
        data-testid="enhanced-monitoring-toggle"
        onChange={({ detail }) =>
          update.mutate(
            { stream, enable: detail.checked, metrics: ['ALL'] },
            {
              onSuccess: () => notify.success(`Shard-level metrics ${detail.checked ? 'enabled' : 'disabled'} for ${stream}.`),
              onError: (e) => notify.error(e),
            },
          )
        }
      >
        Shard-level metrics {on ? `on (${metrics.join(', ')})` : 'off'}
      </Toggle>
      <CliCommand command={cli.enhancedMonitoring(stream, !on, ['ALL'])} />
    </Section>
  );
}
