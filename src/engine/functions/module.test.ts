import { describe, expect, it } from 'vitest';
import { VirtualClock } from '../common/clock';
import { AwsError } from '../common/errors';
import { SeededRng } from '../common/rng';
import { Emulator, type EmulatorSnapshot } from '../emulator';
import { TransformFailure } from '../firehose/environment';
import type { EngineHooks } from '../protocol/context';
import type { FunctionsExports } from './module';

const T0 = Date.UTC(2026, 0, 1, 12);
const SOURCE = 'exports.handler = async (event) => ({ records: [] });';

const make = (hooks?: EngineHooks) => {
  const clock = new VirtualClock(T0);
  const emulator = new Emulator({ clock, rng: new SeededRng(1), ...(hooks ? { hooks } : {}) });
  return { clock, emulator, functions: () => emulator.exports<FunctionsExports>('functions') };
};

const failure = (fn: () => unknown): { code: string; message: string } => {
  try {
    fn();
  } catch (e) {
    if (e instanceof AwsError) return { code: e.code, message: e.message };
    throw e;
  }
  throw new Error('did not fail');
};

describe('transformation functions (the stand-in for Lambda)', () => {
  it('creates a function with a Lambda ARN and the 3-second default timeout, replaces it, lists by name, deletes it', () => {
    const { functions, clock } = make();
    const { store } = functions();
    expect(store.put({ name: 'upper', source: SOURCE })).toEqual({
      name: 'upper',
      arn: 'arn:aws:lambda:us-east-1:000000000000:function:upper',
      source: SOURCE,
      timeoutSeconds: 3,
      lastModified: T0,
    });
    store.put({ name: 'Add-1_x', source: SOURCE, timeoutSeconds: 900 });
    clock.advance(1000);
    store.put({ name: 'upper', source: '// v2', timeoutSeconds: 10 });
    expect(store.list().map((f) => [f.name, f.source, f.timeoutSeconds, f.lastModified])).toEqual([
      ['Add-1_x', SOURCE, 900, T0],
      ['upper', '// v2', 10, T0 + 1000],
    ]);
    store.delete('upper');
    expect(store.list().map((f) => f.name)).toEqual(['Add-1_x']);
    expect(failure(() => store.delete('upper'))).toEqual({
      code: 'ResourceNotFoundException',
      message: 'Function not found: arn:aws:lambda:us-east-1:000000000000:function:upper',
    });
  });

  it("checks the name and timeout against Lambda's constraints", () => {
    const { store } = make().functions();
    expect(failure(() => store.put({ name: 'has space', source: SOURCE }))).toEqual({
      code: 'ValidationException',
      message:
        "1 validation error detected: Value 'has space' at 'functionName' failed to satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z0-9-_]+",
    });
    expect(failure(() => store.put({ name: 'f', source: SOURCE, timeoutSeconds: 901 })).message).toBe(
      "1 validation error detected: Value '901' at 'timeout' failed to satisfy constraint: Member must have value less than or equal to 900",
    );
    expect(failure(() => store.put({ name: 'f', source: SOURCE, timeoutSeconds: 0 })).code).toBe('ValidationException');
    expect(failure(() => store.put({ name: 'x'.repeat(65), source: SOURCE })).code).toBe('ValidationException');
    expect(store.list()).toEqual([]);
  });

  it('survives a snapshot as JSON and a restore; a save from before the module existed restores with none', () => {
    const a = make();
    a.functions().store.put({ name: 'upper', source: SOURCE, timeoutSeconds: 5 });
    const snap = JSON.parse(JSON.stringify(a.emulator.snapshot())) as EmulatorSnapshot;
    expect(snap.services.functions).toEqual({ version: 1, functions: [a.functions().store.list()[0]] });
    const b = make();
    b.emulator.restore(snap);
    expect(b.functions().store.list()).toEqual(a.functions().store.list());
    const { functions: _gone, ...older } = snap.services;
    b.emulator.restore({ ...snap, services: older });
    expect(b.functions().store.list()).toEqual([]);
    expect(() => b.emulator.restore({ ...snap, services: { ...snap.services, functions: { version: 9 } } })).toThrow(
      'unsupported emulator snapshot version "functions 9"',
    );
  });

  it("invokes through the host's runner with the function's source and timeout, by plain or $LATEST ARN", async () => {
    const calls: Array<[string, unknown, number]> = [];
    const { functions } = make({
      runTransform: async (source, event, timeoutMs) => {
        calls.push([source, event, timeoutMs]);
        return { records: [] };
      },
    });
    const { store, invoke } = functions();
    const { arn } = store.put({ name: 'upper', source: SOURCE, timeoutSeconds: 7 });
    await expect(invoke(arn, { records: [] })).resolves.toEqual({ records: [] });
    await invoke(`${arn}:$LATEST`, { n: 1 });
    expect(calls).toEqual([
      [SOURCE, { records: [] }, 7000],
      [SOURCE, { n: 1 }, 7000],
    ]);
    const missing = await invoke(`${arn}x`, {}).catch((e: unknown) => e);
    expect(missing).toBeInstanceOf(TransformFailure);
    expect((missing as TransformFailure).errorCode).toBe('Lambda.ResourceNotFoundException');
    // Another account's function of the same name is not this one.
    await expect(invoke('arn:aws:lambda:us-east-1:111111111111:function:upper', {})).rejects.toBeInstanceOf(TransformFailure);
  });

  it('fails an invocation when the host lent no runner', async () => {
    const { functions } = make();
    const { arn } = functions().store.put({ name: 'f', source: SOURCE });
    await expect(functions().invoke(arn, {})).rejects.toMatchObject({ errorCode: 'Lambda.FunctionError' });
  });
});
