import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import Checkbox from '@cloudscape-design/components/checkbox';
import ColumnLayout from '@cloudscape-design/components/column-layout';
import Container from '@cloudscape-design/components/container';
import Form from '@cloudscape-design/components/form';
import FormField from '@cloudscape-design/components/form-field';
import Header from '@cloudscape-design/components/header';
import Input from '@cloudscape-design/components/input';
import KeyValuePairs from '@cloudscape-design/components/key-value-pairs';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Table from '@cloudscape-design/components/table';
import Textarea from '@cloudscape-design/components/textarea';
import { useState } from 'react';
import { useFormErrors } from '../../hooks/useFormErrors';
import type { FieldMembers } from '../../lib/fieldMessages';
import { requestShapes } from '../../lib/requestShapes';
import { inRange, shardForHashKey, useHashKey } from '../../hooks/hashKey';
import { openShardsByHashKey, usePutRecord, type Shard } from '../../hooks/useStreams';
import { CliCommand } from '../../components/CliCommand';
import { fieldError } from './fieldError';
import { cli } from './cli';
import { HashSpaceBar } from './HashSpaceBar';
import { LongNumber, mono } from '../../components/LongNumber';
import { Status, Unbroken } from '../../components/Unbroken';

const FIELDS: FieldMembers<'partitionKey' | 'explicitHashKey' | 'data'> = {
  partitionKey: ['partitionKey'],
  explicitHashKey: ['explicitHashKey'],
  data: ['data'],
};

interface Landed {
  shardId: string;
  sequenceNumber: string;
  partitionKey: string;
  explicitHashKey?: string;
  /** The open shards when the record was put: the ranges it was matched against. */
  shards: Shard[];
}

export function PutRecordTab({ stream, shards }: { stream: string; shards: Shard[] }) {
  const [partitionKey, setPartitionKey] = useState('');
  const [useExplicit, setUseExplicit] = useState(false);
  const [explicitHashKey, setExplicitHashKey] = useState('');
  const [data, setData] = useState('{"sensor": "sensor-1", "temperature": 21.5}');
  const server = useFormErrors(FIELDS, { shapes: requestShapes.putRecord });
  const errors = server.fields;
  const [landed, setLanded] = useState<Landed>();
  const put = usePutRecord();
  const explicit = useExplicit ? explicitHashKey : undefined;
  const preview = useHashKey(partitionKey, explicit);
  const previewShard = preview.key !== undefined ? shardForHashKey(openShardsByHashKey(shards), preview.key)?.ShardId : undefined;
  const previewText =
    preview.key === undefined
      ? '1-256 Unicode characters.'
      : `${explicit && preview.explicit !== undefined ? 'Explicit hash key' : 'MD5 hash key'} ${preview.key.toString()} → ${previewShard ?? 'no open shard'}`;

  const submit = () => {
    server.reset();
    const snapshot = openShardsByHashKey(shards);
    put.mutate(
      { stream, partitionKey, explicitHashKey: explicit, data },
      {
        onSuccess: (out) => {
          setLanded({
            shardId: out.ShardId ?? '',
            sequenceNumber: out.SequenceNumber ?? '',
            partitionKey,
            explicitHashKey: explicit,
            shards: snapshot,
          });
        },
        onError: server.onError,
      },
    );
  };

  return (
    <SpaceBetween size="l">
      <Container header={<Header variant="h2" description="PutRecord writes one record. Kinesis picks the shard from the MD5 hash of the partition key, or from an explicit hash key.">Put a record</Header>}>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            submit();
          }}
        >
          <Form
            errorText={fieldError('put-record-error', server.form)}
            actions={
              <Button variant="primary" loading={put.isPending} data-testid="put-record-submit">
                Put record
              </Button>
            }
          >
            <SpaceBetween size="m">
              <FormField label="Partition key" constraintText={<span data-testid="hash-key-preview">{previewText}</span>} errorText={fieldError('partition-key-error', errors.partitionKey)}>
                <Input
                  value={partitionKey}
                  ariaLabel="Partition key"
                  placeholder="sensor-1"
                  data-testid="partition-key-input"
                  onChange={({ detail }) => {
                    setPartitionKey(detail.value);
                    server.clear('partitionKey');
                  }}
                />
              </FormField>
              <Checkbox checked={useExplicit} onChange={({ detail }) => setUseExplicit(detail.checked)} data-testid="explicit-hash-key-toggle">
                Use an explicit hash key (overrides the partition key's hash)
              </Checkbox>
              {useExplicit && (
                <FormField label="Explicit hash key" constraintText="A decimal integer from 0 to 2^128 - 1." errorText={fieldError('explicit-hash-key-error', errors.explicitHashKey)}>
                  <Input
                    value={explicitHashKey}
                    ariaLabel="Explicit hash key"
                    data-testid="explicit-hash-key-input"
                    onChange={({ detail }) => {
                      setExplicitHashKey(detail.value);
                      server.clear('explicitHashKey');
                    }}
                  />
                </FormField>
              )}
              <FormField label="Data" constraintText="Sent as UTF-8 bytes; a record may be up to 1 MiB including its partition key." errorText={fieldError('record-data-error', errors.data)}>
                <Textarea
                  value={data}
                  rows={4}
                  ariaLabel="Record data"
                  data-testid="record-data-input"
                  onChange={({ detail }) => {
                    setData(detail.value);
                    server.clear('data');
                  }}
                />
              </FormField>
              <CliCommand command={cli.putRecord(stream, partitionKey || '<partition-key>', data, explicit)} testId="put-record-cli" />
            </SpaceBetween>
          </Form>
        </form>
      </Container>
      {landed && <WhyHere landed={landed} />}
    </SpaceBetween>
  );
}

/** Where the record landed and why: its hash key against the shards' ranges. */
function WhyHere({ landed }: { landed: Landed }) {
  const { md5, explicit, key } = useHashKey(landed.partitionKey, landed.explicitHashKey);
  return (
    <Container data-testid="put-record-result" header={<Header variant="h2">Record written</Header>}>
      <SpaceBetween size="l">
        <KeyValuePairs
          columns={2}
          items={[
            { label: 'Shard ID', value: <Unbroken testId="result-shard-id">{landed.shardId}</Unbroken> },
            { label: 'Sequence number', value: <LongNumber value={landed.sequenceNumber} label="sequence number" testId="result-sequence-number" /> },
          ]}
        />
        <Box variant="h3">Why this shard</Box>
        <ColumnLayout columns={2} variant="text-grid">
          <div>
            <Box variant="awsui-key-label">MD5 of the partition key "{landed.partitionKey}" (hex)</Box>
            <div style={{ ...mono, wordBreak: 'break-all' }} data-testid="md5-hex">{md5?.md5Hex}</div>
          </div>
          <div>
            <Box variant="awsui-key-label">Read as a 128-bit integer: the hash key</Box>
            <LongNumber full value={md5?.decimal} label="hash key" testId="md5-decimal" />
          </div>
          {explicit !== undefined && (
            <div>
              <Box variant="awsui-key-label">Explicit hash key (used instead)</Box>
              <LongNumber full value={explicit.toString()} label="explicit hash key" testId="explicit-hash-key" />
            </div>
          )}
        </ColumnLayout>
        <HashSpaceBar shards={landed.shards} highlight={landed.shardId} marker={key} label="Where the record's hash key falls among the shards' ranges" />
        <Table<Shard>
          data-testid="why-ranges-table"
          variant="embedded"
          items={landed.shards}
          trackBy="ShardId"
          wrapLines={false}
          ariaLabels={{ tableLabel: 'Shard hash key ranges' }}
          columnDefinitions={[
            { id: 'id', header: 'Shard', minWidth: 190, cell: (s) => <Unbroken style={{ fontWeight: s.ShardId === landed.shardId ? 700 : 400 }}>{s.ShardId}</Unbroken> },
            { id: 'start', header: 'Starting hash key', minWidth: 180, cell: (s) => <LongNumber value={s.HashKeyRange?.StartingHashKey} label="starting hash key" /> },
            { id: 'end', header: 'Ending hash key', minWidth: 180, cell: (s) => <LongNumber value={s.HashKeyRange?.EndingHashKey} label="ending hash key" /> },
            {
              id: 'match',
              header: 'Holds the hash key?',
              cell: (s) =>
                key !== undefined && s.HashKeyRange && inRange(key, s.HashKeyRange) ? (
                  <Status type="success" testId={`matching-shard-${s.ShardId}`}>
                    Yes: start ≤ key ≤ end
                  </Status>
                ) : (
                  <Status type="stopped">No</Status>
                ),
            },
          ]}
        />
      </SpaceBetween>
    </Container>
  );
}
