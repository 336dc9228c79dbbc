import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

// Import directions (DESIGN.md, "Layers"): imports point down only.
const layer = (files, groups) => ({
  files,
  rules: { 'no-restricted-imports': ['error', { patterns: groups }] },
});

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'bench/out/**', '**/*.tmp.*'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'off',
      'no-constant-condition': ['error', { checkLoops: false }],
    },
  },
  {
    files: ['src/ui/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'warn' },
  },
  layer(
    ['src/engine/**/*.ts'],
    [
      {
        group: ['**/ui/**', '**/aws/**', '**/worker/**', 'react', 'react-dom', '@aws-sdk/*', '@cloudscape-design/*', 'comlink', 'idb'],
        message:
          'The engine is pure TypeScript: it runs in the worker, in Node and in tests, so it cannot depend on the UI, the SDK clients or the worker.',
      },
    ],
  ),
  {
    files: ['src/engine/**/*.ts'],
    ignores: ['src/engine/**/*.test.ts'],
    rules: {
      'no-restricted-globals': [
        'error',
        { name: 'self', message: 'Only the worker entry files (src/worker/*.worker.ts) may touch the worker global.' },
        { name: 'window', message: 'The engine has no DOM.' },
        { name: 'document', message: 'The engine has no DOM.' },
      ],
      'no-restricted-properties': [
        'error',
        { object: 'Date', property: 'now', message: 'Read time from the injected Clock so tests and demos can control it.' },
        { object: 'Math', property: 'random', message: 'Use the injected Rng so runs are repeatable.' },
      ],
    },
  },
  layer(
    ['src/worker/**/*.ts'],
    [{ group: ['**/ui/**', '**/aws/**', 'react', 'react-dom'], message: 'The worker sits below the SDK layer and the UI.' }],
  ),
  {
    // The exceptions: the generator worker sends PutRecords through an SDK client made by the page's own
    // factory (src/aws/clients.ts), so generated traffic takes exactly the path every console call takes;
    // AWS mode's analytics worker reads and writes the account's streams through the same factory.
    files: ['src/worker/generator.worker.ts', 'src/worker/analytics.worker.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/ui/**', 'react', 'react-dom'],
              message:
                'The generator and analytics workers may import src/aws (to build their SDK clients like the page does) but never the UI.',
            },
          ],
        },
      ],
    },
  },
  layer(
    ['src/aws/**/*.ts'],
    [{ group: ['**/ui/**', 'react', 'react-dom'], message: 'The SDK layer builds clients; it knows nothing of React.' }],
  ),
  layer(
    ['src/ui/pages/**/*.{ts,tsx}', 'src/ui/dialogs/**/*.{ts,tsx}', 'src/ui/shell/**/*.{ts,tsx}', 'src/ui/components/**/*.{ts,tsx}'],
    [
      {
        group: ['**/aws/**', '**/worker/**', '**/engine/**', '@aws-sdk/*'],
        message: 'Pages, dialogs and the shell reach services only through hooks (src/ui/hooks): they never build a client or talk to the worker.',
      },
    ],
  ),
  layer(
    ['e2e/**/*.ts'],
    [{ group: ['**/src/**'], message: 'End-to-end tests drive the page like a person; they import nothing from src.' }],
  ),
);
