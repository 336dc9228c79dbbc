import { describe, expect, it } from 'vitest';
import type { StreamTail } from '../../engine/analytics/runtime';
import { deliveryStreamOfKey, findLine, lineFields, lineMatchScore, lineOfRow, linesOf, rowsForLine, rowsOfRecord, streamPath, timesInFields } from './follow';

const record = (seq: string) => ({ kind: 'record' as const, shardId: 'shardId-000000000001', sequenceNumber: seq, partitionKey: 'pk', arrival: 0, data: '{}' });
const filtered: StreamTail = {
  name: 'FILTERED_STREAM',
  columns: [
    { name: 'INGEST_TIME', type: 'TIMESTAMP' },
    { name: 'SENSOR_ID', type: 'VARCHAR' },
    { name: 'MEASURED_TEMP', type: 'DECIMAL' },
  ],
  from: ['CLEAN_IOT_STREAM'],
  total: 2,
  rows: [
    { seq: 1, rowtime: 0, values: ['2026-12-02 10:00:00.100', 'sensor-1', 51.5], origin: record('100') },
    { seq: 2, rowtime: 0, values: ['2026-12-02 10:00:00.200', 'sensor, "2"', 60], origin: record('200') },
  ],
};
const clean: StreamTail = { ...filtered, name: 'CLEAN_IOT_STREAM', from: ['SOURCE_SQL_STREAM_001'] };
const source: StreamTail = { ...filtered, name: 'SOURCE_SQL_STREAM_001', from: [] };

describe('following a record to S3 and back', () => {
  it('writes a row as the application writes it: CSV quoted where needed, JSON by column name', () => {
    expect(lineOfRow('CSV', filtered, filtered.rows[1])).toBe('2026-12-02 10:00:00.200,"sensor, ""2""",60');
    expect(lineOfRow('JSON', filtered, filtered.rows[0])).toBe('{"INGEST_TIME":"2026-12-02 10:00:00.100","SENSOR_ID":"sensor-1","MEASURED_TEMP":51.5}');
  });

  it('finds the line of an object holding a row, by content', () => {
    const text = '2026-12-02 10:00:00.050,sensor-9,70\n2026-12-02 10:00:00.100,sensor-1,51.5\n';
    const lines = linesOf('CSV', text);
    expect(findLine(lines, lineOfRow('CSV', filtered, filtered.rows[0]))).toEqual([2]);
    const json = '{"A":1}{"A":2}';
    expect(findLine(linesOf('JSON', json), '{"A":2}')).toEqual([2]);
  });

  it('says clearly when a row is not in an object: no line numbers', () => {
    expect(findLine(linesOf('CSV', '2026-12-02 10:00:00.050,sensor-9,70\n'), lineOfRow('CSV', filtered, filtered.rows[0]))).toEqual([]);
  });

  it('goes back from a stored line to the row written, and from it to its record', () => {
    const [row] = rowsForLine('CSV', filtered, '2026-12-02 10:00:00.100,sensor-1,51.5');
    expect(row.origin).toEqual(record('100'));
    expect(rowsForLine('CSV', filtered, 'no,such,line')).toEqual([]);
  });

  it('collects the rows of every stream made from one record', () => {
    expect(rowsOfRecord([source, clean, filtered], { shardId: 'shardId-000000000001', sequenceNumber: '200' }).map((s) => [s.stream, s.rows.map((r) => r.seq)])).toEqual([
      ['SOURCE_SQL_STREAM_001', [2]],
      ['CLEAN_IOT_STREAM', [2]],
      ['FILTERED_STREAM', [2]],
    ]);
    expect(rowsOfRecord([filtered], { shardId: 'shardId-000000000000', sequenceNumber: '200' })).toEqual([]);
  });

  it('walks the pumps back to the source stream', () => {
    expect(streamPath([source, clean, filtered], 'FILTERED_STREAM')).toEqual(['SOURCE_SQL_STREAM_001', 'CLEAN_IOT_STREAM', 'FILTERED_STREAM']);
  });

  it('reads the delivery stream from a Firehose key', () => {
    expect(deliveryStreamOfKey('out/2026/12/02/10/iot-s3-1-2026-12-02-10-00-05-abcd', ['iot', 'iot-s3'])).toBe('iot-s3');
    expect(deliveryStreamOfKey('notes.txt', ['iot'])).toBeUndefined();
  });

  describe('a stored line whose row is no longer kept, matched to its record by content', () => {
    const line = '"2026-12-02 12:20:26.265","sensor-5","2026-12-02T12:20",17.00,67.00,"2026-12-02 12:20:26.000"';
    const fields = lineFields('CSV', line);
    const times = timesInFields(fields);
    const arrival = Date.UTC(2026, 11, 2, 12, 20, 26, 265);
    const data = (sensor: string, ambient: number) =>
      JSON.stringify({ sensorId: sensor, eventTimeStamp: '2026-12-02T12:20', ambientTemp: ambient, measuredTemp: 67 });

    it('splits CSV fields as they were quoted, and JSON lines into their values', () => {
      expect(fields).toEqual(['2026-12-02 12:20:26.265', 'sensor-5', '2026-12-02T12:20', '17.00', '67.00', '2026-12-02 12:20:26.000']);
      expect(lineFields('CSV', 'a,"b,""c""",')).toEqual(['a', 'b,"c"', '']);
      expect(lineFields('JSON', '{"A":"x","B":2}')).toEqual(['x', '2']);
      expect(lineFields('JSON', 'not json')).toEqual([]);
    });

    it('reads the SQL timestamps in a line as UTC milliseconds', () => {
      expect(times).toEqual([arrival, Date.UTC(2026, 11, 2, 12, 20, 26)]);
    });

    it('scores the record whose values and arrival the line holds above one that only shares them, and refuses a stranger', () => {
      expect(lineMatchScore({ data: data('sensor-5', 17), arrival }, fields, times)).toBe(6);
      expect(lineMatchScore({ data: data('sensor-5', 17), arrival: arrival + 1 }, fields, times)).toBe(4);
      expect(lineMatchScore({ data: data('sensor-9', 30), arrival }, fields, times)).toBe(0);
      expect(lineMatchScore({ data: 'plain text', arrival }, fields, times)).toBe(0);
    });
  });
});
