import type { FieldShape, Shapes } from '../../engine/common/validation';

/*
 * AWS's errors (and the console's own checks, which use AWS's constraint words) as messages for
 * people, placed on the form field they are about, with AWS's exact text kept as the detail.
 */

/** An error as the console shows it: AWS's error type and message. */
export interface ShownError {
  type: string;
  message: string;
}

/** What a form shows by a field (or above its buttons): words for people, and AWS's own text beneath. */
export interface FieldMessage {
  text: string;
  /** AWS's exact words (error type and message, or the constraint), shown as code. */
  detail?: string;
}

/** Each form field, and the request members (or, for errors in prose, the words) that mean it. */
export type FieldMembers<F extends string> = Record<F, readonly string[]>;

export interface FormMessages<F extends string> {
  fields: Partial<Record<F, FieldMessage>>;
  /** A problem with the input that names no field of the form: for the form's error area. */
  form?: FieldMessage;
  /**
   * An error about the state of a resource or the account (a stream not ACTIVE, a quota reached,
   * no access), not about what was typed: for a notification.
   */
  notice?: ShownError;
}

/** The errors that judge the request's input; others judge the state of resources or the account. */
const INPUT_ERRORS = new Set(['ValidationException', 'InvalidArgumentException', 'SerializationException', 'InvalidRequestException']);

/** One "Value '...' at '...' failed to satisfy constraint: ..." of a ValidationException. */
export interface ValidationClause {
  /** The member path as AWS writes it: `streamName`, `extendedS3DestinationConfiguration.bufferingHints.sizeInMBs`. */
  member: string;
  /** The constraint: `Member must have length less than or equal to 128`. */
  constraint: string;
  /** The clause as AWS wrote it. */
  text: string;
}

const CLAUSE = /Value (?:null|'[\s\S]*?') at '([^']*)' failed to satisfy constraint: /g;
const REQUIRED = /^The paramater '([^']+)' is required but was not present in the request$/;

/**
 * The clauses of a ValidationException's "N validation error(s) detected: A; B" (one when there is
 * one): empty when the message is not of that form. Each clause runs to the next one's start, so a
 * constraint's own "; " or a value's quotes do not split it.
 */
export const parseValidationMessage = (message: string): ValidationClause[] => {
  const head = /^\d+ validation errors? detected: /.exec(message);
  if (!head) return [];
  const body = message.slice(head[0].length);
  const starts = [...body.matchAll(CLAUSE)];
  return starts.map((m, i) => {
    const end = i + 1 < starts.length ? starts[i + 1].index - 2 : body.length; // "; " before the next
    const text = body.slice(m.index, end);
    return { member: m[1], constraint: text.slice(m[0].length), text };
  });
};

/** `a`, `a and b`, `a, b and c`. */
const andList = (xs: readonly string[]): string =>
  xs.length <= 1 ? (xs[0] ?? '') : `${xs.slice(0, -1).join(', ')} and ${xs[xs.length - 1]}`;

const fmt = (n: number): string => n.toLocaleString('en-US');

/** Characters by name, in the order a sentence lists them. */
const CHAR_NAMES: [string, string][] = [
  ['-', 'hyphens (-)'],
  ['_', 'underscores (_)'],
  ['.', 'periods (.)'],
  [' ', 'spaces'],
  ['/', 'slashes (/)'],
  [':', 'colons (:)'],
  [',', 'commas (,)'],
  ['=', 'equals signs (=)'],
  ['+', 'plus signs (+)'],
  ['@', 'at signs (@)'],
];

/** The kinds of character a regex character class (`a-zA-Z0-9_.-`) lets through, as words; undefined if unusual. */
const classWords = (body: string): string[] | undefined => {
  const kinds = new Set<string>();
  const singles: string[] = [];
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (c === '\\') {
      const e = body[++i];
      if (e === 'd') kinds.add('digits');
      else if (e === 's') kinds.add('spaces');
      else if (e === 'w') ['lower', 'upper', 'digits', '_'].forEach((k) => (k === '_' ? singles.push('_') : kinds.add(k)));
      else if (e !== undefined) singles.push(e);
      continue;
    }
    if (body[i + 1] === '-' && i + 2 < body.length) {
      const range = `${c}-${body[i + 2]}`;
      i += 2;
      if (range === 'a-z') kinds.add('lower');
      else if (range === 'A-Z') kinds.add('upper');
      else if (range === '0-9') kinds.add('digits');
      else return undefined;
      continue;
    }
    singles.push(c);
  }
  const words: string[] = [];
  if (kinds.has('lower') && kinds.has('upper')) words.push('letters');
  else if (kinds.has('lower')) words.push('lowercase letters');
  else if (kinds.has('upper')) words.push('uppercase letters');
  if (kinds.has('digits')) words.push('digits');
  if (kinds.has('spaces')) words.push('spaces');
  for (const [ch, name] of CHAR_NAMES) if (singles.includes(ch) && !(ch === ' ' && kinds.has('spaces'))) words.push(name);
  const others = singles.filter((ch) => !CHAR_NAMES.some(([c]) => c === ch));
  if (others.length > 0) words.push(`the characters ${others.join(' ')}`);
  return words;
};

/** A regular expression pattern AWS checks, in words. */
export const describePattern = (pattern: string): string => {
  const p = pattern.replace(/^\^/, '').replace(/\$$/, '');
  const cls = /^\[(\^?)((?:\\.|[^\]\\])+)\](?:\+|\*|\{\d+,\d*\})$/.exec(p);
  const words = cls && classWords(cls[2]);
  if (cls && words && words.length > 0) return cls[1] ? `Do not use ${andList(words)}.` : `Use only ${andList(words)}.`;
  const number = /^0\|\(?\[1-9\]\\d\{0,(\d+)\}\)?$/.exec(p);
  if (number) return `Enter a whole number without leading zeros (at most ${Number(number[1]) + 1} digits).`;
  if (/^\(?arn\)?:/.test(p)) return 'Enter an ARN (it starts with arn:) of the kind shown below.';
  return 'Enter a value of the form the pattern below describes.';
};

const lengthUnit = (shape: FieldShape | undefined): string => {
  switch (shape?.type) {
    case 'Blob':
      return 'bytes';
    case 'List':
      return 'items';
    case 'Map':
      return 'entries';
    default:
      return 'characters';
  }
};

const span = (min: number | undefined, max: number | undefined, unit: string): string | undefined => {
  if (min !== undefined && max !== undefined) return min === max ? `exactly ${fmt(min)} ${unit}` : `${fmt(min)} to ${fmt(max)} ${unit}`;
  if (max !== undefined) return `at most ${fmt(max)} ${unit}`;
  if (min !== undefined) return `at least ${fmt(min)} ${unit}`;
  return undefined;
};

const bound = (constraint: string, what: string): number | undefined => {
  const m = new RegExp(`${what} (less|greater) than or equal to (-?[\\d.]+)`).exec(constraint);
  return m ? Number(m[2]) : undefined;
};

/** `[Member must have length less than or equal to 128, Member must have length greater than or equal to 1]` -> 1 to 128. */
const lengthPair = (constraint: string): string | undefined => {
  const max = /length less than or equal to (\d+)/.exec(constraint)?.[1];
  const min = /length greater than or equal to (\d+)/.exec(constraint)?.[1];
  return span(min === undefined ? undefined : Number(min), max === undefined ? undefined : Number(max), 'characters');
};

/**
 * One AWS constraint (`Member must have value less than or equal to 500`) in words for people.
 * With the member's shape the whole allowed range is named, not just the broken end.
 */
export const describeConstraint = (constraint: string, shape?: FieldShape): string => {
  if (constraint === 'Member must not be null') return shape?.type === 'String' || !shape ? 'Enter a value.' : 'This is required.';
  const regex = /^Member must satisfy regular expression pattern: ([\s\S]*)$/.exec(constraint);
  if (regex) return describePattern(regex[1]);
  const enumSet = /^Member must satisfy enum value set: \[(.*)\]$/.exec(constraint);
  if (enumSet) return `Choose one of: ${enumSet[1]}.`;
  if (/^Member must have length (less|greater) than or equal to/.test(constraint)) {
    const brokenMin = constraint.includes('greater');
    const min = shape?.lengthGreaterThanOrEqual ?? (brokenMin ? bound(constraint, 'length') : undefined);
    const max = shape?.lengthLessThanOrEqual ?? (brokenMin ? undefined : bound(constraint, 'length'));
    if (min === 1 && max === undefined) return 'Enter a value.';
    return `Use ${span(min, max, lengthUnit(shape))}.`;
  }
  if (/^Member must have value (less|greater) than or equal to/.test(constraint)) {
    const brokenMin = constraint.includes('greater');
    const min = shape?.greaterThanOrEqual ?? (brokenMin ? bound(constraint, 'value') : undefined);
    const max = shape?.lessThanOrEqual ?? (brokenMin ? undefined : bound(constraint, 'value'));
    const kind = shape?.type === 'Double' ? 'a number' : 'a whole number';
    if (min !== undefined && max !== undefined) return `Enter ${kind} from ${fmt(min)} to ${fmt(max)}.`;
    return `Enter ${kind} of ${min !== undefined ? `at least ${fmt(min)}` : `at most ${fmt(max!)}`}.`;
  }
  const child = /^(Member|Map keys|Map value) must satisfy constraint: (\[.*\])$/.exec(constraint);
  if (child) {
    const each = child[1] === 'Map keys' ? 'key' : child[1] === 'Map value' ? 'value' : 'item';
    return `Each ${each} must be ${lengthPair(child[2]) ?? 'of an allowed length'}.`;
  }
  return constraint;
};

/** Whether a text is one of AWS's constraint sentences (what the console's own checks return). */
const isConstraint = (text: string): boolean => /^(Member|Map keys|Map value) must /.test(text);

/**
 * A problem the console found itself (in AWS's constraint words, or already in its own words) as a
 * field message: AWS's words become the detail.
 */
export const problemMessage = (problem: string | undefined, shape?: FieldShape): FieldMessage | undefined =>
  problem === undefined ? undefined : isConstraint(problem) ? { text: describeConstraint(problem, shape), detail: problem } : { text: problem };

/**
 * The shape of a member path AWS names (`extendedS3DestinationConfiguration.bufferingHints.sizeInMBs`,
 * `records.1.member.data`) in an operation's shapes; undefined when the shapes do not have it.
 */
export const shapeAt = (shapes: Shapes, member: string): FieldShape | undefined => {
  const parts = member.split('.');
  let fields: Shapes | undefined = shapes;
  let shape: FieldShape | undefined;
  let i = 0;
  while (i < parts.length) {
    if (shape?.type === 'List' || shape?.type === 'Map') {
      // `<index or key>.member`: the member shape.
      i += parts[i + 1] === 'member' ? 2 : 1;
      shape = shape.children as FieldShape | undefined;
    } else {
      const part = parts[i++];
      // AWS names members lower-first in messages (`streamName` for StreamName); no two members differ only in case.
      const wanted = part.toLowerCase();
      const key = fields && Object.keys(fields).find((k) => k.toLowerCase() === wanted);
      if (!fields || key === undefined) return undefined;
      shape = fields[key];
    }
    fields = shape?.type === 'Structure' ? (shape.children as Shapes) : undefined;
  }
  return shape;
};

/**
 * The field a member path is about: its own name, or a member under it (`bufferingHints` holds
 * `sizeInMBs`). A list item's position does not matter: `records.3.member.partitionKey` is about the
 * field that names `records.partitionKey`.
 */
const fieldOfMember = <F extends string>(member: string, fields: FieldMembers<F>): F | undefined => {
  const at = member.toLowerCase();
  const anyItem = at.replace(/\.\d+\.member(?=\.|$)/g, '');
  for (const [field, names] of Object.entries(fields) as [F, readonly string[]][])
    for (const name of names) {
      const n = name.toLowerCase();
      if ([at, anyItem].some((m) => m === n || m.startsWith(`${n}.`))) return field;
    }
  return undefined;
};

/**
 * AWS's sentences about a value that a person would not read easily (InvalidArgumentException's
 * about sequence numbers and times), each with the console's words for it.
 */
const PLAIN_WORDS: [RegExp, (m: RegExpExecArray) => string][] = [
  [
    /^Invalid StartingSequenceNumber\. It encodes (shardId-\d+), while it was used in a call to a shard with (shardId-\d+)/,
    (m) => `This sequence number is from ${m[1]}, not from ${m[2]}. Choose ${m[1]} as the shard, or a sequence number read from ${m[2]}.`,
  ],
  [
    /^StartingSequenceNumber \S+ used in GetShardIterator .* is invalid because it did not come from this stream\.$/,
    () => 'This sequence number is from another stream (or from an earlier stream of the same name). Use one read from this stream.',
  ],
  [
    /^StartingSequenceNumber \S+ used in GetShardIterator .* is invalid\.$/,
    () => 'This is not a sequence number Kinesis handed out. Copy one from a record of this shard.',
  ],
  [/^Must either specify \(1\) AT_SEQUENCE_NUMBER .* and no StartingSequenceNumber\.$/, () => 'Enter the sequence number to start from.'],
  [
    /^The timestampInMillis parameter cannot be greater than the currentTimestampInMillis/,
    () => "This time is in the future by the service's clock. Enter a time at or before now.",
  ],
  [/^Must specify timestampInMillis parameter/, () => 'Enter the time to start from.'],
];

/** The console's words for an AWS sentence it knows (see PLAIN_WORDS); undefined for others. */
export const plainWords = (message: string): string | undefined => {
  for (const [re, words] of PLAIN_WORDS) {
    const m = re.exec(message);
    if (m) return words(m);
  }
  return undefined;
};

/**
 * The request member an AWS error is about, if the message names one: ValidationException says
 * `at 'partitionKey'`; other errors name the field in words (`ExplicitHashKey`, `NewStartingHashKey`).
 * `fields` maps each form field to the member names that mean it.
 */
export const fieldForError = <F extends string>(e: ShownError, fields: FieldMembers<F>): F | undefined => {
  const at = /at '([^']+)'/.exec(e.message)?.[1] ?? REQUIRED.exec(e.message)?.[1];
  if (at !== undefined) return fieldOfMember(at, fields);
  const text = e.message.toLowerCase();
  for (const [field, names] of Object.entries(fields) as [F, readonly string[]][])
    if (names.some((n) => text.includes(n.toLowerCase()))) return field;
  return undefined;
};

export const formatError = (e: ShownError): string => (e.message ? `${e.type}: ${e.message}` : e.type);

/** Sentences said once each, in order. */
const sentences = (xs: readonly string[]): string => [...new Set(xs)].join(' ');

export interface FormMessageOptions<F extends string> {
  /** The operation's request shapes: messages then name the whole allowed range. */
  shapes?: Shapes;
  /** The field that takes "already exists" (ResourceInUseException), usually the name. */
  nameField?: F;
}

/**
 * An AWS error as per-field messages for a form. A ValidationException's clauses go each to the
 * field whose member they name (a combined "2 validation errors detected: ...; ..." lands on two
 * fields), in words for people with AWS's clause kept as the detail; a member the form does not
 * have, and any other input error that names no field, goes to the form's error area; an error
 * about the state of things (ResourceInUseException, LimitExceededException, ...) that names no
 * field is for a notification.
 */
export const formMessages = <F extends string>(e: ShownError, fields: FieldMembers<F>, o: FormMessageOptions<NoInfer<F>> = {}): FormMessages<F> => {
  const out: FormMessages<F> = { fields: {} };
  const clauses = e.type === 'ValidationException' ? parseValidationMessage(e.message) : [];
  if (clauses.length > 0) {
    const byField = new Map<F | undefined, { texts: string[]; details: string[] }>();
    for (const c of clauses) {
      const field = fieldOfMember(c.member, fields);
      const shape = o.shapes && shapeAt(o.shapes, c.member);
      const text = describeConstraint(c.constraint, shape);
      const entry = byField.get(field) ?? { texts: [], details: [] };
      entry.texts.push(field === undefined ? `${c.member}: ${text}` : text);
      entry.details.push(c.text);
      byField.set(field, entry);
    }
    // One clause: AWS's whole message is its detail; several: each field keeps its own clauses.
    const whole = clauses.length === 1 ? formatError(e) : undefined;
    for (const [field, { texts, details }] of byField) {
      const message = { text: sentences(texts), detail: whole ?? `${e.type}: ${details.join('; ')}` };
      if (field === undefined) out.form = message;
      else out.fields[field] = message;
    }
    return out;
  }
  const required = e.type === 'ValidationException' ? REQUIRED.exec(e.message) : null;
  if (required) {
    const field = fieldOfMember(required[1], fields);
    const message = { text: field === undefined ? `${required[1]} is required.` : 'This is required.', detail: formatError(e) };
    if (field === undefined) out.form = message;
    else out.fields[field] = message;
    return out;
  }
  if (o.nameField !== undefined && e.type === 'ResourceInUseException' && /already exists/.test(e.message)) {
    out.fields[o.nameField] = { text: 'This name is already taken in this account and Region. Choose another.', detail: formatError(e) };
    return out;
  }
  // Other errors are sentences already: shown as AWS wrote them, with the error type beneath, or
  // in the console's words when it knows a plainer way to say them, with AWS's whole text beneath.
  const field = fieldForError(e, fields);
  const plain = plainWords(e.message);
  const message = plain ? { text: plain, detail: formatError(e) } : e.message ? { text: e.message, detail: e.type } : { text: e.type };
  if (field !== undefined) out.fields[field] = message;
  else if (INPUT_ERRORS.has(e.type)) out.form = message;
  else out.notice = e;
  return out;
};
