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
import Grid from '@cloudscape-design/components/grid';
import Toggle from '@cloudscape-design/components/toggle';
import { memo, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useDebounced } from '../../hooks/useDebounced';
import { useServiceTime } from '../../hooks/useEmulatorConsole';
import { jsonWarning, previewRecords, templateProblems, type Preview, type TemplateProblem } from '../../hooks/useGenerator';
import { activeTemplate, useGeneratorTemplates, type SavedTemplate } from '../../hooks/useGeneratorTemplates';
import { framed } from '../../components/CliCommand';
import { TemplateEditor } from './TemplateEditor';

export const problemText = (p: TemplateProblem, name?: string) => `${name ? `${name}: ` : ''}Line ${p.line}, column ${p.column}: ${p.message}`;

/** How long typing must pause before the template is checked and the samples are drawn again. */
const SETTLE_MS = 300;

/** Template chooser, editor with problems marked in place, five sample records beside it, and the weighted mix. */
// memo: the page re-renders at every tick of a run's counters; the editor and samples need not.
export const TemplatesSection = memo(function TemplatesSection({
  onPreview,
  runProblem,
}: {
  onPreview(records: string[] | undefined): void;
  /** Why AWS (or the generator) stopped the last run because of what the template made. */
  runProblem?: ReactNode;
}) {
  const store = useGeneratorTemplates();
  const active = activeTemplate(store);
  const checked = useDebounced(active.source, SETTLE_MS);
  const problems = useMemo(() => templateProblems(checked), [checked]);
  const [seed, setSeed] = useState('1');
  const seedOk = /^\d+$/.test(seed.trim());
  const serviceTime = useServiceTime();
  // only when the template compiles; the sample's time does not change whether it parses
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const warning = useMemo(() => (problems.length ? undefined : jsonWarning(checked, serviceTime())), [checked, problems]);
  const warningMarker = useMemo(
    () => warning && { line: warning.templateLine, column: warning.templateColumn, message: `Not valid JSON: ${warning.message}` },
    [warning],
  );
  const preview: Preview | undefined = useMemo(
    () => (problems.length || !seedOk ? undefined : previewRecords(checked, Number(seed), 5, serviceTime())),
    // new samples when the template or the seed changes, not at every tick of the clock
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [checked, problems, seed, seedOk],
  );
  useEffect(() => onPreview(preview?.ok ? preview.records : undefined), [preview, onPreview]);
  const reroll = () => setSeed(String((seedOk ? Number(seed) : 0) + 1));

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
              }}
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
        <Grid gridDefinition={[{ colspan: { default: 12, s: 7 } }, { colspan: { default: 12, s: 5 } }]}>
          <FormField
            label="Record format"
            stretch
            description="Each record is this text with every {{helper}} replaced. Type {{ for the helpers (Ctrl+Space lists them again); hover a helper for what it does. Problems are underlined where they are, and F8 goes to the next one. Tab indents: press Escape then Tab to move on (Ctrl+M makes Tab move the focus until pressed again)."
            errorText={
              problems.length ? (
                <span data-testid="template-error">
                  {problems.map((p, i) => (
                    <span key={i} style={{ display: 'block' }}>
                      {problemText(p)}
                    </span>
                  ))}
                </span>
              ) : (
                runProblem
              )
            }
            warningText={
              warning ? (
                <span data-testid="template-json-warning">
                  The records look like JSON but are not valid JSON (line {warning.line}, column {warning.column} of a record:{' '}
                  {warning.message}; line {warning.templateLine}, column {warning.templateColumn} of the template). Schema
                  discovery in Activity 2 would not read them as JSON. They can still be sent.
                </span>
              ) : undefined
            }
          >
            <TemplateEditor
              source={active.source}
              onChange={(v) => store.setSource(active.id, v)}
              checkedSource={checked}
              problems={problems}
              warning={warningMarker}
            />
          </FormField>
          <div data-testid="template-samples" aria-busy={checked !== active.source}>
          <SpaceBetween size="s">
            <SpaceBetween direction="horizontal" size="s" alignItems="end">
              <FormField label="Seed" description="The same seed gives the same samples." errorText={seedOk ? undefined : 'A whole number'}>
                <Input value={seed} inputMode="numeric" ariaLabel="Seed" data-testid="seed-input" onChange={({ detail }) => setSeed(detail.value)} />
              </FormField>
              <Button iconName="refresh" onClick={reroll} disabled={problems.length > 0} data-testid="test-template">
                New samples
              </Button>
            </SpaceBetween>
            {preview && !preview.ok && (
              <Alert type="error" header="The template cannot render" data-testid="preview-error">
                {problemText(preview.problem)}
              </Alert>
            )}
            {preview?.ok && (
              <div data-testid="preview" aria-live="polite">
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
            {problems.length > 0 && (
              <Box color="text-body-secondary" data-testid="preview-waiting">
                Samples show once the template has no errors.
              </Box>
            )}
          </SpaceBetween>
          </div>
        </Grid>
        <MixSection templates={store.templates} mix={store.mix} />
      </SpaceBetween>
    </Container>
  );
});

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
