import Editor, { type OnMount } from '@monaco-editor/react';
import { useEffect, useMemo, useRef } from 'react';
import { monaco, type Monaco } from './monaco';

export interface EditorMarker {
  message: string;
  severity: 'error' | 'warning';
  startLineNumber: number;
  startColumn: number;
  endLineNumber: number;
  endColumn: number;
}

export interface CodeEditorProps {
  /** The text the editor opens with; later edits are reported through onChange (a controlled Monaco drops keystrokes). */
  defaultValue: string;
  onChange(value: string): void;
  language: string;
  /** Registers the language (tokens, completion) before the editor mounts; called once per language. */
  setUpLanguage?(monaco: Monaco): void;
  markers?: EditorMarker[];
  /** Ctrl/Cmd+Enter. */
  onRun?(): void;
  height?: number;
  ariaLabel: string;
  dark?: boolean;
  testId?: string;
  /** More editor options (suggestions, line numbers, ...), over the console's defaults. */
  options?: monaco.editor.IStandaloneEditorConstructionOptions;
}

const languagesSetUp = new Set<string>();

/**
 * Tab indents in the editor; Escape then Tab (or Shift+Tab) moves the focus on, so a keyboard user
 * is never trapped. Escape turns Tab's focus-moving on until any other key or leaving the editor.
 */
const letEscapeThenTabLeave = (editor: Parameters<OnMount>[0]) => {
  let armed = false;
  const arm = (on: boolean) => {
    if (armed === on) return;
    armed = on;
    editor.updateOptions({ tabFocusMode: on });
  };
  editor.onKeyDown((e) => {
    if (e.keyCode === monaco.KeyCode.Escape) arm(true);
    else if (e.keyCode !== monaco.KeyCode.Tab && e.keyCode !== monaco.KeyCode.Shift) arm(false);
  });
  editor.onDidBlurEditorText(() => arm(false));
};

/** A Monaco editor loaded with the page that needs it, with markers and a Ctrl/Cmd+Enter action. */
export default function CodeEditor(props: CodeEditorProps) {
  const editorRef = useRef<Parameters<OnMount>[0] | null>(null);
  const onRun = useRef(props.onRun);
  onRun.current = props.onRun;

  useEffect(() => {
    const model = editorRef.current?.getModel();
    if (!model) return;
    monaco.editor.setModelMarkers(
      model,
      'console',
      (props.markers ?? []).map((m) => ({ ...m, severity: m.severity === 'error' ? monaco.MarkerSeverity.Error : monaco.MarkerSeverity.Warning })),
    );
  }, [props.markers]);

  // one object while the inputs stay the same: a new one makes the editor apply its options again
  const options = useMemo(
    () => ({
      minimap: { enabled: false },
      fontSize: 14,
      scrollBeyondLastLine: false,
      ariaLabel: props.ariaLabel,
      automaticLayout: true,
      tabSize: 2,
      wordWrap: 'on' as const,
      ...props.options,
    }),
    [props.ariaLabel, props.options],
  );

  return (
    <div data-testid={props.testId} style={{ border: '1px solid var(--color-border-input-default, #8c8c94)', borderRadius: 8, overflow: 'hidden' }}>
      <Editor
        height={props.height ?? 360}
        defaultLanguage={props.language}
        defaultValue={props.defaultValue}
        theme={props.dark ? 'vs-dark' : 'vs'}
        beforeMount={(m) => {
          if (!languagesSetUp.has(props.language)) {
            languagesSetUp.add(props.language);
            props.setUpLanguage?.(m as unknown as Monaco);
          }
        }}
        onMount={(editor) => {
          editorRef.current = editor;
          letEscapeThenTabLeave(editor);
          editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.Enter, () => onRun.current?.());
          const model = editor.getModel();
          if (model && props.markers)
            monaco.editor.setModelMarkers(
              model,
              'console',
              props.markers.map((m) => ({ ...m, severity: m.severity === 'error' ? monaco.MarkerSeverity.Error : monaco.MarkerSeverity.Warning })),
            );
        }}
        onChange={(v) => props.onChange(v ?? '')}
        options={options}
      />
    </div>
  );
}
