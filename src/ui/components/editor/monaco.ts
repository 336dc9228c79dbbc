/**
 * Monaco from the local package, never a CDN: the slim editor API (no bundled languages or their
 * workers), its one editor worker, and @monaco-editor/react told to use this copy. The slim API
 * has no editor features beyond typing: the ones the consoles' editors use are added here
 * (suggestions with snippets, hover for helper docs and problem messages, F8 to the next problem,
 * bracket matching, Ctrl+M to let Tab move the focus).
 */
import { loader } from '@monaco-editor/react';
import * as monaco from 'monaco-editor/editor/editor.api';
import 'monaco-editor/editor/contrib/suggest/browser/suggestController';
import 'monaco-editor/editor/contrib/snippet/browser/snippetController2';
import 'monaco-editor/editor/contrib/hover/browser/hoverContribution';
import 'monaco-editor/editor/contrib/gotoError/browser/gotoError';
import 'monaco-editor/editor/contrib/bracketMatching/browser/bracketMatching';
import 'monaco-editor/editor/contrib/toggleTabFocusMode/browser/toggleTabFocusMode';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';

declare global {
  interface Window {
    MonacoEnvironment?: { getWorker(workerId: string, label: string): Worker };
  }
}

self.MonacoEnvironment = { getWorker: () => new EditorWorker() };
loader.config({ monaco });

export { monaco };
export type Monaco = typeof monaco;
