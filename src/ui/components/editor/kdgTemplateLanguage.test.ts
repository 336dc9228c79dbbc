import { describe, expect, it } from 'vitest';
import {
  completionSpot,
  helperCompletions,
  helperMarkdown,
  nameAt,
  namespaceCompletions,
  problemRange,
  templateMarkers,
  type TemplateHelper,
} from './kdgTemplateLanguage';

const helpers: TemplateHelper[] = [
  { name: 'random.number', params: 'max | {"min","max"}', summary: 'A number', example: '{{random.number({"min":0,"max":100})}}', exampleArgs: '{"min":0,"max":100}' },
  { name: 'random.uuid', summary: 'A UUID', example: '{{random.uuid}}' },
  { name: 'date.now', params: 'format', summary: 'The time', example: '{{date.now("YYYY")}}', exampleArgs: '"YYYY"' },
];

describe('completionSpot: what the cursor is typing', () => {
  it('offers namespaces right after {{, with or without a started name', () => {
    expect(completionSpot('{"a": {{')).toEqual({ kind: 'namespace', partial: '' });
    expect(completionSpot('{"a": {{ ran')).toEqual({ kind: 'namespace', partial: 'ran' });
  });

  it('offers the helpers of a namespace after its dot', () => {
    expect(completionSpot('{"a": {{random.')).toEqual({ kind: 'helper', namespace: 'random', partial: '' });
    expect(completionSpot('x,{{random.num')).toEqual({ kind: 'helper', namespace: 'random', partial: 'num' });
  });

  it('offers names for nested calls in the arguments, not inside a string argument', () => {
    expect(completionSpot('{{var.set("id", random.')).toEqual({ kind: 'helper', namespace: 'random', partial: '' });
    expect(completionSpot('{{date.now("YYYY, random.')).toBeUndefined();
  });

  it('offers nothing in literal text or after a closed tag', () => {
    expect(completionSpot('{"a": random.')).toBeUndefined();
    expect(completionSpot('{{random.uuid}} random.')).toBeUndefined();
    expect(completionSpot('{"a": {{random.number(5')).toBeUndefined();
  });
});

describe('completion items from the helper catalogue', () => {
  it('lists each namespace once with its helper count, and reopens the list on it', () => {
    expect(namespaceCompletions(helpers).map((c) => [c.label, c.insertText, c.detail, c.retrigger])).toEqual([
      ['random', 'random.', '2 helpers', true],
      ['date', 'date.', '1 helper', true],
    ]);
  });

  it('lists every helper of the namespace, filtered on the method, with the signature and the example', () => {
    const items = helperCompletions(helpers, 'random', false);
    expect(items.map((c) => [c.label, c.filterText, c.detail])).toEqual([
      ['random.number', 'number', 'random.number(max | {"min","max"})'],
      ['random.uuid', 'uuid', 'random.uuid'],
    ]);
    expect(items[0].documentation).toContain('A number');
    expect(items[0].documentation).toContain('Example: `{{random.number({"min":0,"max":100})}}`');
  });

  it('inserts the example arguments as a placeholder, escaped for snippet syntax, and closes an open tag', () => {
    const [number, uuid] = helperCompletions(helpers, 'random', true);
    expect(number.insertText).toBe('number(${1:{"min":0,"max":100\\}})}}');
    expect(uuid.insertText).toBe('uuid}}');
    expect(helperCompletions(helpers, 'date', false)[0].insertText).toBe('now(${1:"YYYY"})');
  });
});

describe('hover', () => {
  it('finds the dotted name under the cursor', () => {
    const line = '{"a": {{random.number(5)}}, "b": "{{date.now}}"}';
    expect(nameAt(line, 10)).toEqual({ name: 'random.number', start: 9, end: 22 });
    expect(nameAt(line, 3)).toBeUndefined();
  });

  it('shows the signature, the summary and an example', () => {
    expect(helperMarkdown(helpers[0])).toBe('```\nrandom.number(max | {"min","max"})\n```\n\nA number\n\nExample: `{{random.number({"min":0,"max":100})}}`');
  });
});

describe('markers', () => {
  const source = '{\n  "a": {{random.nope}},\n  "b": {{ date.now(\n}';

  it('spans the helper name an error points at', () => {
    expect(problemRange(source, 2, 10)).toEqual({ startLineNumber: 2, startColumn: 10, endLineNumber: 2, endColumn: 21 });
  });

  it('spans the {{ of a tag, or one character elsewhere', () => {
    expect(problemRange(source, 3, 8)).toEqual({ startLineNumber: 3, startColumn: 8, endLineNumber: 3, endColumn: 10 });
    expect(problemRange(source, 3, 20)).toEqual({ startLineNumber: 3, startColumn: 20, endLineNumber: 3, endColumn: 21 });
    expect(problemRange(source, 4, 1)).toEqual({ startLineNumber: 4, startColumn: 1, endLineNumber: 4, endColumn: 2 });
  });

  it('makes errors of the problems and a warning of the JSON problem, only when the template compiles', () => {
    const error = { line: 2, column: 10, message: 'Unknown helper "random.nope"' };
    const warning = { line: 4, column: 1, message: 'Expected double-quoted property name' };
    expect(templateMarkers(source, [error], warning)).toEqual([
      { startLineNumber: 2, startColumn: 10, endLineNumber: 2, endColumn: 21, message: 'Unknown helper "random.nope"', severity: 'error' },
    ]);
    expect(templateMarkers(source, [], warning)).toEqual([
      { startLineNumber: 4, startColumn: 1, endLineNumber: 4, endColumn: 2, message: 'Expected double-quoted property name', severity: 'warning' },
    ]);
  });
});
