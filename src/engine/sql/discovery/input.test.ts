import { describe, expect, it } from 'vitest';
import { discoverSchema, type InputSchema } from './discover';
import { compileInputParser, parseJsonPath } from './input';

const json = (columns: [string, string, string?][]): InputSchema => ({
  RecordFormat: { RecordFormatType: 'JSON', MappingParameters: { JSONMappingParameters: { RecordRowPath: '$' } } },
  RecordEncoding: 'UTF-8',
  RecordColumns: columns.map(([Name, SqlType, Mapping]) => ({ Name, SqlType, Mapping: Mapping ?? `$.${Name}` })),
});

const csv = (types: string[], delimiter = ','): InputSchema => ({
  RecordFormat: { RecordFormatType: 'CSV', MappingParameters: { CSVMappingParameters: { RecordRowDelimiter: '\n', RecordColumnDelimiter: delimiter } } },
  RecordColumns: types.map((SqlType, i) => ({ Name: `COL_${i}`, SqlType })),
});

const ts = (iso: string) => Date.parse(iso + 'Z');

describe('JSON records', () => {
  it('parses a workshop sensor record with its discovered schema', () => {
    const rec = '{"sensorId": "sensor-7", "eventTimeStamp": "1511254800123", "ambientTemp": -12, "measuredTemp": 88}';
    const parse = compileInputParser(discoverSchema([rec]));
    expect(parse(rec)).toEqual(['sensor-7', '1511254800123', -12, 88]);
  });

  it('follows nested and indexed JSONPath mappings; missing fields are NULL', () => {
    const parse = compileInputParser(json([['lat', 'DOUBLE', '$.geo.lat'], ['first', 'VARCHAR(4)', '$.tags[0]'], ['q', 'INTEGER', "$['odd key']"], ['gone', 'INTEGER', '$.a.b.c']]));
    expect(parse('{"geo": {"lat": 1.5}, "tags": ["ab", "cd"], "odd key": 3}')).toEqual([1.5, 'ab', 3, null]);
  });

  it('converts JSON values per the documented rules', () => {
    const parse = compileInputParser(
      json([
        ['i', 'INTEGER'],
        ['b', 'BOOLEAN'],
        ['b2', 'BOOLEAN'],
        ['s', 'VARCHAR(3)'],
        ['c', 'CHAR(4)'],
        ['d', 'DECIMAL(5,2)'],
        ['t', 'TIMESTAMP'],
        ['dt', 'DATE'],
        ['o', 'VARCHAR(32)'],
        ['n', 'DOUBLE'],
        ['x', 'VARBINARY(4)'],
      ]),
    );
    expect(parse('{"i": true, "b": 0, "b2": "TRUE", "s": "abcdef", "c": 5, "d": "1.005", "t": "1992-02-14 18:35:44.0", "dt": "1992-02-14", "o": {"k": [1]}, "n": null, "x": "X\'3F67\'"}')).toEqual([
      1,
      false,
      true,
      'abc',
      '5   ',
      1.01,
      ts('1992-02-14T18:35:44'),
      ts('1992-02-14T00:00:00'),
      '{"k":[1]}',
      null,
      new Uint8Array([0x3f, 0x67]),
    ]);
    // A string other than "true" is FALSE, not an error.
    expect(parse('{"b2": "yes"}')).toEqual([null, null, false, null, null, null, null, null, null, null, null]);
  });

  it('a number that does not fit an integer column is a coercion error', () => {
    const parse = compileInputParser(json([['a', 'VARCHAR(4)'], ['n', 'INTEGER']]));
    expect(parse('{"a": "x", "n": 123.4}')).toEqual({ error: 'Cannot convert 123.4 to INTEGER in column "n"' });
    expect(parse('{"n": 3000000000}')).toEqual({ error: 'Cannot convert 3000000000 to INTEGER in column "n"' });
    expect(parse('{"n": "AMZN"}')).toEqual({ error: 'Cannot convert \'AMZN\' to INTEGER in column "n"' });
    expect(compileInputParser(json([['t', 'TINYINT']]))('{"t": 200}')).toEqual({ error: 'Cannot convert 200 to TINYINT in column "t"' });
  });

  it('datetimes from numbers or bad text are coercion errors', () => {
    const parse = compileInputParser(json([['t', 'TIMESTAMP']]));
    expect(parse('{"t": 1511254800000}')).toEqual({ error: 'Cannot convert 1511254800000 to TIMESTAMP in column "t"' });
    expect(parse('{"t": "yesterday"}')).toEqual({ error: 'Cannot convert \'yesterday\' to TIMESTAMP in column "t"' });
  });

  it('a record that is not JSON, or not an object, is an error', () => {
    const parse = compileInputParser(json([['a', 'INTEGER']]));
    const r = parse('{"a": 1');
    expect('error' in r && r.error.startsWith('Unable to parse the record as JSON: ')).toBe(true);
    expect(parse('42')).toEqual({ error: "The record has no JSON object at RecordRowPath '$'" });
  });
});

describe('CSV records', () => {
  it('splits by the column delimiter and converts each field', () => {
    const parse = compileInputParser(csv(['VARCHAR(8)', 'INTEGER', 'DOUBLE', 'BOOLEAN', 'TIMESTAMP']));
    expect(parse('AMZN,12,1.5,true,2017-11-21 09:00:00\n')).toEqual(['AMZN', 12, 1.5, true, ts('2017-11-21T09:00:00')]);
  });

  it('missing trailing fields and empty non-character fields are NULL; extra fields are ignored', () => {
    const parse = compileInputParser(csv(['VARCHAR(8)', 'INTEGER', 'INTEGER']));
    expect(parse('a,,')).toEqual(['a', null, null]);
    expect(parse('a')).toEqual(['a', null, null]);
    expect(parse(',1,2,3,4')).toEqual(['', 1, 2]);
  });

  it('handles quoted fields and other delimiters', () => {
    expect(compileInputParser(csv(['VARCHAR(8)', 'INTEGER']))('"x, ""y""",7')).toEqual(['x, "y"', 7]);
    expect(compileInputParser(csv(['VARCHAR(8)', 'INTEGER'], '|'))('ab|7')).toEqual(['ab', 7]);
  });

  it('a field that cannot convert is a coercion error naming the column', () => {
    const parse = compileInputParser(csv(['VARCHAR(8)', 'INTEGER']));
    expect(parse('a,b')).toEqual({ error: 'Cannot convert \'b\' to INTEGER in column "COL_1"' });
  });
});

describe('parseJsonPath', () => {
  it('reads dotted, bracketed and indexed steps', () => {
    expect(parseJsonPath('$')).toEqual([]);
    expect(parseJsonPath('$.a.b')).toEqual(['a', 'b']);
    expect(parseJsonPath("$['a b'][2].c")).toEqual(['a b', 2, 'c']);
  });
  it('rejects what it does not support', () => {
    expect(() => parseJsonPath('a.b')).toThrow("Unsupported JSONPath 'a.b': it must start with '$'");
    expect(() => parseJsonPath('$.a[*]')).toThrow("Unsupported JSONPath '$.a[*]'");
  });
});
