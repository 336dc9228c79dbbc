import 'monaco-editor/languages/definitions/javascript/register';
import CodeEditor, { type CodeEditorProps } from './CodeEditor';

/** The code editor with JavaScript's highlighting (the grammar only: no language service or its worker). */
export default function JavaScriptEditor(props: Omit<CodeEditorProps, 'language'>) {
  return <CodeEditor {...props} language="javascript" />;
}
