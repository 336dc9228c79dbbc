import { SnapshotVersionError, type ModuleFactory, type ServiceModule } from '../module';
import { TransformFailure } from '../firehose/environment';
import { FunctionStore } from './store';
import { FUNCTIONS_SNAPSHOT_VERSION, type FunctionsSnapshot, type TransformFunction } from './types';

export type { PutFunctionInput } from './store';

/** What other modules (Firehose) and the console's channel use of the functions. */
export interface FunctionsExports {
  store: FunctionStore;
  /**
   * Invokes the function `arn` names on `event` through the host's runner, within its timeout. Resolves
   * with what the handler returned (JSON data); rejects with a {@link TransformFailure}.
   */
  invoke(arn: string, event: unknown): Promise<unknown>;
}

/** The failure when the function does not exist (the console's own text; Lambda would answer ResourceNotFound). */
const notFound = (arn: string) =>
  new TransformFailure('Lambda.ResourceNotFoundException', `The function ${arn} does not exist.`);

/** When the host lent no runner (an emulator in a thread that cannot start workers). */
const noRunner = () =>
  new TransformFailure('Lambda.FunctionError', 'Transformation functions cannot run here: the emulator has no function runner.');

const isSnapshot = (s: unknown): s is FunctionsSnapshot =>
  typeof s === 'object' &&
  s !== null &&
  (s as FunctionsSnapshot).version === FUNCTIONS_SNAPSHOT_VERSION &&
  Array.isArray((s as FunctionsSnapshot).functions);

/**
 * The user's transformation functions (the stand-in for Lambda). No AWS wire API: the console reaches
 * them over its own channel. They run in the host's isolated runner (EngineContext.hooks.runTransform).
 */
export const functionsModule: ModuleFactory = {
  name: 'functions',
  create(ctx): ServiceModule<FunctionsExports> {
    const store = new FunctionStore(ctx);
    return {
      name: 'functions',
      operations: {},
      exports: {
        store,
        invoke(arn, event) {
          const fn = store.byArn(arn);
          if (!fn) return Promise.reject(notFound(arn));
          const run = ctx.hooks?.runTransform;
          if (!run) return Promise.reject(noRunner());
          return run(fn.source, event, fn.timeoutSeconds * 1000);
        },
      },
      snapshot: (): FunctionsSnapshot => ({
        version: FUNCTIONS_SNAPSHOT_VERSION,
        functions: store.list().map((f) => ({ ...f })),
      }),
      restore(state) {
        if (!isSnapshot(state)) throw new SnapshotVersionError(`functions ${String((state as { version?: unknown } | null)?.version)}`);
        store.functions.clear();
        for (const f of state.functions as TransformFunction[]) store.functions.set(f.name, { ...f });
      },
    };
  },
};
