import Alert from '@cloudscape-design/components/alert';
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import ButtonDropdown from '@cloudscape-design/components/button-dropdown';
import Container from '@cloudscape-design/components/container';
import Header from '@cloudscape-design/components/header';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Spinner from '@cloudscape-design/components/spinner';
import { lazy, Suspense, useMemo, useRef, useState } from 'react';
import { describeError, formatError, useNotify } from '../../hooks/errors';
import { appParts, useSaveCode, type ApplicationDetail } from '../../hooks/useAnalytics';
import { SQL_TEMPLATES, useSqlDiagnostics, useSqlLanguage } from '../../hooks/useSqlEditor';
import { usePreferences } from '../../state/preferences';
import { RealtimeAnalytics } from './RealtimeAnalytics';

const CodeEditor = lazy(() => import('../../components/editor/CodeEditor'));

const editorLoading = (
  <Box padding="l" data-testid="sql-editor-loading">
    <Spinner /> Loading the SQL editor
  </Box>
);

export function SqlTab({ name, app }: { name: string; app: ApplicationDetail }) {
  const parts = appParts(app);
  const [code, setCode] = useState(parts.code);
  const [editorKey, setEditorKey] = useState(0);
  const codeRef = useRef(code);
  codeRef.current = code;
  const save = useSaveCode();
  const notify = useNotify();
  const dark = usePreferences((s) => s.theme) === 'dark';
  const columns = useMemo(() => parts.schema?.RecordColumns ?? [], [parts.schema]);
  const language = useSqlLanguage(columns, code);
  const diagnostics = useSqlDiagnostics(code, columns);
  const errors = diagnostics.filter((d) => d.severity === 'error');
  const [saveError, setSaveError] = useState<string | undefined>();
  const status = app.ApplicationStatus;
  const dirty = code !== parts.code;

  const saveAndRun = () => {
    if (errors.length > 0) return;
    setSaveError(undefined);
    save.mutate(
      { name, app, code: codeRef.current, run: true },
      {
        onSuccess: () => notify.success(status === 'READY' ? `Saved the SQL of ${name} and started it.` : `Saved the SQL of ${name}; the running application picks it up.`),
        onError: (e) => setSaveError(formatError(describeError(e))),
      },
    );
  };

  const insertTemplate = (id: string) => {
    const t = SQL_TEMPLATES.find((x) => x.id === id);
    if (!t) return;
    const next = code.trim() ? `${code.trimEnd()}\n\n${t.sql}` : t.sql;
    setCode(next);
    // The editor is uncontrolled (a controlled Monaco drops keystrokes): open it again on the new text.
    setEditorKey((k) => k + 1);
  };

  const runDisabledReason =
    errors.length > 0
      ? `Fix ${errors.length === 1 ? 'the error' : `the ${errors.length} errors`} marked in the SQL first.`
      : status !== 'READY' && status !== 'RUNNING'
        ? `The application is ${status}; wait until it is READY or RUNNING.`
        : undefined;

  return (
    <SpaceBetween size="l">
      <Container
        header={
          <Header
            variant="h2"
            description="In-application streams, pumps and windows in the Kinesis Data Analytics SQL dialect. Ctrl+Enter (Cmd+Enter on a Mac) saves and runs."
            actions={
              <SpaceBetween direction="horizontal" size="xs">
                <ButtonDropdown
                  data-testid="sql-templates"
                  ariaLabel="Insert a SQL template"
                  items={SQL_TEMPLATES.map((t) => ({ id: t.id, text: t.label, description: t.description }))}
                  onItemClick={({ detail }) => insertTemplate(detail.id)}
                >
                  Templates
                </ButtonDropdown>
                <Button
                  variant="primary"
                  data-testid="save-and-run"
                  loading={save.isPending}
                  disabled={runDisabledReason !== undefined}
                  disabledReason={runDisabledReason}
                  onClick={saveAndRun}
                >
                  Save and run SQL
                </Button>
              </SpaceBetween>
            }
          >
            SQL {dirty && <Box variant="small" display="inline">(unsaved changes)</Box>}
          </Header>
        }
      >
        <SpaceBetween size="s">
          <Suspense fallback={editorLoading}>
            {!language.ready ? (
              editorLoading
            ) : (
            <CodeEditor
              key={editorKey}
              testId="sql-editor"
              ariaLabel="SQL code"
              language={language.id}
              setUpLanguage={language.setUp}
              defaultValue={code}
              onChange={setCode}
              onRun={saveAndRun}
              markers={diagnostics}
              dark={dark}
              height={380}
            />
            )}
          </Suspense>
          {errors.length > 0 && (
            <Box color="text-status-error" data-testid="sql-problems">
              {errors.slice(0, 5).map((d) => (
                <div key={`${d.startLineNumber}:${d.startColumn}:${d.message}`}>
                  Line {d.startLineNumber}, column {d.startColumn}: {d.message}
                </div>
              ))}
              {errors.length > 5 && <div>and {errors.length - 5} more</div>}
            </Box>
          )}
          {saveError && (
            <Alert type="error" data-testid="sql-save-error">
              {saveError}
            </Alert>
          )}
        </SpaceBetween>
      </Container>
      <RealtimeAnalytics app={app} />
    </SpaceBetween>
  );
}
