import Alert from '@cloudscape-design/components/alert';
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import Container from '@cloudscape-design/components/container';
import FormField from '@cloudscape-design/components/form-field';
import Header from '@cloudscape-design/components/header';
import Input from '@cloudscape-design/components/input';
import KeyValuePairs from '@cloudscape-design/components/key-value-pairs';
import Select from '@cloudscape-design/components/select';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Table from '@cloudscape-design/components/table';
import Tabs from '@cloudscape-design/components/tabs';
import Tiles from '@cloudscape-design/components/tiles';
import { useState } from 'react';
import { applicationChange, describeError, formatError, useNotify } from '../../hooks/errors';
import { navigate } from '../../hooks/route';
import {
  appParts,
  sourceKindOf,
  useDiscoverSchema,
  useSaveSource,
  type ApplicationDetail,
  type RecordColumn,
  type SourceKind,
  type SourceSchema,
} from '../../hooks/useAnalytics';
import { useDeliveryStreamList } from '../../hooks/useFirehose';
import { useStreamList } from '../../hooks/useStreams';
import { applicationHref, applicationPath } from './links';

/** SQL types a column can take in the schema editor (KDA's "Edit schema" list). */
const SQL_TYPES = ['VARCHAR(16)', 'VARCHAR(64)', 'VARCHAR(256)', 'INTEGER', 'BIGINT', 'SMALLINT', 'TINYINT', 'DOUBLE', 'REAL', 'DECIMAL(16,2)', 'BOOLEAN', 'TIMESTAMP', 'DATE', 'TIME', 'CHAR(1)'];

/** A column name as the KDA console took it: a SQL identifier of letters, digits and underscores, not starting with a digit. */
export const columnNameProblem = (name: string, others: string[]): string | undefined => {
  if (name.length === 0) return 'Enter a name.';
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) return 'Use letters, digits and underscores, starting with a letter or underscore.';
  if (others.some((o) => o.toUpperCase() === name.toUpperCase())) return 'Another column has this name.';
  return undefined;
};

interface Discovery {
  schema: SourceSchema;
  raw: string[];
  parsed: string[][];
}

export function SourceTab({ name, app }: { name: string; app: ApplicationDetail }) {
  const parts = appParts(app);
  const currentKind = sourceKindOf(parts.sourceArn);
  const [kind, setKind] = useState<SourceKind>(currentKind);
  const dataStreams = useStreamList();
  const deliveryStreams = useDeliveryStreamList(kind === 'firehose');
  const streams = kind === 'kinesis' ? dataStreams : deliveryStreams;
  const discover = useDiscoverSchema();
  const save = useSaveSource();
  const notify = useNotify();
  const currentStream = parts.sourceArn?.split(currentKind === 'firehose' ? ':deliverystream/' : ':stream/')[1];
  const [stream, setStream] = useState<string | undefined>(currentStream);
  const kindLabel = kind === 'kinesis' ? 'Kinesis data stream' : 'Firehose delivery stream';
  const [discovery, setDiscovery] = useState<Discovery | undefined>();
  const [columns, setColumns] = useState<RecordColumn[] | undefined>(parts.schema?.RecordColumns);
  const [problem, setProblem] = useState<string | undefined>();
  const [editing, setEditing] = useState(!parts.input);

  const arnOf = (s: string | undefined) => streams.data?.find((r) => r.name === s)?.arn;
  const schema: SourceSchema | undefined = discovery?.schema ?? parts.schema;
  const shownColumns = columns ?? schema?.RecordColumns ?? [];
  const names = shownColumns.map((c) => c.Name ?? '');
  const nameProblems = names.map((n, i) => columnNameProblem(n, names.filter((_, j) => j !== i)));

  const runDiscovery = () => {
    const arn = arnOf(stream);
    if (!arn) return;
    setProblem(undefined);
    discover.mutate(
      // TRIM_HORIZON is not available for a delivery stream (API reference): it is sampled from now.
      { resourceArn: arn, position: kind === 'firehose' ? 'NOW' : 'TRIM_HORIZON' },
      {
        onSuccess: (out) => {
          const d = { schema: out.InputSchema as SourceSchema, raw: out.RawInputRecords ?? [], parsed: out.ParsedInputRecords ?? [] };
          setDiscovery(d);
          setColumns(d.schema.RecordColumns);
        },
        onError: (e) => {
          const shown = describeError(e);
          setProblem(
            shown.type === 'UnableToDetectSchemaException'
              ? kind === 'firehose'
                ? `${shown.message} A delivery stream keeps no history: send records to ${stream} (Data generator page, or "Test with demo data" on the delivery stream), then discover again while they are still buffered.`
                : `${shown.message} Start the data generator on ${stream} (Data generator page), then discover again.`
              : formatError(shown),
          );
        },
      },
    );
  };

  const saveSource = () => {
    const arn = arnOf(stream);
    if (!arn || !schema || nameProblems.some(Boolean)) return;
    save.mutate(
      { name, app, kind, resourceArn: arn, schema: { ...schema, RecordColumns: shownColumns } },
      {
        onSuccess: () => {
          notify.track({
            content: `Saving the source of ${name}`,
            watch: applicationChange(
              { name, status: app.ApplicationStatus, version: app.ApplicationVersionId },
              `Saved the source of ${name}: ${stream}, ${shownColumns.length} columns.`,
            ),
            scope: [applicationPath(name)],
          });
          setEditing(false);
          setDiscovery(undefined);
          navigate(applicationHref(name, 'sql'));
        },
        onError: (e) => setProblem(formatError(describeError(e))),
      },
    );
  };

  return (
    <SpaceBetween size="l">
      {!editing && parts.input ? (
        <Container
          header={
            <Header
              variant="h2"
              actions={
                <Button data-testid="edit-source" onClick={() => setEditing(true)}>
                  Edit source and schema
                </Button>
              }
            >
              Source
            </Header>
          }
        >
          <KeyValuePairs
            columns={3}
            items={[
              { label: currentKind === 'firehose' ? 'Firehose delivery stream' : 'Kinesis data stream', value: <span data-testid="source-stream">{currentStream}</span> },
              { label: 'In-application stream', value: parts.input.InAppStreamNames?.[0] ?? '-' },
              { label: 'Record format', value: parts.schema?.RecordFormat?.RecordFormatType ?? '-' },
            ]}
          />
        </Container>
      ) : (
        <Container
          header={
            <Header variant="h2" description="The application reads one streaming source; discovery reads records from it to infer their columns.">
              Source
            </Header>
          }
        >
          <SpaceBetween size="m">
            <FormField label="Source type">
              <Tiles
                ariaLabel="Source type"
                data-testid="source-kind"
                value={kind}
                onChange={({ detail }) => {
                  setKind(detail.value as SourceKind);
                  setStream(undefined);
                  setDiscovery(undefined);
                  setProblem(undefined);
                }}
                items={[
                  { value: 'kinesis', label: 'Kinesis data stream', description: 'Reads the records the stream holds, from when the application starts.' },
                  {
                    value: 'firehose',
                    label: 'Firehose delivery stream',
                    description: 'Reads what the delivery stream receives from when the application starts; it keeps no history to go back to.',
                  },
                ]}
              />
            </FormField>
            <FormField
              label={kindLabel}
              errorText={
                streams.data?.length === 0
                  ? kind === 'kinesis'
                    ? 'There is no data stream yet: create one on the Data streams page.'
                    : 'There is no delivery stream yet: create one on the Delivery streams page.'
                  : undefined
              }
            >
              <Select
                ariaLabel={kindLabel}
                data-testid="source-stream-select"
                placeholder={kind === 'kinesis' ? 'Choose a data stream' : 'Choose a delivery stream'}
                statusType={streams.isLoading ? 'loading' : 'finished'}
                selectedOption={stream ? { value: stream, label: stream } : null}
                options={(streams.data ?? []).map((r) => ({ value: r.name, label: r.name, description: r.status }))}
                empty={kind === 'kinesis' ? 'No data streams' : 'No delivery streams'}
                onChange={({ detail }) => {
                  setStream(detail.selectedOption.value);
                  setDiscovery(undefined);
                }}
              />
            </FormField>
            <SpaceBetween direction="horizontal" size="xs">
              <Button data-testid="discover-schema" disabled={!stream} loading={discover.isPending} onClick={runDiscovery}>
                {schema ? 'Rediscover schema' : 'Discover schema'}
              </Button>
              {parts.input && (
                <Button variant="link" onClick={() => setEditing(false)}>
                  Cancel
                </Button>
              )}
            </SpaceBetween>
            {problem && (
              <Alert type="warning" data-testid="source-problem">
                {problem}
              </Alert>
            )}
          </SpaceBetween>
        </Container>
      )}
      {schema && (
        <Container
          header={
            <Header
              variant="h2"
              counter={`(${shownColumns.length})`}
              description={editing ? 'Rename a column or change its type before saving. Names are case-sensitive in SQL when quoted.' : undefined}
              actions={
                editing ? (
                  <Button variant="primary" data-testid="save-source" loading={save.isPending} disabled={!stream || nameProblems.some(Boolean)} onClick={saveSource}>
                    Save and continue
                  </Button>
                ) : undefined
              }
            >
              Schema
            </Header>
          }
        >
          <Tabs
            ariaLabel="Schema and samples"
            tabs={[
              {
                id: 'formatted',
                label: 'Formatted sample',
                content: (
                  <Table<RecordColumn & { index: number }>
                    data-testid="schema-table"
                    variant="embedded"
                    items={shownColumns.map((c, index) => ({ ...c, index }))}
                    trackBy="index"
                    columnDefinitions={[
                      {
                        id: 'name',
                        header: 'Column',
                        cell: (c) =>
                          editing ? (
                            <FormField errorText={nameProblems[c.index]}>
                              <Input
                                ariaLabel={`Name of column ${c.index + 1}`}
                                data-testid={`column-name-${c.index}`}
                                value={c.Name ?? ''}
                                onChange={({ detail }) => setColumns(shownColumns.map((x, i) => (i === c.index ? { ...x, Name: detail.value } : x)))}
                              />
                            </FormField>
                          ) : (
                            <code>{c.Name}</code>
                          ),
                      },
                      {
                        id: 'type',
                        header: 'SQL type',
                        cell: (c) =>
                          editing ? (
                            <Select
                              ariaLabel={`SQL type of column ${c.index + 1}`}
                              data-testid={`column-type-${c.index}`}
                              selectedOption={{ value: c.SqlType ?? '', label: c.SqlType ?? '' }}
                              options={[...new Set([c.SqlType ?? '', ...SQL_TYPES])].map((t) => ({ value: t, label: t }))}
                              onChange={({ detail }) => setColumns(shownColumns.map((x, i) => (i === c.index ? { ...x, SqlType: detail.selectedOption.value } : x)))}
                            />
                          ) : (
                            c.SqlType
                          ),
                      },
                      { id: 'mapping', header: 'Row path', cell: (c) => <code>{c.Mapping ?? '-'}</code> },
                      ...(discovery
                        ? [{ id: 'sample', header: 'First sample', cell: (c: RecordColumn & { index: number }) => discovery.parsed[0]?.[c.index] ?? '' }]
                        : []),
                    ]}
                  />
                ),
              },
              {
                id: 'raw',
                label: 'Raw sample',
                disabled: !discovery,
                disabledReason: 'Discover the schema to see sample records.',
                content: (
                  <Box variant="code" data-testid="raw-sample">
                    <pre style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{discovery?.raw.slice(0, 20).join('\n')}</pre>
                  </Box>
                ),
              },
            ]}
          />
        </Container>
      )}
    </SpaceBetween>
  );
}
