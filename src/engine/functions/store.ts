import { partitionOf } from '../common/arn';
import { AwsError } from '../common/errors';
import { validate, type Shapes } from '../common/validation';
import type { EngineContext } from '../protocol/context';
import { DEFAULT_TIMEOUT_SECONDS, MAX_TIMEOUT_SECONDS, MIN_TIMEOUT_SECONDS, type TransformFunction } from './types';

/** Lambda's constraints on the fields the console takes (CreateFunction's FunctionName and Timeout). */
const shapes: Shapes = {
  FunctionName: { type: 'String', required: true, regex: '[a-zA-Z0-9-_]+', lengthGreaterThanOrEqual: 1, lengthLessThanOrEqual: 64 },
  Timeout: { type: 'Integer', greaterThanOrEqual: MIN_TIMEOUT_SECONDS, lessThanOrEqual: MAX_TIMEOUT_SECONDS },
  Source: { type: 'String', required: true },
};

/** What the console sends to create or replace a function. */
export interface PutFunctionInput {
  name: string;
  source: string;
  timeoutSeconds?: number;
}

/** The functions by name, in the emulator's default region. */
export class FunctionStore {
  readonly functions = new Map<string, TransformFunction>();

  constructor(private readonly ctx: EngineContext) {}

  arnOf(name: string): string {
    const region = this.ctx.defaultRegion;
    return `arn:${partitionOf(region)}:lambda:${region}:${this.ctx.accountId}:function:${name}`;
  }

  /** Creates the function, or replaces its source and timeout; throws Lambda's ValidationException on bad input. */
  put(input: PutFunctionInput): TransformFunction {
    const timeout = input.timeoutSeconds ?? DEFAULT_TIMEOUT_SECONDS;
    validate({ FunctionName: input.name, Timeout: timeout, Source: input.source }, shapes);
    const fn: TransformFunction = {
      name: input.name,
      arn: this.arnOf(input.name),
      source: input.source,
      timeoutSeconds: timeout,
      lastModified: this.ctx.clock.now(),
    };
    this.functions.set(fn.name, fn);
    return fn;
  }

  list(): TransformFunction[] {
    return [...this.functions.values()].sort((a, b) => a.name.localeCompare(b.name));
  }

  /** Deletes a function; Lambda's ResourceNotFoundException when there is none of that name. */
  delete(name: string): void {
    if (!this.functions.delete(name))
      throw new AwsError('ResourceNotFoundException', `Function not found: ${this.arnOf(name)}`, 404);
  }

  /** The function an ARN names (also its unqualified or `:$LATEST` form), if it exists. */
  byArn(arn: string): TransformFunction | undefined {
    const m = /^arn:[^:]+:lambda:[^:]+:[^:]+:function:([^:]+)(?::\$LATEST)?$/.exec(arn);
    const fn = m ? this.functions.get(m[1]) : undefined;
    return fn && fn.arn === arn.replace(/:\$LATEST$/, '') ? fn : undefined;
  }
}
