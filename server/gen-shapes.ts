/**
 * `npm run gen:shapes -- MODEL.json OUT.ts Operation...`: writes the declarative validation shapes
 * (src/engine/common/validation.ts) of the named operations' inputs, read from AWS's own Smithy API
 * model, so a service's constraints are AWS's to the letter rather than copied by hand.
 *
 *   npm run gen:shapes -- ../shared/aws-models/kinesis-analytics-v2-2018-05-23.json \
 *     src/engine/analytics/validations.generated.ts CreateApplication DescribeApplication ...
 *
 * The output is committed; the build never reads the model.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, relative } from 'node:path';

interface SmithyMember {
  target: string;
  traits?: Record<string, unknown>;
}
interface SmithyShape {
  type: string;
  members?: Record<string, SmithyMember>;
  member?: SmithyMember;
  key?: SmithyMember;
  value?: SmithyMember;
  input?: { target: string };
  traits?: Record<string, unknown>;
}

/** Smithy shape types -> the validator's ShapeType (one table for this generator and the model test). */
export const SMITHY_TYPES: Record<string, string> = {
  string: 'String',
  enum: 'String',
  integer: 'Integer',
  intEnum: 'Integer',
  long: 'Long',
  double: 'Double',
  float: 'Double',
  boolean: 'Boolean',
  blob: 'Blob',
  timestamp: 'Timestamp',
  list: 'List',
  map: 'Map',
  structure: 'Structure',
};

/**
 * A Smithy pattern (searched, not implicitly anchored) as the whole-value pattern the validator
 * matches and AWS prints: `^[a-z]+$` -> `[a-z]+`, `^arn:` -> `arn:.*`.
 */
export const unanchor = (p: string): string => {
  const start = p.startsWith('^');
  const end = p.endsWith('$') && !p.endsWith('\\$');
  const core = p.slice(start ? 1 : 0, end ? -1 : undefined);
  // A pattern anchored at neither end is checked against the whole value, as AWS prints it (`.*`, `\S+`).
  if (!start && !end) return core;
  return `${start ? '' : '.*'}${core}${end ? '' : '.*'}`;
};

/** The `Shapes` module source for `operations` of `model`. */
export const generateShapes = (model: { shapes: Record<string, SmithyShape> }, operations: string[], header: string): string => {
  const shapes = model.shapes;
  const emitted = new Map<string, string>();
  const lines: string[] = [];
  const constName = (id: string) => `${id.split('#')[1]}Shape`;

  /** The TS expression of one shape (emitting the shapes it refers to first). */
  const define = (id: string): string => {
    const known = emitted.get(id);
    if (known) return known;
    const s = shapes[id];
    if (!s) throw new Error(`the model has no shape ${id}`);
    const type = SMITHY_TYPES[s.type];
    if (!type) throw new Error(`shape ${id} has type ${s.type}, which has no validation form`);
    const name = constName(id);
    emitted.set(id, name);
    const fields: string[] = [`type: '${type}'`];
    const t = s.traits ?? {};
    const range = t['smithy.api#range'] as { min?: number; max?: number } | undefined;
    if (range?.min !== undefined) fields.push(`greaterThanOrEqual: ${range.min}`);
    if (range?.max !== undefined) fields.push(`lessThanOrEqual: ${range.max}`);
    const pattern = t['smithy.api#pattern'] as string | undefined;
    if (pattern !== undefined) fields.push(`regex: ${JSON.stringify(unanchor(pattern))}`);
    const length = t['smithy.api#length'] as { min?: number; max?: number } | undefined;
    if (length?.min !== undefined) fields.push(`lengthGreaterThanOrEqual: ${length.min}`);
    if (length?.max !== undefined) fields.push(`lengthLessThanOrEqual: ${length.max}`);
    if (s.type === 'enum') {
      const values = Object.entries(s.members ?? {}).map(([k, m]) => (m.traits?.['smithy.api#enumValue'] as string | undefined) ?? k);
      fields.push(`enum: ${JSON.stringify(values)}`);
    }
    const legacyEnum = t['smithy.api#enum'] as Array<{ value: string }> | undefined;
    if (legacyEnum) fields.push(`enum: ${JSON.stringify(legacyEnum.map((e) => e.value))}`);
    if (s.type === 'list') fields.push(`children: ${member(s.member!)}`);
    if (s.type === 'map') {
      const keyLength = shapes[s.key!.target]?.traits?.['smithy.api#length'] as { min?: number; max?: number } | undefined;
      if (keyLength) fields.push(`childKeyLengths: [${keyLength.min ?? 0}, ${keyLength.max ?? 2147483647}]`);
      fields.push(`children: ${member(s.value!)}`);
    }
    if (s.type === 'structure') fields.push(`children: ${structure(s)}`);
    lines.push(`const ${name}: FieldShape = { ${fields.join(', ')} };`);
    return name;
  };

  const member = (m: SmithyMember): string => {
    if (m.target.startsWith('smithy.api#')) {
      const prelude = SMITHY_TYPES[m.target.slice('smithy.api#'.length).toLowerCase()] ?? 'String';
      return m.traits?.['smithy.api#required'] ? `{ type: '${prelude}', notNull: true }` : `{ type: '${prelude}' }`;
    }
    const name = define(m.target);
    return m.traits?.['smithy.api#required'] ? `{ notNull: true, ...${name} }` : name;
  };

  const structure = (s: SmithyShape): string =>
    `{ ${Object.entries(s.members ?? {})
      .map(([k, m]) => `${k}: ${member(m)}`)
      .join(', ')} }`;

  const exports: string[] = [];
  for (const op of operations) {
    const opId = Object.keys(shapes).find((k) => k.endsWith(`#${op}`) && shapes[k].type === 'operation');
    if (!opId) throw new Error(`the model has no operation ${op}`);
    const input = shapes[opId].input?.target;
    exports.push(`export const ${op[0].toLowerCase()}${op.slice(1)}: Shapes = ${input ? structure(shapes[input]) : '{}'};`);
  }
  return `${header}\nimport type { FieldShape, Shapes } from '../common/validation';\n\n${lines.join('\n')}\n\n${exports.join('\n')}\n`;
};

const isMain = process.argv[1] && basename(process.argv[1]).startsWith('gen-shapes');
if (isMain) {
  const [modelPath, outPath, ...operations] = process.argv.slice(2);
  if (!modelPath || !outPath || operations.length === 0) {
    process.stderr.write('usage: npm run gen:shapes -- MODEL.json OUT.ts Operation [Operation...]\n');
    process.exit(2);
  }
  const model = JSON.parse(readFileSync(modelPath, 'utf8')) as { shapes: Record<string, SmithyShape> };
  const header =
    `/* Generated from AWS's API model (${basename(modelPath)}) by server/gen-shapes.ts; do not edit.\n` +
    ` * Regenerate: npm run gen:shapes -- ${relative(process.cwd(), modelPath)} ${relative(process.cwd(), outPath)} ${operations.join(' ')} */`;
  writeFileSync(outPath, generateShapes(model, operations, header));
  process.stdout.write(`wrote ${outPath} (${operations.length} operations) in ${dirname(outPath)}\n`);
}
