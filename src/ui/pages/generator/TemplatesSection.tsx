import Alert from '@cloudscape-design/components/alert';
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import Container from '@cloudscape-design/components/container';
import FormField from '@cloudscape-design/components/form-field';
import Header from '@cloudscape-design/components/header';
import Input from '@cloudscape-design/components/input';
import Select from '@cloudscape-design/components/select';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Table from '@cloudscape-design/components/table';
import Checkbox from '@cloudscape-design/components/checkbox';
import Textarea from '@cloudscape-design/components/textarea';
import Toggle from '@cloudscape-design/components/toggle';
import { useMemo, useState } from 'react';
import { useServiceTime } from '../../hooks/useEmulatorConsole';
import { jsonWarning, previewRecords, templateProblems, type Preview, type TemplateProblem } from '../../hooks/useGenerator';
import { activeTemplate, useGeneratorTemplates, type SavedTemplate } from '../../hooks/useGeneratorTemplates';
import { framed } from '../../components/CliCommand';

export const problemText = (p: TemplateProblem, name?: string) => `${name ? `${name}: ` : ''}Line ${p.line}, column ${p.column}: ${p.message}`;

/** Template chooser, editor with positioned errors, the weighted mix, and "Test template". */
export function TemplatesSection({ onPreview }: { onPreview(records: string[] | undefined): void }) {
  const store = useGeneratorTemplates();
  const active = activeTemplate(store);
  const problems = useMemo(() => templateProblems(active.source), [active.source]);
  const [seed, setSeed] = useState('1');
  const [preview, setPreview] = useState<Preview>();
  const seedOk = /^\d+$/.test(seed.trim());
  const serviceTime = useServiceTime();
  // only when the template compiles; the sample's time does not change whether it parses
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const warning = useMemo(() => (problems.length ? undefined : jsonWarning(active.source, serviceTime())), [active.source, problems]);

  const test = () => {
    const p = previewRecords(active.source, Number(seed), 5, serviceTime());
    setPreview(p);
    onPreview(p.ok ? p.records : undefined);
  };

  return (
    <Container
      header={
        <Header
          variant="h2"
          description="Kinesis Data Generator templates run unchanged: {{random.number(100)}}, {{current.timestamp}}, {{name.firstName}} and the rest of faker's names. The template is parsed, never run as code."
          actions={
            <SpaceBetween direction="horizontal" size="xs">
              <Button iconName="add-plus" onClick={() => store.add()} data-testid="template-add">
                Add template
              </Button>
              <Button
                iconName="remove"
                disabled={store.templates.length <= 1}
                onClick={() => store.remove(active.id)}
                data-testid="template-delete"
              >
                Delete
              </Button>
            </SpaceBetween>
          }
        >
          Record template
        </Header>
      }
    >
      <SpaceBetween size="m">
        <SpaceBetween direction="horizontal" size="m">
          <FormField label="Template">
            <Select
              data-testid="template-select"
              selectedOption={{ value: active.id, label: active.name }}
              options={store.templates.map((t) => ({ value: t.id, label: t.name }))}
              onChange={({ detail }) => {
                store.select(detail.selectedOption.value!);
                setPreview(undefined);
                onPreview(undefined);
              }}
              ariaLabel="Template"
            />
          </FormField>
          <FormField label="Name">
            <Input
              value={active.name}
              ariaLabel="Template name"
              data-testid="template-name-input"
              onChange={({ detail }) => store.rename(active.id, detail.value)}
            />
          </FormField>
        </SpaceBetween>
        <FormField
          label="Record format"
          stretch
          description="Each record is this text with every {{helper}} replaced. Errors show with their line and column before anything is sent."
          errorText={
            problems.length ? (
              <span data-testid="template-error">
                {problems.map((p, i) => (
                  <span key={i} style={{ display: 'block' }}>
                    {problemText(p)}
                  </span>
                ))}
              </span>
            ) : undefined
          }
          warningText={
            warning ? (
              <span data-testid="template-json-warning">
                The records look like JSON but are not valid JSON (line {warning.line}, column {warning.column} of a record:{' '}
                {warning.message}). Schema discovery in Activity 2 would not read them as JSON. They can still be sent.
              </span>
            ) : undefined
          }
        >
          <Textarea
            value={active.source}
            rows={Math.min(18, Math.max(7, active.source.split('\n').length + 1))}
            spellcheck={false}
            ariaLabel="Record template"
            data-testid="template-input"
            onChange={({ detail }) => {
              store.setSource(active.id, detail.value);
              setPreview(undefined);
              onPreview(undefined);
            }}
          />
        </FormField>
        <MixSection templates={store.templates} mix={store.mix} />
        <SpaceBetween direction="horizontal" size="s" alignItems="end">
          <FormField label="Seed" description="The same seed gives the same sample records." errorText={seedOk ? undefined : 'A whole number'}>
            <Input value={seed} inputMode="numeric" ariaLabel="Seed" data-testid="seed-input" onChange={({ detail }) => setSeed(detail.value)} />
          </FormField>
          <Button onClick={test} disabled={!seedOk || problems.length > 0} data-testid="test-template">
            Test template
          </Button>
        </SpaceBetween>
        {preview && !preview.ok && (
          <Alert type="error" header="The template cannot render" data-testid="preview-error">
            {problemText(preview.problem)}
          </Alert>
        )}
        {preview?.ok && (
          <div data-testid="preview">
            <Box variant="awsui-key-label">Five sample records (seed {seed})</Box>
            <ol style={{ margin: 0, paddingLeft: 24 }}>
              {preview.records.map((r, i) => (
                <li key={i}>
                  <div style={{ ...framed, margin: '4px 0', whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}>
                    <Box variant="code" data-testid="preview-record">
                      {r}
                    </Box>
                  </div>
                </li>
              ))}
            </ol>
          </div>
        )}
      </SpaceBetween>
    </Container>
  );
}

function MixSection({ templates, mix }: { templates: SavedTemplate[]; mix: boolean }) {
  const store = useGeneratorTemplates();
  return (
    <SpaceBetween size="s">
      <Toggle checked={mix} onChange={({ detail }) => store.setMix(detail.checked)} data-testid="mix-toggle" disabled={templates.length < 2}>
        Send a mix of templates by weight {templates.length < 2 ? '(add a second template first)' : ''}
      </Toggle>
      {mix && templates.length > 1 && (
        <Table<SavedTemplate>
          data-testid="mix-table"
          variant="embedded"
          items={templates}
          trackBy="id"
          columnDefinitions={[
            {
              id: 'in',
              header: 'In the mix',
              cell: (t) => <Checkbox checked={t.inMix} ariaLabel={`Include ${t.name}`} onChange={({ detail }) => store.setInMix(t.id, detail.checked)} />,
            },
            { id: 'name', header: 'Template', cell: (t) => t.name },
            {
              id: 'weight',
              header: 'Weight',
              cell: (t) => (
                <Input
                  type="number"
                  value={String(t.weight)}
                  ariaLabel={`Weight of ${t.name}`}
                  invalid={!(t.weight > 0)}
                  onChange={({ detail }) => store.setWeight(t.id, Number(detail.value))}
                />
              ),
            },
            {
              id: 'share',
              header: 'Share',
              cell: (t) => {
                const total = templates.filter((x) => x.inMix && x.weight > 0).reduce((a, x) => a + x.weight, 0);
                return t.inMix && t.weight > 0 && total > 0 ? `${((t.weight / total) * 100).toFixed(0)}%` : '-';
              },
            },
          ]}
        />
      )}
    </SpaceBetween>
  );
}
