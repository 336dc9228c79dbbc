import { describe, expect, it } from 'vitest';
import { jsonLookalikeProblem } from './jsonLookalike';

describe('jsonLookalikeProblem', () => {
  it('finds a trailing comma, placed at the brace that follows it', () => {
    expect(jsonLookalikeProblem('{ "a": 3, }')).toEqual({ message: 'Expected double-quoted property name', line: 1, column: 11 });
  });

  it('places a problem on a later line', () => {
    expect(jsonLookalikeProblem('{\n  "a": 1\n  "b": 2\n}')).toMatchObject({ line: 3, column: 3 });
  });

  it('reports a record cut short at its end', () => {
    expect(jsonLookalikeProblem('{"a": ')).toMatchObject({ message: 'Unexpected end of JSON input', line: 1, column: 6 });
  });

  it('accepts valid JSON, objects and arrays', () => {
    expect(jsonLookalikeProblem('{"sensorId": "sensor-1", "t": 3}\n')).toBeUndefined();
    expect(jsonLookalikeProblem('  [1, 2]')).toBeUndefined();
  });

  it('leaves records that do not look like JSON alone (CSV, plain text)', () => {
    expect(jsonLookalikeProblem('sensor-1,3,4')).toBeUndefined();
    expect(jsonLookalikeProblem('')).toBeUndefined();
  });
});
