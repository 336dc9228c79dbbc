/**
 * The record template language (Kinesis Data Generator syntax) for Monaco: `{{helper(args)}}`
 * tags highlighted inside text that is highlighted as JSON when the template looks like JSON,
 * completion and hover from the engine's helper catalogue, and problems as markers.
 *
 * The parts that need no editor (what to complete at the cursor, the items, the hover text, the
 * marker ranges) are plain functions, tested on their own.
 */
import type { EditorMarker } from './CodeEditor';
import type { Monaco } from './monaco';

export const KDG_TEMPLATE = 'kdg-template';

/** One helper as the catalogue describes it (the engine's HelperInfo, read through a hook). */
export interface TemplateHelper {
  name: string;
  params?: string;
  summary: string;
  example: string;
  exampleArgs?: string;
}

/** A placed problem: 1-based line and column, as the template compiler reports them. */
export interface PlacedProblem {
  line: number;
  column: number;
  message: string;
}

// ---------------------------------------------------------------------------------------------
// What the cursor is in the middle of

/** What completion should offer: namespaces (after `{{`) or the helpers of one namespace (after `random.`). */
export type CompletionSpot = { kind: 'namespace'; partial: string } | { kind: 'helper'; namespace: string; partial: string };

/**
 * Reads the text before the cursor: inside an open tag (`{{` with no `}}` after it), at the helper
 * name or at a nested call in the arguments (`var.set("id", ran`), what is being typed. Undefined
 * elsewhere (literal text, inside a string argument).
 */
export const completionSpot = (before: string): CompletionSpot | undefined => {
  const open = before.lastIndexOf('{{');
  if (open < 0 || before.indexOf('}}', open) >= 0) return undefined;
  const inside = before.slice(open + 2);
  const m = /^\s*([A-Za-z_$][\w$]*)?(?:\.([\w$]*))?$/.exec(inside) ?? nestedName(inside);
  if (!m) return undefined;
  const [, head = '', tail] = m;
  return tail === undefined ? { kind: 'namespace', partial: head } : head ? { kind: 'helper', namespace: head, partial: tail } : undefined;
};

/** A name being typed as an argument: after `(` or `,`, outside any string. */
const nestedName = (inside: string): RegExpExecArray | null => {
  const m = /[(,]\s*([A-Za-z_$][\w$]*)?(?:\.([\w$]*))?$/.exec(inside);
  if (!m) return null;
  const quotes = (inside.slice(0, m.index).match(/"/g) ?? []).length;
  return quotes % 2 === 0 ? m : null;
};

// ---------------------------------------------------------------------------------------------
// Completion items (plain data, turned into Monaco's items by the provider)

export interface TemplateCompletion {
  label: string;
  /** What the suggest widget filters on (the part after the dot for a helper). */
  filterText: string;
  /** Monaco snippet syntax. */
  insertText: string;
  detail: string;
  documentation: string;
  kind: 'namespace' | 'helper';
  /** A namespace reopens the list for its helpers. */
  retrigger: boolean;
}

export const namespaceOf = (name: string): string => name.slice(0, name.indexOf('.'));

/** `random.number(max | {"min","max","precision"})`, or the bare name when it takes nothing. */
export const signatureOf = (h: TemplateHelper): string => (h.params ? `${h.name}(${h.params})` : h.name);

/** Text inside a snippet placeholder: `$`, `}` and `\` are escaped. */
const snippetText = (s: string) => s.replace(/[$}\\]/g, (c) => `\\${c}`);

/** One item per namespace, in the catalogue's order, each with how many helpers it has. */
export const namespaceCompletions = (helpers: readonly TemplateHelper[]): TemplateCompletion[] => {
  const byNs = new Map<string, TemplateHelper[]>();
  for (const h of helpers) {
    const ns = namespaceOf(h.name);
    byNs.set(ns, [...(byNs.get(ns) ?? []), h]);
  }
  return [...byNs].map(([ns, list]) => ({
    label: ns,
    filterText: ns,
    insertText: `${ns}.`,
    detail: `${list.length} helper${list.length === 1 ? '' : 's'}`,
    documentation: list
      .slice(0, 6)
      .map((h) => h.name)
      .join(', ') + (list.length > 6 ? ', ...' : ''),
    kind: 'namespace',
    retrigger: true,
  }));
};

/**
 * Every helper of a namespace. The snippet is the method's name and, when it takes arguments,
 * the example's arguments as a placeholder to type over; `}}` is added when the tag is not closed.
 */
export const helperCompletions = (helpers: readonly TemplateHelper[], namespace: string, closeTag: boolean): TemplateCompletion[] =>
  helpers
    .filter((h) => namespaceOf(h.name) === namespace)
    .map((h) => {
      const method = h.name.slice(namespace.length + 1);
      return {
        label: h.name,
        filterText: method,
        insertText: `${method}${h.exampleArgs ? `(\${1:${snippetText(h.exampleArgs)}})` : ''}${closeTag ? '}}' : ''}`,
        detail: signatureOf(h),
        documentation: helperMarkdown(h),
        kind: 'helper',
        retrigger: false,
      };
    });

/** The hover and completion documentation: signature, summary, example. */
export const helperMarkdown = (h: TemplateHelper): string =>
  ['```', signatureOf(h), '```', '', h.summary, '', `Example: \`${h.example}\``].join('\n');

/** The dotted name under a column (1-based) of a line, with its columns, or undefined. */
export const nameAt = (line: string, column: number): { name: string; start: number; end: number } | undefined => {
  const re = /[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)+/g;
  for (let m = re.exec(line); m; m = re.exec(line)) {
    const start = m.index + 1;
    const end = start + m[0].length;
    if (column >= start && column <= end) return { name: m[0], start, end };
  }
  return undefined;
};

// ---------------------------------------------------------------------------------------------
// Markers

/**
 * A problem's range in the template: the `{{` of a tag when it points there, the helper name (or
 * word) that starts there, or one character.
 */
export const problemRange = (
  source: string,
  line: number,
  column: number,
): { startLineNumber: number; startColumn: number; endLineNumber: number; endColumn: number } => {
  const text = source.split('\n')[line - 1] ?? '';
  const rest = text.slice(column - 1);
  const word = /^(\{\{|[A-Za-z_$][\w$]*(?:\.[\w$]+)*|\S)/.exec(rest);
  const length = word ? word[0].length : 1;
  return { startLineNumber: line, startColumn: column, endLineNumber: line, endColumn: column + length };
};

/** The compiler's problems as error markers, and the JSON warning (when the template compiles) as a warning marker. */
export const templateMarkers = (source: string, problems: readonly PlacedProblem[], warning?: PlacedProblem): EditorMarker[] => [
  ...problems.map((p) => ({ ...problemRange(source, p.line, p.column), message: p.message, severity: 'error' as const })),
  ...(warning && problems.length === 0
    ? [{ ...problemRange(source, warning.line, warning.column), message: warning.message, severity: 'warning' as const }]
    : []),
];

// ---------------------------------------------------------------------------------------------
// Monaco

/** Where a tag's argument list nests: strings, numbers, JSON brackets, nested helper names. */
const argumentRules = [
  [/"([^"\\]|\\.)*"/, 'string'],
  [/'([^'\\]|\\.)*'/, 'string'],
  [/-?\d+(\.\d+)?([eE][-+]?\d+)?/, 'number'],
  [/\b(true|false|null)\b/, 'keyword'],
  [/[A-Za-z_$][\w$]*(?=\.)/, 'type'],
  [/\.[A-Za-z_$][\w$]*/, 'variable.predefined'],
  [/\(/, 'delimiter.parenthesis', '@args'],
  [/\)/, 'delimiter.parenthesis', '@pop'],
  [/[{}[\]]/, '@brackets'],
  [/[,:]/, 'delimiter'],
  [/[^\s"')(,:{}[\]]+/, 'string'],
] as const;

/**
 * The tokenizer. The first character that is not a blank decides the surrounding text for the
 * rest of the template: `{` or `[` (not `{{`) -> JSON, anything else -> plain text (CSV). Tags
 * are recognised everywhere, JSON strings included.
 */
export const monarchLanguage = {
  defaultToken: '',
  tokenPostfix: '.kdg',
  brackets: [
    { open: '{{', close: '}}', token: 'metatag' },
    { open: '{', close: '}', token: 'delimiter.curly' },
    { open: '[', close: ']', token: 'delimiter.square' },
    { open: '(', close: ')', token: 'delimiter.parenthesis' },
  ],
  tokenizer: {
    root: [
      [/\s+/, ''],
      [/\{\{/, { token: 'metatag', next: '@tag' }],
      [/(?=[[{])/, { token: '', switchTo: '@json' }],
      [/(?=.)/, { token: '', switchTo: '@text' }],
    ],
    text: [
      [/\{\{/, { token: 'metatag', next: '@tag' }],
      [/[^{]+/, ''],
      [/\{/, ''],
    ],
    json: [
      [/\{\{/, { token: 'metatag', next: '@tag' }],
      [/"(?=([^"\\{]|\\.|\{(?!\{))*"\s*:)/, { token: 'string.key', next: '@key' }],
      [/"/, { token: 'string.value', next: '@string' }],
      [/-?\d+(\.\d+)?([eE][-+]?\d+)?/, 'number'],
      [/\b(true|false|null)\b/, 'keyword'],
      [/[{}[\]]/, '@brackets'],
      [/[,:]/, 'delimiter'],
      [/\s+/, ''],
      [/./, 'invalid'],
    ],
    key: [
      [/[^"\\]+/, 'string.key'],
      [/\\./, 'string.key'],
      [/"/, { token: 'string.key', next: '@pop' }],
    ],
    string: [
      [/\{\{/, { token: 'metatag', next: '@tag' }],
      [/[^"\\{]+/, 'string.value'],
      [/\\./, 'string.value'],
      [/\{/, 'string.value'],
      [/"/, { token: 'string.value', next: '@pop' }],
    ],
    tag: [
      [/\}\}/, { token: 'metatag', next: '@pop' }],
      [/\s+/, ''],
      [/[A-Za-z_$][\w$]*(?=\.)/, 'type'],
      [/\.[A-Za-z_$][\w$]*/, 'variable.predefined'],
      [/[A-Za-z_$][\w$]*/, 'variable'],
      [/\(/, 'delimiter.parenthesis', '@args'],
      [/./, 'invalid'],
    ],
    args: argumentRules,
  },
};

/** Registers the language once: tokens, brackets, completion and hover over the given helpers. */
let registered = false;
export const setUpTemplateLanguage = (monaco: Monaco, helpers: readonly TemplateHelper[]): void => {
  if (registered) return;
  registered = true;
  const byName = new Map(helpers.map((h) => [h.name, h]));
  monaco.languages.register({ id: KDG_TEMPLATE });
  monaco.languages.setMonarchTokensProvider(KDG_TEMPLATE, monarchLanguage as unknown as Parameters<Monaco['languages']['setMonarchTokensProvider']>[1]);
  monaco.languages.setLanguageConfiguration(KDG_TEMPLATE, {
    brackets: [
      ['{', '}'],
      ['[', ']'],
      ['(', ')'],
    ],
    autoClosingPairs: [
      { open: '{', close: '}' },
      { open: '[', close: ']' },
      { open: '(', close: ')' },
      { open: '"', close: '"', notIn: ['string'] },
    ],
    wordPattern: /[A-Za-z_$][\w$]*/,
  });
  monaco.languages.registerCompletionItemProvider(KDG_TEMPLATE, {
    triggerCharacters: ['{', '.', '(', ','],
    provideCompletionItems: (model, position) => {
      const before = model.getValueInRange({ startLineNumber: 1, startColumn: 1, endLineNumber: position.lineNumber, endColumn: position.column });
      const spot = completionSpot(before);
      if (!spot) return { suggestions: [] };
      const after = model.getLineContent(position.lineNumber).slice(position.column - 1);
      const word = model.getWordAtPosition(position);
      const range = {
        startLineNumber: position.lineNumber,
        endLineNumber: position.lineNumber,
        startColumn: position.column - spot.partial.length,
        endColumn: word && word.startColumn <= position.column ? Math.max(word.endColumn, position.column) : position.column,
      };
      const items =
        spot.kind === 'namespace'
          ? namespaceCompletions(helpers)
          : helperCompletions(helpers, spot.namespace, !/^[\w$]*\s*[(}]/.test(after));
      const K = monaco.languages.CompletionItemKind;
      return {
        suggestions: items.map((c, i) => ({
          label: c.label,
          filterText: c.filterText,
          insertText: c.insertText,
          insertTextRules: monaco.languages.CompletionItemInsertTextRule.InsertAsSnippet,
          detail: c.detail,
          documentation: { value: c.documentation },
          kind: c.kind === 'namespace' ? K.Module : K.Function,
          sortText: String(i).padStart(4, '0'),
          range,
          command: c.retrigger ? { id: 'editor.action.triggerSuggest', title: 'Helpers' } : undefined,
        })),
      };
    },
  });
  monaco.languages.registerHoverProvider(KDG_TEMPLATE, {
    provideHover: (model, position) => {
      const found = nameAt(model.getLineContent(position.lineNumber), position.column);
      const h = found && byName.get(found.name);
      if (!found || !h) return null;
      return {
        range: { startLineNumber: position.lineNumber, endLineNumber: position.lineNumber, startColumn: found.start, endColumn: found.end },
        contents: [{ value: helperMarkdown(h) }],
      };
    },
  });
};
