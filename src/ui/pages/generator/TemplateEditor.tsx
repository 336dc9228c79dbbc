import Box from '@cloudscape-design/components/box';
import Spinner from '@cloudscape-design/components/spinner';
import { lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTemplateHelpers } from '../../hooks/useTemplateHelpers';
import { usePreferences } from '../../state/preferences';
import { KDG_TEMPLATE, setUpTemplateLanguage, templateMarkers, type PlacedProblem } from '../../components/editor/kdgTemplateLanguage';
import type { Monaco } from '../../components/editor/monaco';

const CodeEditor = lazy(() => import('../../components/editor/CodeEditor'));

const OPTIONS = {
  // completion comes from the helper catalogue only, not from words already in the template
  wordBasedSuggestions: 'off',
  quickSuggestions: { other: true, strings: true, comments: false },
  suggest: { showWords: false, preview: true },
  // suggestions and hovers are not cut off by the editor's frame
  fixedOverflowWidgets: true,
  lineNumbersMinChars: 3,
} as const;

export interface TemplateEditorProps {
  /** The template; when it changes from outside (another template chosen, a workshop loaded) the editor opens it afresh. */
  source: string;
  onChange(source: string): void;
  /** The text the problems were found in (a moment behind the typing). */
  checkedSource: string;
  problems: readonly PlacedProblem[];
  /** The JSON-lookalike warning, placed in the template. */
  warning?: PlacedProblem;
  /** Ctrl/Cmd+Enter. */
  onRun?(): void;
}

/** The record template in a code editor: highlighting, helper completion and docs, problems marked where they are. */
export function TemplateEditor({ source, onChange, checkedSource, problems, warning, onRun }: TemplateEditorProps) {
  const helpers = useTemplateHelpers();
  const dark = usePreferences((s) => s.theme) === 'dark';
  // The editor is uncontrolled (a controlled Monaco drops keystrokes): it remounts on a text it did not type.
  const typed = useRef(source);
  const [opened, setOpened] = useState(0);
  useEffect(() => {
    if (source !== typed.current) {
      typed.current = source;
      setOpened((n) => n + 1);
    }
  }, [source]);
  const change = useCallback(
    (v: string) => {
      typed.current = v;
      onChange(v);
    },
    [onChange],
  );
  const setUp = useCallback((monaco: Monaco) => setUpTemplateLanguage(monaco, helpers), [helpers]);
  const markers = useMemo(() => templateMarkers(checkedSource, problems, warning), [checkedSource, problems, warning]);

  return (
    <Suspense
      fallback={
        <Box padding="l" data-testid="template-editor-loading">
          <Spinner /> Loading the template editor
        </Box>
      }
    >
      <CodeEditor
        key={opened}
        testId="template-input"
        ariaLabel="Record template"
        language={KDG_TEMPLATE}
        setUpLanguage={setUp}
        defaultValue={source}
        onChange={change}
        onRun={onRun}
        markers={markers}
        dark={dark}
        height={Math.min(420, Math.max(200, (source.split('\n').length + 2) * 21))}
        options={OPTIONS}
      />
    </Suspense>
  );
}
