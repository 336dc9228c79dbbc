import { describe, expect, it } from 'vitest';
import { VirtualClock } from '../../common/clock';
import { SeededRng } from '../../common/rng';
import { compileTemplate } from './compiler';
import { jsonLookalikeProblem, templatePlaceOf } from './jsonLookalike';
import { TemplateRenderer } from './renderer';

describe('jsonLookalikeProblem', () => {
  it('finds a trailing comma, placed at the brace that follows it', () => {
    expect(jsonLookalikeProblem('{ "a": 3, }')).toEqual({ message: 'Expected double-quoted property name', line: 1, column: 11, offset: 10 });
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

describe('templatePlaceOf', () => {
  /** The template place of the JSON problem in the template's first record. */
  const placeOfProblem = (source: string) => {
    const { record, values } = new TemplateRenderer(compileTemplate(source), { clock: new VirtualClock(0), rng: new SeededRng(1) }).renderTraced();
    const problem = jsonLookalikeProblem(record);
    if (!problem) throw new Error(`no problem in ${record}`);
    const { line, column } = templatePlaceOf(source, values, problem.offset);
    return { line, column };
  };

  it('maps literal text after helpers back to its place in the template', () => {
    // record: { "a": 57, } -> the problem is the "}" after the comma
    expect(placeOfProblem('{ "a": {{random.number(100)}}, }')).toEqual({ line: 1, column: 32 });
  });

  it('skips the line breaks and the leading blank the compiler drops', () => {
    expect(placeOfProblem('\n  {\n  "a": "{{random.uuid}}",\n  "b": 1,\n}\n')).toEqual({ line: 5, column: 1 });
  });

  it('maps a problem inside a helper\'s output to the helper\'s name', () => {
    // record {"a": 1 2}: the problem is the 2 that the helper wrote
    expect(placeOfProblem('{"a": {{random.arrayElement(["1 2"])}}}')).toEqual({ line: 1, column: 9 });
  });

  it('maps the end of a record cut short to just after its last character', () => {
    expect(placeOfProblem('{"a": {{random.number(9)}},  \n')).toEqual({ line: 1, column: 28 });
  });
});
