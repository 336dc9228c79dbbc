import { describe, expect, it } from 'vitest';
import { AwsError } from '../../common/errors';
import { columnName, discoverSchema, parseSqlType, varcharLength } from './discover';

/** Records as the workshop's KDG template (Activity 1-C) renders them. */
const SENSOR_RECORDS = [
  '{"sensorId": "sensor-7", "eventTimeStamp": "1511254800123", "ambientTemp": -12, "measuredTemp": 88}',
  '{"sensorId": "sensor-100", "eventTimeStamp": "1511254800456", "ambientTemp": 60, "measuredTemp": 0}',
  '{"sensorId": "sensor-42", "eventTimeStamp": "1511254801001", "ambientTemp": 23, "measuredTemp": 41}',
];

describe('discoverSchema on JSON records', () => {
  it("infers the workshop's sensor schema: names kept, $.field mappings, VARCHAR(16) and INTEGER", () => {
    expect(discoverSchema(SENSOR_RECORDS)).toEqual({
      RecordFormat: { RecordFormatType: 'JSON', MappingParameters: { JSONMappingParameters: { RecordRowPath: '$' } } },
      RecordEncoding: 'UTF-8',
      RecordColumns: [
        { Name: 'sensorId', SqlType: 'VARCHAR(16)', Mapping: '$.sensorId' },
        { Name: 'eventTimeStamp', SqlType: 'VARCHAR(16)', Mapping: '$.eventTimeStamp' },
        { Name: 'ambientTemp', SqlType: 'INTEGER', Mapping: '$.ambientTemp' },
        { Name: 'measuredTemp', SqlType: 'INTEGER', Mapping: '$.measuredTemp' },
      ],
    });
  });

  it('accepts records as bytes', () => {
    const bytes = SENSOR_RECORDS.map((r) => new TextEncoder().encode(r));
    expect(discoverSchema(bytes).RecordColumns.map((c) => c.Name)).toEqual(['sensorId', 'eventTimeStamp', 'ambientTemp', 'measuredTemp']);
  });

  it('widens numbers over all samples: INTEGER, BIGINT, DOUBLE', () => {
    const cols = discoverSchema([
      '{"a": 1, "b": 1, "c": 1, "d": true}',
      '{"a": 2, "b": 3000000000, "c": 1.5, "d": false}',
    ]).RecordColumns;
    expect(cols.map((c) => c.SqlType)).toEqual(['INTEGER', 'BIGINT', 'DOUBLE', 'BOOLEAN']);
  });

  it('stock ticker records give the AWS demo names and string sizes', () => {
    const cols = discoverSchema([
      '{"TICKER_SYMBOL": "AMZN", "SECTOR": "TECHNOLOGY", "CHANGE": -0.78, "PRICE": 120.38}',
      '{"TICKER_SYMBOL": "QXZ", "SECTOR": "FINANCIAL", "CHANGE": 1.5, "PRICE": 45}',
    ]).RecordColumns;
    expect(cols).toEqual([
      { Name: 'TICKER_SYMBOL', SqlType: 'VARCHAR(4)', Mapping: '$.TICKER_SYMBOL' },
      { Name: 'SECTOR', SqlType: 'VARCHAR(16)', Mapping: '$.SECTOR' },
      { Name: 'CHANGE', SqlType: 'DOUBLE', Mapping: '$.CHANGE' },
      { Name: 'PRICE', SqlType: 'DOUBLE', Mapping: '$.PRICE' },
    ]);
  });

  it('flattens nested objects into $.a.b columns and keeps arrays as text', () => {
    const cols = discoverSchema(['{"id": 1, "geo": {"lat": 47.6, "lon": -122.3}, "tags": ["a", "bb"]}']).RecordColumns;
    expect(cols).toEqual([
      { Name: 'id', SqlType: 'INTEGER', Mapping: '$.id' },
      { Name: 'lat', SqlType: 'DOUBLE', Mapping: '$.geo.lat' },
      { Name: 'lon', SqlType: 'DOUBLE', Mapping: '$.geo.lon' },
      { Name: 'tags', SqlType: 'VARCHAR(16)', Mapping: '$.tags' },
    ]);
  });

  it('tells apart nested fields with the same key by their path', () => {
    const cols = discoverSchema(['{"src": {"ip": "10.0.0.1"}, "dst": {"ip": "10.0.0.2"}}']).RecordColumns;
    expect(cols.map((c) => [c.Name, c.Mapping])).toEqual([
      ['src_ip', '$.src.ip'],
      ['dst_ip', '$.dst.ip'],
    ]);
  });

  it('renames reserved words and invalid identifiers with COL_', () => {
    const cols = discoverSchema(['{"USER": "x", "year": 2017, "USER@DOMAIN": "y", "@@": "z", "1st": 1, "my key": 2}']).RecordColumns;
    expect(cols.map((c) => [c.Name, c.Mapping])).toEqual([
      ['COL_USER', '$.USER'],
      ['COL_year', '$.year'],
      ['COL_USERDOMAIN', "$['USER@DOMAIN']"],
      ['COL_3', "$['@@']"],
      ['COL_1st', "$['1st']"],
      ['COL_mykey', "$['my key']"],
    ]);
  });

  it('infers TIMESTAMP for text in the form KDA converts, VARCHAR otherwise', () => {
    const cols = discoverSchema([
      '{"t": "2017-11-21 09:00:00.000", "iso": "2017-11-21T09:00:00Z", "n": null}',
      '{"t": "2017-11-21 09:00:01", "iso": "2017-11-21T09:00:01Z", "n": null}',
    ]).RecordColumns;
    expect(cols.map((c) => c.SqlType)).toEqual(['TIMESTAMP', 'VARCHAR(32)', 'VARCHAR(4)']);
  });

  it('columns missing from some records are still discovered, in first-seen order', () => {
    const cols = discoverSchema(['{"a": 1}', '{"b": "x", "a": 2}']).RecordColumns;
    expect(cols.map((c) => c.Name)).toEqual(['a', 'b']);
  });
});

describe('discoverSchema on CSV records', () => {
  it("reads a header line as in AWS's static-data example (reserved names prefixed, header not sized)", () => {
    const file =
      'year,month,state,producer_type,energy_source,units,consumption\r\n' +
      '2001,1,AK,TotalElectricPowerIndustry,Coal,ShortTons,47615\r\n' +
      '2001,1,AK,ElectricGeneratorsElectricUtilities,Coal,ShortTons,16535\r\n' +
      '2001,1,AK,CombinedHeatandPowerElectricPower,Coal,ShortTons,22890\r\n' +
      '2001,1,AL,TotalElectricPowerIndustry,Coal,ShortTons,3020601\r\n' +
      '2001,1,AL,ElectricGeneratorsElectricUtilities,Coal,ShortTons,2987681';
    expect(discoverSchema([file])).toEqual({
      RecordFormat: {
        RecordFormatType: 'CSV',
        MappingParameters: { CSVMappingParameters: { RecordRowDelimiter: '\r\n', RecordColumnDelimiter: ',' } },
      },
      RecordEncoding: 'UTF-8',
      RecordColumns: [
        { Name: 'COL_year', SqlType: 'INTEGER' },
        { Name: 'COL_month', SqlType: 'INTEGER' },
        { Name: 'state', SqlType: 'VARCHAR(4)' },
        { Name: 'producer_type', SqlType: 'VARCHAR(64)' },
        { Name: 'energy_source', SqlType: 'VARCHAR(4)' },
        { Name: 'units', SqlType: 'VARCHAR(16)' },
        { Name: 'consumption', SqlType: 'INTEGER' },
      ],
    });
  });

  it('without a header, columns are named COL_0, COL_1, ... and Mapping is absent', () => {
    const schema = discoverSchema(['sensor-1,12.5,true\n', 'sensor-22,-3,false\n']);
    expect(schema.RecordFormat.MappingParameters).toEqual({ CSVMappingParameters: { RecordRowDelimiter: '\n', RecordColumnDelimiter: ',' } });
    expect(schema.RecordColumns).toEqual([
      { Name: 'COL_0', SqlType: 'VARCHAR(16)' },
      { Name: 'COL_1', SqlType: 'DOUBLE' },
      { Name: 'COL_2', SqlType: 'BOOLEAN' },
    ]);
  });

  it('an all-text first row over all-text data is data, not a header', () => {
    const cols = discoverSchema(['name,city', 'ann,paris', 'bob,rome']).RecordColumns;
    expect(cols.map((c) => c.Name)).toEqual(['COL_0', 'COL_1']);
  });

  it('detects tab-separated records and quoted fields', () => {
    const schema = discoverSchema(['a\t1\n', 'b\t2\n']);
    expect(schema.RecordFormat.MappingParameters?.CSVMappingParameters?.RecordColumnDelimiter).toBe('\t');
    const quoted = discoverSchema(['"x, y",1', '"z",2']);
    expect(quoted.RecordColumns.map((c) => c.SqlType)).toEqual(['VARCHAR(4)', 'INTEGER']);
  });
});

describe('discoverSchema errors', () => {
  it('no records is UnableToDetectSchemaException', () => {
    let err: unknown;
    try {
      discoverSchema(['', '  ']);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(AwsError);
    expect((err as AwsError).code).toBe('UnableToDetectSchemaException');
  });
});

describe('naming and sizing helpers', () => {
  it('columnName follows the documented examples', () => {
    expect(columnName('USER', 0)).toBe('COL_USER');
    expect(columnName('USER@DOMAIN', 0)).toBe('COL_USERDOMAIN');
    expect(columnName('@@', 0)).toBe('COL_0');
    expect(columnName('sensorId', 0)).toBe('sensorId');
    expect(columnName('a'.repeat(120), 0)).toBe('COL_' + 'a'.repeat(96));
  });
  it('varcharLength rounds up to a power of two, at least 4', () => {
    expect([0, 1, 4, 5, 9, 16, 17, 35].map(varcharLength)).toEqual([4, 4, 4, 8, 16, 16, 32, 64]);
  });
});

describe('parseSqlType', () => {
  it('reads the type names of RecordColumns', () => {
    expect(parseSqlType('VARCHAR(16)')).toEqual({ kind: 'VARCHAR', length: 16 });
    expect(parseSqlType('varchar (8)')).toEqual({ kind: 'VARCHAR', length: 8 });
    expect(parseSqlType('DOUBLE')).toEqual({ kind: 'DOUBLE' });
    expect(parseSqlType('DOUBLE PRECISION')).toEqual({ kind: 'DOUBLE' });
    expect(parseSqlType('DECIMAL(8,2)')).toEqual({ kind: 'DECIMAL', precision: 8, scale: 2 });
    expect(parseSqlType('NUMERIC(5)')).toEqual({ kind: 'DECIMAL', precision: 5, scale: 0 });
    expect(parseSqlType('TIMESTAMP')).toEqual({ kind: 'TIMESTAMP' });
    expect(parseSqlType('INT')).toEqual({ kind: 'INTEGER' });
    expect(parseSqlType('CHAR')).toEqual({ kind: 'CHAR', length: 1 });
    expect(parseSqlType('BINARY(4)')).toEqual({ kind: 'VARBINARY', length: 4 });
    expect(parseSqlType('TINYINT')).toEqual({ kind: 'TINYINT' });
  });
  it('rejects unknown types and bad lengths', () => {
    expect(() => parseSqlType('STRING')).toThrow("Unknown SQL type 'STRING'");
    expect(() => parseSqlType('VARCHAR')).toThrow("SQL type VARCHAR needs one length: 'VARCHAR'");
    expect(() => parseSqlType('VARCHAR(0)')).toThrow('out of range');
    expect(() => parseSqlType('INTEGER(4)')).toThrow('takes no length');
    expect(() => parseSqlType('DECIMAL(30,2)')).toThrow('Invalid precision or scale');
  });
});
