import type { ArgNode, CallNode } from './ast';
import { TemplateError, type LineMap } from './errors';
import { ArgError, isPlainObject, type Compiled } from './helpers/types';
import { parseTemplate, type ParseOptions } from './parser';
import { isModule, lookupHelper, suggestHelper } from './registry';

/**
 * A template compiled once: literal strings around helper closures, never evaluated as code.
 *
 * Language (KDG-compatible, plus):
 * - `{{module.method}}` / `{{module.method(ARG)}}`: ARG is JSON when it parses, else the raw text
 *   (`{{date.now(YYYY-MM-DD HH:mm)}}`). Several comma-separated JSON values, 'single-quoted'
 *   strings and nested calls are accepted too: `{{date.between("2026-01-01", "2026-02-01")}}`.
 * - `{{sequence.next}}`: 1, 2, 3, ... for the run; `{{sequence.next(100)}}` starts at 100,
 *   `{{sequence.next(0, 5)}}` or `{{sequence.next({"start":0,"step":5})}}` counts by 5. Each
 *   occurrence is its own counter.
 * - Reusing a value within one record: `{{var.set("id", random.uuid)}}` writes the value and keeps
 *   it; `{{var.let("id", random.uuid)}}` keeps it without writing it; `{{var.id}}` (or
 *   `{{var.get("id")}}`) writes it again later in the same record. Reading a name that no earlier
 *   tag sets is a compile error.
 */
export interface CompiledTemplate {
  readonly source: string;
  /** `texts.length === parts.length + 1`; output = texts[0] + parts[0]() + texts[1] + ... */
  readonly texts: readonly string[];
  readonly parts: readonly Compiled[];
  /** Start value of each sequence.next counter. */
  readonly counterStarts: readonly number[];
  /** Line and column of each part, to name the helper when one fails while rendering. */
  readonly partLocations: readonly { name: string; line: number; column: number }[];
}

export type CompileOptions = ParseOptions;

const VAR_NAME = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

interface State {
  lines: LineMap;
  errors: TemplateError[];
  vars: Set<string>;
  counterStarts: number[];
}

const errorAt = (state: State, offset: number, message: string): TemplateError => {
  const at = state.lines.at(offset);
  const e = new TemplateError(message, at.line, at.column);
  state.errors.push(e);
  return e;
};

const FAIL: Compiled = () => '';

const literal = (args: ArgNode[]): unknown[] | undefined =>
  args.every((a) => a.kind === 'value') ? args.map((a) => (a as { value: unknown }).value) : undefined;

const compileArg = (arg: ArgNode, state: State): Compiled => {
  if (arg.kind === 'value') {
    const v = arg.value;
    return () => v;
  }
  return compileCall(arg, state);
};

const compileSequence = (node: CallNode, state: State): Compiled => {
  const values = literal(node.args);
  if (!values) return (errorAt(state, node.offset, 'sequence.next takes literal numbers: (start, step)'), FAIL);
  let start: unknown = values[0] ?? 1;
  let step: unknown = values[1] ?? 1;
  if (isPlainObject(values[0])) {
    start = values[0].start ?? 1;
    step = values[0].step ?? 1;
  }
  if (typeof start !== 'number' || typeof step !== 'number' || !Number.isFinite(start) || !Number.isFinite(step)) {
    errorAt(state, node.offset, 'sequence.next expects numbers: sequence.next(start, step)');
    return FAIL;
  }
  const slot = state.counterStarts.length;
  state.counterStarts.push(start);
  return (ctx) => {
    const v = ctx.counters[slot];
    ctx.counters[slot] = v + step;
    return v;
  };
};

const compileVar = (node: CallNode, state: State): Compiled => {
  const method = node.name.slice(4);
  const nameArg = node.args[0];
  const nameOf = (): string | undefined => {
    if (nameArg?.kind === 'value' && typeof nameArg.value === 'string' && VAR_NAME.test(nameArg.value)) return nameArg.value;
    errorAt(state, node.offset, `${node.name} expects a variable name first, e.g. ${node.name}("id"${method === 'get' ? '' : ', random.uuid'})`);
    return undefined;
  };
  if (method === 'set' || method === 'let') {
    const name = nameOf();
    if (node.args.length !== 2) {
      if (name !== undefined) errorAt(state, node.offset, `${node.name}("${name}", ...) needs a value: a helper or a JSON literal`);
      return FAIL;
    }
    const value = compileArg(node.args[1], state);
    if (name === undefined) return FAIL;
    state.vars.add(name);
    const show = method === 'set';
    return (ctx) => {
      const v = value(ctx);
      ctx.vars.set(name, v);
      return show ? v : '';
    };
  }
  let name: string | undefined;
  if (method === 'get') name = nameOf();
  else if (node.args.length === 0) name = method;
  else {
    errorAt(state, node.offset, `${node.name} takes no arguments`);
    return FAIL;
  }
  if (name === undefined) return FAIL;
  if (!state.vars.has(name)) {
    errorAt(state, node.offset, `var.${name} is read before any var.set("${name}", ...) or var.let("${name}", ...)`);
    return FAIL;
  }
  const key = name;
  return (ctx) => ctx.vars.get(key);
};

export const compileCall = (node: CallNode, state: State): Compiled => {
  if (node.name === 'sequence.next') return compileSequence(node, state);
  if (node.name.startsWith('var.') && node.name.indexOf('.', 4) < 0) return compileVar(node, state);
  const helper = lookupHelper(node.name);
  if (!helper) {
    const hint = suggestHelper(node.name);
    errorAt(state, node.offset, `Unknown helper "${node.name}"${hint ? ` (did you mean ${hint}?)` : ''}`);
    node.args.forEach((a) => a.kind === 'call' && compileCall(a, state));
    return FAIL;
  }
  const values = literal(node.args);
  if (values) {
    try {
      const fast = helper.prepare?.(values);
      if (fast) return fast;
    } catch (e) {
      if (e instanceof ArgError) return (errorAt(state, node.offset, e.message), FAIL);
      throw e;
    }
    return (ctx) => helper.call(ctx, values);
  }
  const argFns = node.args.map((a) => compileArg(a, state));
  return (ctx) =>
    helper.call(
      ctx,
      argFns.map((f) => f(ctx)),
    );
};

/** Every problem in the template (empty when it compiles). */
export const checkTemplate = (source: string, options: CompileOptions = {}): TemplateError[] => {
  try {
    compileTemplate(source, options);
    return [];
  } catch (e) {
    if (e instanceof TemplateError) return e.all;
    throw e;
  }
};

/** Parses and compiles once; throws the first TemplateError (its `all` lists every one). */
export const compileTemplate = (source: string, options: CompileOptions = {}): CompiledTemplate => {
  const { ast, errors, lines } = parseTemplate(source, { isModule, ...options });
  const state: State = { lines, errors, vars: new Set(), counterStarts: [] };
  const parts = ast.calls.map((c) => compileCall(c, state));
  if (errors.length) {
    const sorted = [...errors].sort((a, b) => a.line - b.line || a.column - b.column);
    sorted[0].all = sorted;
    throw sorted[0];
  }
  const partLocations = ast.calls.map((c) => {
    const at = lines.at(c.offset);
    return { name: c.name, line: at.line, column: at.column };
  });
  return { source, texts: ast.texts, parts, counterStarts: state.counterStarts, partLocations };
};
