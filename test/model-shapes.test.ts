import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { operations as analyticsOperations } from '../src/engine/analytics/service';
import { operations as cloudWatchOperations } from '../src/engine/cloudwatch/service';
import { operations as firehoseOperations } from '../src/engine/firehose/service';
import { SMITHY_TYPES } from '../server/gen-shapes';
import type { FieldShape, Shapes } from '../src/engine/common/validation';
import { operations as kinesisOperations } from '../src/engine/kinesis/service';

/**
 * The emulator's declarative input shapes against AWS's own API models (Smithy JSON AST): for every
 * emulated operation, each member's type, required-ness, length and numeric bounds, pattern and
 * enum values must match, or the difference must be listed below with its reason. The models sit
 * in shared/aws-models beside the clone (AWS_MODELS_DIR overrides); without them the test is skipped.
 */
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const modelsDir = process.env.AWS_MODELS_DIR ?? path.resolve(repoRoot, '../shared/aws-models');

interface EmulatedService {
  name: string;
  /** The model file in shared/aws-models. */
  model: string;
  /** The Smithy namespace of its shapes. */
  namespace: string;
  operations: Readonly<Record<string, { shapes: Shapes }>>;
}

// One line per emulated service (Firehose and S3 join here).
const services: EmulatedService[] = [
  {
    name: 'Kinesis',
    model: 'kinesis-2013-12-02.json',
    namespace: 'com.amazonaws.kinesis',
    operations: kinesisOperations,
  },
  {
    name: 'CloudWatch',
    model: 'cloudwatch-2010-08-01.json',
    namespace: 'com.amazonaws.cloudwatch',
    operations: cloudWatchOperations,
  },
  { name: 'Kinesis Analytics v2', model: 'kinesis-analytics-v2-2018-05-23.json', namespace: 'com.amazonaws.kinesisanalyticsv2', operations: analyticsOperations },
  { name: 'Firehose', model: 'firehose-2015-08-04.json', namespace: 'com.amazonaws.firehose', operations: firehoseOperations },
];

/**
 * Deliberate differences, `<Operation> <member path> <what>` -> why. A difference not listed fails
 * the test, and so does a listed one that no longer occurs.
 */
const deliberate: Record<string, string> = {
  // Kinesis
  'CreateStream ShardCount range.max':
    "AWS answers 'less than or equal to 100000' (kinesalite's tests, checked against AWS); the model omits it.",
  'UpdateShardCount TargetShardCount range.max':
    "AWS answers 'less than or equal to 100000' (kinesalite's tests); the model omits it.",
  'CreateStream Tags length.min':
    'The model says at least 1 tag, but the console sends an empty map for no tags.',
  'CreateStream Tags length.max':
    'The API reference allows up to 50 tags on CreateStream; 200 is the bound of the map shape AddTagsToStream shares.',
  'DecreaseStreamRetentionPeriod RetentionPeriodHours range.min':
    'The API reference gives 1-8760 hours; this model snapshot has no range trait.',
  'DecreaseStreamRetentionPeriod RetentionPeriodHours range.max':
    'The API reference gives 1-8760 hours; this model snapshot has no range trait.',
  'IncreaseStreamRetentionPeriod RetentionPeriodHours range.min':
    'The API reference gives 1-8760 hours; this model snapshot has no range trait.',
  'IncreaseStreamRetentionPeriod RetentionPeriodHours range.max':
    'The API reference gives 1-8760 hours; this model snapshot has no range trait.',
  // CloudWatch
  'PutMetricData MetricData required':
    'Optional in the model since EntityMetricData came; the emulator has no entities, so data must come in MetricData.',
  'GetMetricData MetricDataQueries length.max':
    'The API reference documents at most 500 queries; the model has no length trait for it.',
  'GetMetricStatistics Statistics[] enum':
    "AWS answers a bad statistic with InvalidParameterValue 'The parameter Statistics.member.N.<list element> must be a value in the set [...]', checked in the action.",
  // Firehose
  'CreateDeliveryStream Tags[].Key pattern':
    'AWS\'s tag patterns use Unicode classes (\\p{L}) that the shared validator compiles without the u flag; firehose/actions/tags.ts checks them with AWS\'s patterns and messages.',
  'CreateDeliveryStream Tags[].Value pattern':
    'AWS\'s tag patterns use Unicode classes (\\p{L}) that the shared validator compiles without the u flag; firehose/actions/tags.ts checks them with AWS\'s patterns and messages.',
  'TagDeliveryStream Tags[].Key pattern':
    'AWS\'s tag patterns use Unicode classes (\\p{L}) that the shared validator compiles without the u flag; firehose/actions/tags.ts checks them with AWS\'s patterns and messages.',
  'TagDeliveryStream Tags[].Value pattern':
    'AWS\'s tag patterns use Unicode classes (\\p{L}) that the shared validator compiles without the u flag; firehose/actions/tags.ts checks them with AWS\'s patterns and messages.',
  'UntagDeliveryStream TagKeys[] pattern':
    'AWS\'s tag patterns use Unicode classes (\\p{L}) that the shared validator compiles without the u flag; firehose/actions/tags.ts checks them with AWS\'s patterns and messages.',
  'ListTagsForDeliveryStream ExclusiveStartTagKey pattern':
    'A Unicode-class pattern the shared validator cannot compile as AWS means it; a start key only positions the listing.',
  'CreateDeliveryStream ExtendedS3DestinationConfiguration.DataFormatConversionConfiguration.InputFormatConfiguration.Deserializer.OpenXJsonSerDe.ColumnToJsonKeyMappings{key} pattern':
    'The shape generator does not carry map key patterns; record format conversion is refused by the emulator anyway.',
  'UpdateDestination ExtendedS3DestinationUpdate.DataFormatConversionConfiguration.InputFormatConfiguration.Deserializer.OpenXJsonSerDe.ColumnToJsonKeyMappings{key} pattern':
    'The shape generator does not carry map key patterns; record format conversion is refused by the emulator anyway.',
};

// ---------------------------------------------------------------- the model side

interface SmithyShape {
  type: string;
  members?: Record<string, { target: string; traits?: Record<string, any> }>;
  member?: { target: string; traits?: Record<string, any> };
  key?: { target: string; traits?: Record<string, any> };
  value?: { target: string; traits?: Record<string, any> };
  traits?: Record<string, any>;
  input?: { target: string };
}

/** The constraints of one member, as both sides are read into. */
interface Constraints {
  type: string;
  required: boolean;
  length?: [number | undefined, number | undefined];
  range?: [number | undefined, number | undefined];
  pattern?: string;
  enum?: string[];
}


const PRELUDE: Record<string, SmithyShape> = {
  'smithy.api#String': { type: 'string' },
  'smithy.api#Integer': { type: 'integer' },
  'smithy.api#Long': { type: 'long' },
  'smithy.api#Double': { type: 'double' },
  'smithy.api#Boolean': { type: 'boolean' },
  'smithy.api#PrimitiveBoolean': { type: 'boolean' },
  'smithy.api#Timestamp': { type: 'timestamp' },
  'smithy.api#Blob': { type: 'blob' },
};

/**
 * A Smithy pattern is unanchored; the emulator's regex must match the whole value. `^X$` is the
 * same as X; a prefix-only `^[^:]` (CloudWatch's Namespace) is written `[^:].*`, as AWS prints it.
 */
const anchoredPattern = (p: string): string => {
  if (p.startsWith('^') && p.endsWith('$')) return p.slice(1, -1);
  if (p.startsWith('^')) return `${p.slice(1)}.*`;
  return p;
};

/** A minimum length of 0 constrains nothing: the same as none. */
const lengthBounds = (min: number | undefined, max: number | undefined): Constraints['length'] => {
  const lo = min === 0 ? undefined : min;
  return lo === undefined && max === undefined ? undefined : [lo, max];
};

const modelConstraints = (
  shapes: Record<string, SmithyShape>,
  ref: { target: string; traits?: Record<string, any> },
) => {
  const target = shapes[ref.target] ?? PRELUDE[ref.target];
  if (!target) throw new Error(`no shape ${ref.target}`);
  const traits = { ...target.traits, ...ref.traits };
  const c: Constraints = {
    type: SMITHY_TYPES[target.type] ?? target.type,
    required: 'smithy.api#required' in traits,
  };
  const length = traits['smithy.api#length'];
  if (length) c.length = lengthBounds(length.min, length.max);
  const range = traits['smithy.api#range'];
  if (range)
    c.range = [
      range.min === undefined ? undefined : Number(range.min),
      range.max === undefined ? undefined : Number(range.max),
    ];
  if (traits['smithy.api#pattern']) c.pattern = anchoredPattern(traits['smithy.api#pattern']);
  if (target.type === 'enum')
    c.enum = Object.values(target.members ?? {}).map((m) => m.traits?.['smithy.api#enumValue']);
  else if (traits['smithy.api#enum'])
    c.enum = traits['smithy.api#enum'].map((e: { value: string }) => e.value);
  return { c, target };
};

// ---------------------------------------------------------------- the emulator side

const emulatorConstraints = (f: FieldShape): Constraints => {
  const c: Constraints = { type: f.type, required: !!(f.required || f.notNull) };
  c.length = lengthBounds(f.lengthGreaterThanOrEqual, f.lengthLessThanOrEqual);
  if (f.greaterThanOrEqual !== undefined || f.lessThanOrEqual !== undefined)
    c.range = [f.greaterThanOrEqual, f.lessThanOrEqual];
  if (f.regex !== undefined) c.pattern = f.regex;
  if (f.enum !== undefined) c.enum = [...f.enum];
  return c;
};

/** A list's member or a map's key or value as the emulator states it: its own shape or the list's child rules. */
const childShape = (
  f: FieldShape | undefined,
  lengths: readonly [number, number] | undefined,
  fallbackType: string,
): FieldShape => {
  const base: FieldShape = f ?? { type: fallbackType as FieldShape['type'] };
  return lengths
    ? { ...base, lengthGreaterThanOrEqual: lengths[0], lengthLessThanOrEqual: lengths[1] }
    : base;
};

// ---------------------------------------------------------------- the walk

const show = (v: unknown): string => (v === undefined ? 'none' : JSON.stringify(v));

/** `<path> <what>: AWS <x>, emulator <y>` for every difference under one member. */
const compare = (
  shapes: Record<string, SmithyShape>,
  ref: { target: string; traits?: Record<string, any> },
  f: FieldShape | undefined,
  at: string,
  out: Map<string, string>,
  depth = 0,
): void => {
  const { c: aws, target } = modelConstraints(shapes, ref);
  if (f === undefined) {
    // A member the emulator does not know is ignored, so only a required one is a difference.
    if (aws.required) out.set(`${at} required`, 'AWS true, emulator: member not modelled');
    return;
  }
  const emu = emulatorConstraints(f);
  const diff = (what: string, a: unknown, e: unknown) => {
    if (show(a) !== show(e)) out.set(`${at} ${what}`, `AWS ${show(a)}, emulator ${show(e)}`);
  };
  diff('type', aws.type, emu.type);
  // The model's `required` is the emulator's notNull (or, for Kinesis's first check, required).
  diff('required', aws.required, emu.required);
  diff('length.min', aws.length?.[0], emu.length?.[0]);
  diff('length.max', aws.length?.[1], emu.length?.[1]);
  diff('range.min', aws.range?.[0], emu.range?.[0]);
  diff('range.max', aws.range?.[1], emu.range?.[1]);
  diff('pattern', aws.pattern, emu.pattern);
  diff('enum', aws.enum && [...aws.enum].sort(), emu.enum && [...emu.enum].sort());
  if (depth > 8) return;
  if (target.type === 'structure' && f.type === 'Structure') {
    walkMembers(shapes, target, (f.children ?? {}) as Shapes, at, out, depth + 1);
  } else if (target.type === 'list' && f.type === 'List' && target.member) {
    const member = childShape(f.children as FieldShape | undefined, f.childLengths, 'String');
    compare(shapes, target.member, { ...member, required: false, notNull: false }, `${at}[]`, out, depth + 1);
  } else if (target.type === 'map' && f.type === 'Map' && target.key && target.value) {
    compare(
      shapes,
      target.key,
      childShape(undefined, f.childKeyLengths, 'String'),
      `${at}{key}`,
      out,
      depth + 1,
    );
    const value = childShape(f.children as FieldShape | undefined, f.childValueLengths, 'String');
    compare(
      shapes,
      target.value,
      { ...value, required: false, notNull: false },
      `${at}{value}`,
      out,
      depth + 1,
    );
  }
};

const walkMembers = (
  shapes: Record<string, SmithyShape>,
  structure: SmithyShape,
  emulated: Shapes,
  prefix: string,
  out: Map<string, string>,
  depth: number,
): void => {
  for (const [name, ref] of Object.entries(structure.members ?? {})) {
    compare(shapes, ref, emulated[name], prefix ? `${prefix}.${name}` : name, out, depth);
  }
  for (const name of Object.keys(emulated)) {
    if (!structure.members?.[name])
      out.set(`${prefix ? `${prefix}.` : ''}${name} member`, 'AWS: no such member, emulator: modelled');
  }
};

/** Every difference of one operation, keyed `<Operation> <path> <what>`. */
const differences = (
  shapes: Record<string, SmithyShape>,
  namespace: string,
  op: string,
  emulated: Shapes,
): Map<string, string> => {
  const operation = shapes[`${namespace}#${op}`];
  if (!operation?.input) throw new Error(`${op} is not an operation of the model`);
  const found = new Map<string, string>();
  walkMembers(shapes, shapes[operation.input.target], emulated, '', found, 0);
  return new Map([...found].map(([k, v]) => [`${op} ${k}`, v]));
};

const haveModels = existsSync(modelsDir);
if (!haveModels)
  console.warn(
    `model-shapes: skipped, no AWS API models at ${modelsDir} (set AWS_MODELS_DIR or put shared/ beside the clone)`,
  );

describe.skipIf(!haveModels)("the emulator's input shapes match AWS's API models", () => {
  const all = new Map<string, string>();
  for (const s of services) {
    describe(s.name, () => {
      const model = haveModels
        ? (JSON.parse(readFileSync(path.join(modelsDir, s.model), 'utf8')) as {
            shapes: Record<string, SmithyShape>;
          })
        : { shapes: {} };
      it.each(Object.keys(s.operations))('%s', (op) => {
        const found = differences(model.shapes, s.namespace, op, s.operations[op].shapes);
        for (const [k, v] of found) all.set(k, v);
        const unexplained = [...found].filter(([k]) => !(k in deliberate)).map(([k, v]) => `${k}: ${v}`);
        expect(unexplained).toEqual([]);
      });
    });
  }

  it('lists no deliberate difference that no longer occurs', () => {
    const ops = new Set(services.flatMap((s) => Object.keys(s.operations)));
    const stale = Object.keys(deliberate).filter((k) => ops.has(k.split(' ')[0]) && !all.has(k));
    expect(stale).toEqual([]);
  });
});
