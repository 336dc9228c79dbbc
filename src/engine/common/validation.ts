import { AwsError } from './errors';

/**
 * Declarative request shapes, checked the way AWS's JSON services check them: first the JSON types
 * (a wrong type is a `SerializationException`, thrown at the first offence), then the constraints
 * (every failure collected, at most 10 listed, in one `ValidationException`). Texts as AWS sends them
 * (kinesalite's test suite pins them against AWS). Service-neutral: Kinesis, Firehose and CloudWatch
 * describe their operations with these shapes.
 */
export type ShapeType =
  | 'String'
  | 'Integer'
  | 'Long'
  | 'Double'
  | 'Boolean'
  | 'Blob'
  | 'Timestamp'
  | 'List'
  | 'Map'
  | 'Structure';

export interface FieldShape {
  type: ShapeType;
  /** Missing -> "The paramater '...' is required but was not present in the request" (AWS's spelling). */
  required?: boolean;
  notNull?: boolean;
  regex?: string;
  enum?: readonly string[];
  greaterThanOrEqual?: number;
  lessThanOrEqual?: number;
  lengthGreaterThanOrEqual?: number;
  lengthLessThanOrEqual?: number;
  /** Lists of strings: every member's length in [min, max]. */
  childLengths?: readonly [number, number];
  /** Maps: every key's length in [min, max]. */
  childKeyLengths?: readonly [number, number];
  /** Maps: every value's length in [min, max]. */
  childValueLengths?: readonly [number, number];
  /** How AWS prints a member of this list or map in a message (Java's Object.toString). */
  memberStr?: string;
  /** List/Map: the member shape. Structure: the field shapes. */
  children?: FieldShape | Shapes;
}

export type Shapes = Readonly<Record<string, FieldShape>>;

/** `StreamName` -> `streamName`: how AWS names a member in its messages. */
export const toLowerFirst = (s: string): string => (s.length === 0 ? s : s[0].toLowerCase() + s.slice(1));

const serialization = (message: string): AwsError => new AwsError('SerializationException', message);

const BASE64_CHARS = /^[A-Za-z0-9+/]*={0,2}$/;
const BASE64_BAD = /[^A-Za-z0-9+/=]|=[^=]/;
const B64_INDEX = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Decoded length of a (valid) Base64 string, without decoding it. */
export const base64DecodedLength = (s: string): number => {
  const n = s.length;
  if (n === 0) return 0;
  const pad = s.charCodeAt(n - 1) === 61 ? (s.charCodeAt(n - 2) === 61 ? 2 : 1) : 0;
  return (n / 4) * 3 - pad;
};

/** Throws AWS's SerializationException when `val` is not a canonical Base64 string. */
export const checkBase64 = (val: string): void => {
  const n = val.length;
  if (n % 4 !== 0) {
    throw serialization(
      `'${val}' can not be converted to a Blob: Base64 encoded length is expected a multiple of 4 bytes but found: ${n}`,
    );
  }
  if (!BASE64_CHARS.test(val)) {
    const m = BASE64_BAD.exec(val);
    if (m) throw serialization(`'${val}' can not be converted to a Blob: Invalid Base64 character: '${m[0][0]}'`);
  }
  // The last data character must not carry bits beyond the decoded length (a non-canonical encoding).
  if (n > 0 && val.charCodeAt(n - 1) === 61) {
    const twoPads = val.charCodeAt(n - 2) === 61;
    const last = B64_INDEX.indexOf(val[n - (twoPads ? 3 : 2)]);
    if ((twoPads ? last & 0xf : last & 0x3) !== 0) {
      throw serialization(`'${val}' can not be converted to a Blob: Invalid last non-pad Base64 character dectected`);
    }
  }
};

const isStructureChildren = (c: FieldShape | Shapes | undefined): c is Shapes =>
  c !== undefined && typeof (c as FieldShape).type !== 'string';

/**
 * Checks JSON types in place: numbers for Integer/Long are floored (Integer clamps at 2^31-1, as AWS
 * does), nulls count as absent, unknown members are ignored. Throws SerializationException.
 */
export const checkTypes = (data: Record<string, unknown>, shapes: Shapes): void => {
  for (const key in shapes) {
    const v = data[key];
    if (v === undefined || v === null) continue;
    const out = checkType(v, shapes[key]);
    if (out !== v) data[key] = out;
  }
};

const checkType = (val: unknown, shape: FieldShape): unknown => {
  const t = typeof val;
  switch (shape.type) {
    case 'Boolean':
      if (t === 'boolean') return val;
      if (t === 'number')
        throw serialization('class com.amazon.coral.value.json.numbers.TruncatingBigNumber can not be converted to an Boolean');
      if (t === 'string') throw serialization(`'${(val as string).toUpperCase()}' can not be converted to an Boolean`);
      throw objectError(val);
    case 'Integer':
    case 'Long':
    case 'Double':
      if (t === 'number') {
        let n = val as number;
        if (shape.type !== 'Double' && !Number.isInteger(n)) n = Math.floor(n);
        if (shape.type === 'Integer' && n > 2147483647) n = 2147483647;
        return n;
      }
      if (t === 'boolean') throw serialization(`class java.lang.Boolean can not be converted to an ${shape.type}`);
      if (t === 'string') throw serialization(`class java.lang.String can not be converted to an ${shape.type}`);
      throw objectError(val);
    case 'String':
      if (t === 'string') return val;
      if (t === 'boolean') throw serialization('class java.lang.Boolean can not be converted to an String');
      if (t === 'number')
        throw serialization('class com.amazon.coral.value.json.numbers.TruncatingBigNumber can not be converted to an String');
      throw objectError(val);
    case 'Blob':
      if (t === 'string') {
        checkBase64(val as string);
        return val;
      }
      if (t === 'boolean') throw serialization('class java.lang.Boolean can not be converted to a Blob');
      if (t === 'number')
        throw serialization('class com.amazon.coral.value.json.numbers.TruncatingBigNumber can not be converted to a Blob');
      throw objectError(val);
    case 'Timestamp':
      if (t === 'number') return val;
      if (t === 'boolean') throw serialization('class java.lang.Boolean can not be converted to milliseconds since epoch');
      if (t === 'string') throw serialization('class java.lang.String can not be converted to milliseconds since epoch');
      throw objectError(val);
    case 'List': {
      if (t !== 'object') throw serialization('Expected list or null');
      if (!Array.isArray(val)) throw serialization('Start of structure or map found where not expected.');
      const member = shape.children as FieldShape | undefined;
      if (member) {
        for (let i = 0; i < val.length; i++) {
          const c = val[i];
          if (c === null || c === undefined) continue;
          const out = checkType(c, member);
          if (out !== c) val[i] = out;
        }
      }
      return val;
    }
    case 'Map': {
      if (t !== 'object') throw serialization('Expected map or null');
      if (Array.isArray(val)) throw serialization('Start of list found where not expected');
      const member = shape.children as FieldShape | undefined;
      if (member) {
        const o = val as Record<string, unknown>;
        for (const k in o) {
          const c = o[k];
          if (c === null || c === undefined) continue;
          const out = checkType(c, member);
          if (out !== c) o[k] = out;
        }
      }
      return val;
    }
    case 'Structure':
      if (t !== 'object') throw serialization('Expected null');
      if (Array.isArray(val)) throw serialization('Start of list found where not expected');
      if (isStructureChildren(shape.children)) checkTypes(val as Record<string, unknown>, shape.children);
      return val;
  }
};

const objectError = (val: unknown): AwsError =>
  Array.isArray(val)
    ? serialization('Start of list found where not expected')
    : serialization('Start of structure or map found where not expected.');

const regexCache = new Map<string, RegExp>();
const anchored = (pattern: string): RegExp => {
  let r = regexCache.get(pattern);
  if (!r) {
    r = new RegExp(`^(?:${pattern})$`);
    regexCache.set(pattern, r);
  }
  return r;
};

const lengthOf = (v: unknown, type: ShapeType): number => {
  if (type === 'Blob') return base64DecodedLength(v as string);
  if (typeof v === 'string' || Array.isArray(v)) return v.length;
  return Object.keys(v as object).length;
};

/** How AWS prints a value in "Value '...' at '...'". */
const valueStr = (v: unknown, shape: FieldShape): string => {
  switch (shape.type) {
    case 'Blob': {
      const n = base64DecodedLength(v as string);
      return `java.nio.HeapByteBuffer[pos=0 lim=${n} cap=${n}]`;
    }
    case 'List':
      return `[${(v as unknown[]).map((m) => shape.memberStr ?? String(m)).join(', ')}]`;
    case 'Map': {
      const o = v as Record<string, unknown>;
      return `{${Object.keys(o)
        .map((k) => `${k}=${shape.memberStr ?? String(o[k])}`)
        .join(', ')}}`;
    }
    default:
      return typeof v === 'object' ? JSON.stringify(v) : String(v);
  }
};

const MAX_ERRORS = 10;

class Collector {
  readonly errors: string[] = [];
  /** The bare constraint texts, in the same order. */
  readonly constraints: string[] = [];
  get full(): boolean {
    return this.errors.length >= MAX_ERRORS;
  }
  fail(v: unknown, shape: FieldShape, path: string, constraint: string): void {
    if (this.full) return;
    const value = v === null || v === undefined ? 'null' : `'${valueStr(v, shape)}'`;
    this.errors.push(`Value ${value} at '${path}' failed to satisfy constraint: ${constraint}`);
    this.constraints.push(constraint);
  }
}

/**
 * The constraints one value breaks, in AWS's words (`Member must have length less than or equal to
 * 128`), in the order AWS lists them: what a form shows before it sends the request.
 */
export const constraintProblems = (value: unknown, shape: FieldShape): string[] => {
  const c = new Collector();
  checkField(value, shape, '', c);
  return c.constraints;
};

const lengthsConstraint = (min: number, max: number): string =>
  `[Member must have length less than or equal to ${max}, Member must have length greater than or equal to ${min}]`;

const checkField = (v: unknown, shape: FieldShape, path: string, c: Collector): void => {
  const absent = v === null || v === undefined;
  // Constraints are checked in the order the shape declares them, as AWS lists them.
  for (const rule in shape) {
    if (c.full) return;
    switch (rule) {
      case 'notNull':
        if (shape.notNull && absent) c.fail(v, shape, path, 'Member must not be null');
        break;
      case 'greaterThanOrEqual':
        if (!absent && !((v as number) >= shape.greaterThanOrEqual!))
          c.fail(v, shape, path, `Member must have value greater than or equal to ${shape.greaterThanOrEqual}`);
        break;
      case 'lessThanOrEqual':
        if (!absent && !((v as number) <= shape.lessThanOrEqual!))
          c.fail(v, shape, path, `Member must have value less than or equal to ${shape.lessThanOrEqual}`);
        break;
      case 'regex':
        if (!absent && !anchored(shape.regex!).test(v as string))
          c.fail(v, shape, path, `Member must satisfy regular expression pattern: ${shape.regex}`);
        break;
      case 'lengthGreaterThanOrEqual':
        if (!absent && lengthOf(v, shape.type) < shape.lengthGreaterThanOrEqual!)
          c.fail(v, shape, path, `Member must have length greater than or equal to ${shape.lengthGreaterThanOrEqual}`);
        break;
      case 'lengthLessThanOrEqual':
        if (!absent && lengthOf(v, shape.type) > shape.lengthLessThanOrEqual!)
          c.fail(v, shape, path, `Member must have length less than or equal to ${shape.lengthLessThanOrEqual}`);
        break;
      case 'enum':
        if (!absent && !shape.enum!.includes(v as string))
          c.fail(v, shape, path, `Member must satisfy enum value set: [${shape.enum!.join(', ')}]`);
        break;
      case 'childLengths': {
        const [min, max] = shape.childLengths!;
        // A null member has no length to check (nulls in lists are skipped, as when checking types).
        if (!absent && !(v as (string | null)[]).every((x) => x == null || (x.length >= min && x.length <= max)))
          c.fail(v, shape, path, `Member must satisfy constraint: ${lengthsConstraint(min, max)}`);
        break;
      }
      case 'childKeyLengths': {
        const [min, max] = shape.childKeyLengths!;
        if (!absent && !Object.keys(v as object).every((x) => x.length >= min && x.length <= max))
          c.fail(v, shape, path, `Map keys must satisfy constraint: ${lengthsConstraint(min, max)}`);
        break;
      }
      case 'childValueLengths': {
        const [min, max] = shape.childValueLengths!;
        const o = v as Record<string, string>;
        if (!absent && !Object.keys(o).every((k) => o[k] == null || (o[k].length >= min && o[k].length <= max)))
          c.fail(v, shape, path, `Map value must satisfy constraint: ${lengthsConstraint(min, max)}`);
        break;
      }
      case 'children': {
        if (absent) break;
        const children = shape.children!;
        if (shape.type === 'List') {
          const list = v as unknown[];
          for (let i = 0; i < list.length && !c.full; i++)
            checkField(list[i], children as FieldShape, `${path}.${i + 1}.member`, c);
        } else if (shape.type === 'Map') {
          const o = v as Record<string, unknown>;
          // AWS walks map members last key first.
          const keys = Object.keys(o).reverse();
          for (const k of keys) checkField(o[k], children as FieldShape, `${path}.${k}.member`, c);
        } else {
          checkFields(v as Record<string, unknown>, children as Shapes, `${path}.`, c);
        }
        break;
      }
    }
  }
};

const checkFields = (data: Record<string, unknown>, shapes: Shapes, prefix: string, c: Collector): void => {
  for (const key in shapes) {
    if (c.full) return;
    checkField(data[key], shapes[key], prefix + toLowerFirst(key), c);
  }
};

/** Throws AWS's ValidationException listing up to 10 constraint failures. */
export const checkValidations = (data: Record<string, unknown>, shapes: Shapes): void => {
  for (const key in shapes) {
    const v = data[key];
    if (shapes[key].required && (v === undefined || v === null)) {
      throw new AwsError(
        'ValidationException',
        `The paramater '${toLowerFirst(key)}' is required but was not present in the request`,
      );
    }
  }
  const c = new Collector();
  checkFields(data, shapes, '', c);
  if (c.errors.length > 0) {
    const n = c.errors.length;
    throw new AwsError('ValidationException', `${n} validation error${n > 1 ? 's' : ''} detected: ${c.errors.join('; ')}`);
  }
};

/**
 * Compiled form of a set of shapes: one pass that checks JSON types (throwing SerializationException
 * at the first offence, as AWS does) and notes whether every constraint holds. Built once per shapes
 * object. Messages are only built, by the declarative walk above, when a constraint fails, so a valid
 * 500-record request costs a few comparisons per record.
 */
type FieldFn = (v: unknown) => unknown;

interface Compiled {
  /** Checks types in place; returns whether all constraints hold. */
  check: (data: Record<string, unknown>) => boolean;
}

const compiledCache = new WeakMap<Shapes, Compiled>();

type Pred = (v: unknown) => boolean;

/** Set to false by any field whose constraints fail during one `check`. */
let allOk = true;

/** The constraints of one shape on a present value, children excluded. */
const scalarPreds = (shape: FieldShape): Pred[] => {
  const preds: Pred[] = [];
  const t = shape.type;
  if (shape.greaterThanOrEqual !== undefined) {
    const min = shape.greaterThanOrEqual;
    preds.push((v) => (v as number) >= min);
  }
  if (shape.lessThanOrEqual !== undefined) {
    const max = shape.lessThanOrEqual;
    preds.push((v) => (v as number) <= max);
  }
  if (shape.regex !== undefined) {
    const r = anchored(shape.regex);
    preds.push((v) => r.test(v as string));
  }
  if (shape.lengthGreaterThanOrEqual !== undefined) {
    const min = shape.lengthGreaterThanOrEqual;
    preds.push(t === 'String' ? (v) => (v as string).length >= min : (v) => lengthOf(v, t) >= min);
  }
  if (shape.lengthLessThanOrEqual !== undefined) {
    const max = shape.lengthLessThanOrEqual;
    // A Base64 string of length n decodes to at most n*3/4 bytes.
    preds.push(
      t === 'String'
        ? (v) => (v as string).length <= max
        : t === 'Blob'
          ? (v) => ((v as string).length >> 2) * 3 <= max || base64DecodedLength(v as string) <= max
          : (v) => lengthOf(v, t) <= max,
    );
  }
  if (shape.enum !== undefined) {
    const e = shape.enum;
    preds.push((v) => e.includes(v as string));
  }
  if (shape.childLengths || shape.childKeyLengths || shape.childValueLengths) {
    // Rare (tags): let the declarative walk decide.
    const c = new Collector();
    const { children: _children, ...flat } = shape;
    preds.push((v) => {
      c.errors.length = 0;
      c.constraints.length = 0;
      checkField(v, flat, '', c);
      return c.errors.length === 0;
    });
  }
  return preds;
};

const fieldFn = (shape: FieldShape): FieldFn => {
  const notNull = !!shape.notNull || !!shape.required;
  const preds = scalarPreds(shape);
  const n = preds.length;
  let type: FieldFn;
  if (shape.type === 'List' && shape.children !== undefined) {
    const member = fieldFn(shape.children as FieldShape);
    type = (val) => {
      if (typeof val !== 'object') throw serialization('Expected list or null');
      if (!Array.isArray(val)) throw serialization('Start of structure or map found where not expected.');
      for (let i = 0; i < val.length; i++) {
        const c = val[i];
        const out = member(c);
        if (out !== c) val[i] = out;
      }
      return val;
    };
  } else if (shape.type === 'Map' && shape.children !== undefined) {
    const member = fieldFn(shape.children as FieldShape);
    type = (val) => {
      if (typeof val !== 'object') throw serialization('Expected map or null');
      if (Array.isArray(val)) throw serialization('Start of list found where not expected');
      const o = val as Record<string, unknown>;
      for (const k in o) {
        const c = o[k];
        const out = member(c);
        if (out !== c) o[k] = out;
      }
      return val;
    };
  } else if (shape.type === 'Structure' && isStructureChildren(shape.children)) {
    const inner = compile(shape.children);
    type = (val) => {
      if (typeof val !== 'object') throw serialization('Expected null');
      if (Array.isArray(val)) throw serialization('Start of list found where not expected');
      if (!inner.check(val as Record<string, unknown>)) allOk = false;
      return val;
    };
  } else if (shape.type === 'String') {
    type = (val) => (typeof val === 'string' ? val : checkType(val, shape));
  } else {
    type = (val) => checkType(val, shape);
  }
  return (v) => {
    if (v === null || v === undefined) {
      if (notNull) allOk = false;
      return v;
    }
    const out = type(v);
    for (let i = 0; i < n; i++) {
      if (!preds[i](out)) {
        allOk = false;
        break;
      }
    }
    return out;
  };
};

const compile = (shapes: Shapes): Compiled => {
  let c = compiledCache.get(shapes);
  if (c) return c;
  const keys = Object.keys(shapes);
  const fns = keys.map((k) => fieldFn(shapes[k]));
  c = {
    check: (data) => {
      const outer = allOk;
      allOk = true;
      for (let i = 0; i < keys.length; i++) {
        const k = keys[i];
        const v = data[k];
        const out = fns[i](v);
        if (out !== v) data[k] = out;
      }
      const ok = allOk;
      allOk = outer && ok;
      return ok;
    },
  };
  compiledCache.set(shapes, c);
  return c;
};

/** Both passes: types (SerializationException), then constraints (ValidationException). */
export const validate = (data: Record<string, unknown>, shapes: Shapes): void => {
  if (!compile(shapes).check(data)) checkValidations(data, shapes);
};
