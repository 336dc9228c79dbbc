/**
 * Monaco from the local package, never a CDN: the slim editor API (no bundled languages or their
 * workers), its one editor worker, and @monaco-editor/react told to use this copy.
 */
import { loader } from '@monaco-editor/react';
import * as monaco from 'monaco-editor/editor/editor.api';
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
