import { Faker, base, en } from '@faker-js/faker';
import { faker3Helpers } from './helpers/faker3';
import { HELPER_DOCS } from './helpers/docs';
import { kdgHelpers } from './helpers/kdg';
import type { HelperDef } from './helpers/types';

/** Modules the template language itself provides (compiled specially in compiler.ts). */
export const LANGUAGE_MODULES = ['sequence', 'var'] as const;

/** faker 10 modules whose methods may be called by their modern names: {{person.firstName}}. */
const MODERN_MODULES = [
  'airline', 'animal', 'book', 'color', 'commerce', 'company', 'database', 'datatype', 'date', 'finance', 'food',
  'git', 'hacker', 'helpers', 'image', 'internet', 'location', 'lorem', 'music', 'number', 'person', 'phone',
  'science', 'string', 'system', 'vehicle', 'word',
];
// Methods that take functions or produce unbounded output cannot be written as JSON arguments.
const MODERN_EXCLUDED = new Set(['helpers.multiple', 'helpers.uniqueArray', 'helpers.maybe', 'helpers.fake']);

let probe: Faker | undefined;
const probeFaker = () => (probe ??= new Faker({ locale: [en, base] }));

const table: Record<string, HelperDef> = { ...faker3Helpers, ...kdgHelpers };
const modernCache = new Map<string, HelperDef | undefined>();

const modern = (name: string): HelperDef | undefined => {
  if (modernCache.has(name)) return modernCache.get(name);
  const [mod, method, extra] = name.split('.');
  let found: HelperDef | undefined;
  if (extra === undefined && method && MODERN_MODULES.includes(mod) && !MODERN_EXCLUDED.has(name)) {
    const m = (probeFaker() as unknown as Record<string, Record<string, unknown>>)[mod];
    if (m && typeof m[method] === 'function') {
      found = {
        call: (ctx, args) => {
          const target = (ctx.faker as unknown as Record<string, Record<string, (...a: unknown[]) => unknown>>)[mod];
          return target[method](...args);
        },
      };
    }
  }
  modernCache.set(name, found);
  return found;
};

/** The helper behind `module.method`, from KDG's set, faker 3.1's names, or faker 10's names. */
export const lookupHelper = (name: string): HelperDef | undefined => table[name] ?? modern(name);

const MODULES = new Set<string>([
  ...LANGUAGE_MODULES,
  'current',
  'address',
  'name',
  'random',
  ...MODERN_MODULES,
  ...Object.keys(table).map((n) => n.split('.')[0]),
]);

export const isModule = (name: string): boolean => MODULES.has(name);

/** Every name the table knows (faker 3.1 + KDG + the language), for suggestions and docs. */
export const knownHelperNames = (): string[] => [
  ...Object.keys(table),
  'sequence.next',
  'var.set',
  'var.let',
  'var.get',
];

/** A helper as the editor shows it: `random.number(max | {"min","max","precision"})`, what it does, a call. */
export interface HelperInfo {
  name: string;
  /** The parameters between the parentheses, or undefined when it takes none. */
  params?: string;
  summary: string;
  /** An example tag, e.g. `{{random.number({"min":0,"max":100})}}`. */
  example: string;
  /** The arguments of the example, as written between the parentheses (none when it takes none). */
  exampleArgs?: string;
}

/** Every known helper with its documentation: KDG's own first (the ones its templates use most), then the rest in registry order. */
const kdgFirst = (name: string) => (name in kdgHelpers ? 0 : 1);
export const helperCatalogue = (): HelperInfo[] =>
  [...knownHelperNames()].sort((a, b) => kdgFirst(a) - kdgFirst(b)).map((name) => {
    const doc = HELPER_DOCS[name] ?? { summary: name };
    const args = doc.example;
    return { name, params: doc.params, summary: doc.summary, example: `{{${name}${args ? `(${args})` : ''}}}`, exampleArgs: args };
  });

const distance = (a: string, b: string): number => {
  const prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0];
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = prev[j];
      prev[j] = Math.min(prev[j] + 1, prev[j - 1] + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = tmp;
    }
  }
  return prev[b.length];
};

/** The closest known name, when one is close enough to be a typo. */
export const suggestHelper = (name: string): string | undefined => {
  let best: string | undefined;
  let bestD = Math.max(2, Math.floor(name.length / 4)) + 1;
  for (const k of knownHelperNames()) {
    const d = distance(name.toLowerCase(), k.toLowerCase());
    if (d < bestD) {
      bestD = d;
      best = k;
    }
  }
  return best;
};
