import { gzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { asText, buildPreview, gunzipPart, hexDump, recordColumns, splitConcatenatedJson, textBody } from './objectPreview';

const utf8 = (s: string) => new TextEncoder().encode(s);
const whole = (key: string, bytes: Uint8Array, contentType?: string) => buildPreview({ key, bytes, size: bytes.length, contentType });

describe('splitting JSON values written back to back', () => {
  it('splits objects with no delimiter, as Firehose writes them', () => {
    expect(splitConcatenatedJson('{"a":1}{"a":2}{"a":3}')).toEqual({ values: ['{"a":1}', '{"a":2}', '{"a":3}'], rest: '' });
  });

  it('splits newline-separated records and scalars, and minds braces inside strings', () => {
    expect(splitConcatenatedJson('{"s":"}{\\"x"}\n[1,{"b":[2]}]\n42 true "q}"')).toEqual({
      values: ['{"s":"}{\\"x"}', '[1,{"b":[2]}]', '42', 'true', '"q}"'],
      rest: '',
    });
  });

  it('keeps a value cut off at the end apart, and refuses what is not JSON', () => {
    expect(splitConcatenatedJson('{"a":1}{"a":')).toEqual({ values: ['{"a":1}'], rest: '{"a":' });
    expect(splitConcatenatedJson('a,b,c')).toBeUndefined();
    expect(splitConcatenatedJson('}{')).toBeUndefined();
  });
});

describe('previews', () => {
  it('shows one JSON document pretty-printed', () => {
    const p = whole('data.json', utf8('{"sensorId":"sensor-1","temp":20}'));
    expect(p.body).toEqual({ kind: 'json', text: '{"sensorId":"sensor-1","temp":20}', pretty: '{\n  "sensorId": "sensor-1",\n  "temp": 20\n}' });
    expect(p.truncated).toBe(false);
  });

  it('shows Firehose JSON records one per row, their fields as columns', () => {
    const p = whole('2026/12/02/10/to-s3-1-2026-12-02-10-59-36-id', utf8('{"a":1,"b":"x"}{"a":2,"c":[1]}'));
    expect(p.body.kind).toBe('json-records');
    if (p.body.kind !== 'json-records') return;
    expect(p.body.records.map((r) => r.value)).toEqual([{ a: 1, b: 'x' }, { a: 2, c: [1] }]);
    expect(p.body.columns).toEqual(['a', 'b', 'c']);
  });

  it('reads headerless CSV with no extension as a table (an analytics output object)', () => {
    const p = whole('2026/12/02/10/out-1-x', utf8('2026-12-02 10:59:01.000,sensor-1,20.00,45.00\n2026-12-02 10:59:02.000,"sensor,2",21.00,50.00\n'));
    expect(p.body).toMatchObject({
      kind: 'csv',
      columns: 4,
      rows: [
        ['2026-12-02 10:59:01.000', 'sensor-1', '20.00', '45.00'],
        ['2026-12-02 10:59:02.000', 'sensor,2', '21.00', '50.00'],
      ],
    });
  });

  it('leaves prose with commas as text, and takes a .csv name at its word', () => {
    expect(textBody('Hello, world.\nThis is a note\n', 'note.txt', 'text/plain', false).kind).toBe('text');
    expect(textBody('one\ntwo\n', 'list.csv', undefined, false)).toMatchObject({ kind: 'csv', rows: [['one'], ['two']] });
  });

  it('unpacks GZIP (by its magic bytes, whatever the name) and previews what is inside', () => {
    const gz = gzipSync(utf8('{"x":1}{"x":2}'));
    const p = whole('2026/12/02/10/gz-1-x.gz', gz);
    expect(p.gzip).toBe(true);
    expect(p.body.kind).toBe('json-records');
    expect(whole('no-extension', gzipSync(utf8('a,b\nc,d\n'))).body).toMatchObject({ kind: 'csv', rows: [['a', 'b'], ['c', 'd']] });
  });

  it('unpacks the start of a GZIP object read in part', () => {
    const text = Array.from({ length: 5000 }, (_, i) => `${i},sensor-${i % 97},${(i * 7919) % 1000}`).join('\n') + '\n';
    const gz = gzipSync(utf8(text));
    const part = gunzipPart(gz.subarray(0, 20_000), false);
    expect(part.data.length).toBeGreaterThan(10_000);
    expect(new TextDecoder().decode(part.data)).toBe(text.slice(0, part.data.length));
    const p = buildPreview({ key: 'x.csv.gz', bytes: gz.subarray(0, 20_000), size: gz.length });
    expect(p.truncated).toBe(true);
    expect(p.notice).toMatch(/^Showing the first 19\.5 KiB of/);
    expect(p.body.kind).toBe('csv');
    if (p.body.kind === 'csv') expect(p.body.rows.every((r) => r.length === 3)).toBe(true);
  });

  it('says when only the start of an object is shown, and drops the cut-off record', () => {
    const p = buildPreview({ key: 'k', bytes: utf8('{"a":1}{"a":2}{"a"'), size: 2 * 1024 * 1024 });
    expect(p.truncated).toBe(true);
    expect(p.notice).toBe('Showing the first 18 bytes of 2 MiB. Download the object to see all of it.');
    expect(p.body.kind === 'json-records' && p.body.records.length).toBe(2);
  });

  it('shows binary data as a hex dump', () => {
    const bytes = Uint8Array.from([0x00, 0x01, 0x41, 0x42, 0xff, ...Array(15).fill(0x2e)]);
    const p = whole('blob.bin', bytes);
    expect(p.body.kind).toBe('binary');
    expect(hexDump(bytes)).toBe(
      '00000000  00 01 41 42 ff 2e 2e 2e  2e 2e 2e 2e 2e 2e 2e 2e  |..AB............|\n' +
        '00000010  2e 2e 2e 2e                                       |....|',
    );
    expect(whole('empty.txt', new Uint8Array()).body.kind).toBe('empty');
  });

  it('tells text from binary, keeping a character cut at the end of a partial read', () => {
    expect(asText(utf8('héllo\tworld\n'))).toBe('héllo\tworld\n');
    expect(asText(utf8('hé').subarray(0, 2))).toBe('h');
    expect(asText(Uint8Array.from([0x68, 0x00, 0x69]))).toBeUndefined();
    expect(asText(Uint8Array.from([0xff, 0xfe]))).toBeUndefined();
  });

  it('gives record columns only when every record is an object', () => {
    expect(recordColumns([{ source: '1', value: 1 }])).toEqual([]);
    expect(recordColumns([{ source: '', value: { a: 1 } }, { source: '', value: { b: 2 } }])).toEqual(['a', 'b']);
  });
});
