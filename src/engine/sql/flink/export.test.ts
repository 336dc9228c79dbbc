import { readFileSync } from 'node:fs';
import { FlinkSQL } from 'dt-sql-parser';
import { describe, expect, it } from 'vitest';
import { discoverSchema, type InputSchema } from '../discovery/discover';
import { parseInputLines } from '../headless';
import { exportFlinkSql, type FlinkExportOptions } from './export';

const golden = (dir: string, file: string) => readFileSync(new URL(`../golden/${dir}/${file}`, import.meta.url), 'utf8');
/** The schema DiscoverInputSchema gives for a golden case's records. */
const discovered = (dir: string): InputSchema =>
  discoverSchema(parseInputLines(golden(dir, 'input.jsonl')).map((r) => (typeof r.data === 'string' ? r.data : JSON.stringify(r.data))));

const SENSOR_SCHEMA: InputSchema = {
  RecordFormat: { RecordFormatType: 'JSON', MappingParameters: { JSONMappingParameters: { RecordRowPath: '$' } } },
  RecordEncoding: 'UTF-8',
  RecordColumns: [
    { Name: 'sensorId', SqlType: 'VARCHAR(16)', Mapping: '$.sensorId' },
    { Name: 'eventTimeStamp', SqlType: 'VARCHAR(32)', Mapping: '$.eventTimeStamp' },
    { Name: 'ambientTemp', SqlType: 'INTEGER', Mapping: '$.ambientTemp' },
    { Name: 'measuredTemp', SqlType: 'INTEGER', Mapping: '$.measuredTemp' },
  ],
};

const base = (schema: InputSchema, more: Partial<FlinkExportOptions> = {}): FlinkExportOptions => ({
  source: { kind: 'kinesis', name: 'input-stream' },
  region: 'us-east-1',
  schema,
  ...more,
});

const flink = new FlinkSQL();
/** Flink SQL syntax errors of a script (dt-sql-parser's Flink grammar), as `line:column message`. */
const syntaxErrors = (script: string) => flink.validate(script).map((e) => `${e.startLine}:${e.startColumn} ${e.message}`);

/** Exports, checks the script parses as Flink SQL, and compares it with its snapshot file. */
const exported = async (name: string, sql: string, opts: FlinkExportOptions) => {
  const out = exportFlinkSql(sql, opts);
  expect(syntaxErrors(out.script)).toEqual([]);
  await expect(out.script).toMatchFileSnapshot(`__snapshots__/${name}.flink.sql`);
  return out;
};

describe('exportFlinkSql: the workshop and the scenarios', () => {
  it('the workshop: DEDUP_PUMP as deduplication over one-second windows, FILTER_PUMP to Firehose, AGGREGATE_PUMP as a TUMBLE window', async () => {
    const out = await exported('workshop', golden('workshop_activity2', 'app.sql'), {
      ...base(SENSOR_SCHEMA, { applicationName: 'sensor-analytics' }),
      source: { kind: 'kinesis', name: 'sensor-stream' },
      outputs: [{ stream: 'FILTERED_STREAM', to: { kind: 'firehose', name: 'filtered-iot-data' }, format: 'CSV' }],
    });
    const s = out.script;
    expect(s).toContain("'connector' = 'kinesis',\n  'stream' = 'sensor-stream',\n  'aws.region' = 'us-east-1',\n  'scan.stream.initpos' = 'LATEST',\n  'format' = 'json'");
    expect(s).toContain('WATERMARK FOR `ROWTIME` AS `ROWTIME` - INTERVAL \'1\' SECOND');
    expect(s).toContain('`proc_time` AS PROCTIME()');
    // CLEAN_IOT_STREAM is read by two pumps: a view; FILTERED_STREAM goes to Firehose; AGGREGATE_STREAM is printed.
    expect(s).toContain('CREATE TEMPORARY VIEW `CLEAN_IOT_STREAM` AS');
    expect(s).toContain("CREATE TABLE `FILTERED_STREAM` (\n  `INGEST_TIME` TIMESTAMP(3),");
    expect(s).toContain("'connector' = 'firehose',\n  'delivery-stream' = 'filtered-iot-data',\n  'aws.region' = 'us-east-1',\n  'format' = 'csv'");
    expect(s).toMatch(/CREATE TABLE `AGGREGATE_STREAM` \([^;]*'connector' = 'print'/);
    expect(s).toContain("ROW_NUMBER() OVER (PARTITION BY `INGEST_TIME`, `SENSOR_ID`, `EVENT_TIMESTAMP`, `AMBIENT_TEMP`, `MEASURED_TEMP`, `DEDUP_WINDOW` ORDER BY `proc_time`) AS `row_num`");
    expect(s).toContain("FROM TABLE(TUMBLE(TABLE `SOURCE_SQL_STREAM_001`, DESCRIPTOR(`ROWTIME`), INTERVAL '1' SECOND))");
    expect(s).toContain("FROM TABLE(TUMBLE(TABLE `CLEAN_IOT_STREAM`, DESCRIPTOR(`ROWTIME`), INTERVAL '10' SECOND))");
    expect(s).toContain('GROUP BY `window_start`, `window_end`, `SENSOR_ID`');
    expect(s).toContain('WHERE ABS(`MEASURED_TEMP` - `AMBIENT_TEMP`) > 20');
    expect(s).toMatch(/EXECUTE STATEMENT SET\nBEGIN\n[\s\S]*INSERT INTO `FILTERED_STREAM`[\s\S]*INSERT INTO `AGGREGATE_STREAM`[\s\S]*END;/);
    expect(out.notTranslated).toEqual([]);
  });

  it('CloudTrail calls per IP: STEP windows over ROWTIME, the event-time minute as a key, TOP_K_ITEMS_TUMBLING as a window Top-N', async () => {
    const out = await exported('cloudtrail', golden('scenario_cloudtrail_calls_per_ip', 'app.sql'), base(discovered('scenario_cloudtrail_calls_per_ip')));
    const s = out.script;
    // Nested JSON (userIdentity.type) is read as a ROW and named by a computed column.
    expect(s).toMatch(/`userIdentity` ROW<`type` STRING, `userName` STRING>/);
    expect(s).toContain('`type` AS `userIdentity`.`type`');
    expect(s).toContain("FROM TABLE(TUMBLE(TABLE `SOURCE_SQL_STREAM_001`, DESCRIPTOR(`ROWTIME`), INTERVAL '1' MINUTE))");
    expect(s).toContain("CAST(DATE_FORMAT(TO_TIMESTAMP(`eventTime`, 'yyyy-MM-dd''T''HH:mm:ss.SSSX'), 'yyyy-MM-dd HH:mm:00') AS TIMESTAMP(3))");
    expect(s).toContain('ORDER BY `item_count` DESC');
    expect(s).toContain('WHERE `row_num` <= 10');
    expect(out.notTranslated).toEqual([]);
  });

  it('clickstream anomaly score: RANDOM_CUT_FOREST kept as a commented-out pump under its reason, the ORDER BY likewise', async () => {
    const out = await exported('clickstream', golden('scenario_clickstream_anomaly_score', 'app.sql'), base(discovered('scenario_clickstream_anomaly_score')));
    const s = out.script;
    expect(s).toContain('-- Not translated: SCORE_PUMP: RANDOM_CUT_FOREST has no Flink SQL counterpart');
    expect(s).toContain('--     FROM TABLE(RANDOM_CUT_FOREST(');
    expect(s).toContain('-- Not translated: ORDER BY FLOOR("SCORED_CLICKS_STREAM".ROWTIME TO SECOND), "ANOMALY_SCORE" DESC');
    // The scored stream is read by ANOMALY_PUMP, so a table stands in for the missing scores.
    expect(s).toContain('-- Not translated: no pump that writes SCORED_CLICKS_STREAM could be translated');
    expect(s).toContain("INSERT INTO `CLICK_ANOMALIES_STREAM`\nSELECT `userId`,");
    expect(out.notTranslated).toHaveLength(3);
  });
});

describe('exportFlinkSql: windows', () => {
  const one = (name: string, sql: string) => exported(name, sql, base(SENSOR_SCHEMA));

  it('STEP(ROWTIME BY INTERVAL) and FLOOR(ROWTIME TO MINUTE) become a TUMBLE window', async () => {
    const step = await one('tumbling-step', `CREATE OR REPLACE STREAM "OUT" ("sensorId" VARCHAR(16), "avgTemp" DOUBLE, "readings" INTEGER);
CREATE OR REPLACE PUMP "P" AS INSERT INTO "OUT"
SELECT STREAM "sensorId", AVG("measuredTemp"), COUNT(*)
FROM "SOURCE_SQL_STREAM_001"
GROUP BY "sensorId", STEP("SOURCE_SQL_STREAM_001".ROWTIME BY INTERVAL '60' SECOND);`);
    expect(step.script).toContain("TABLE(TUMBLE(TABLE `SOURCE_SQL_STREAM_001`, DESCRIPTOR(`ROWTIME`), INTERVAL '1' MINUTE))");
    expect(step.script).toContain('CAST(AVG(`measuredTemp`) AS DOUBLE) AS `avgTemp`');
    const floor = await one('tumbling-floor', `SELECT STREAM FLOOR(ROWTIME TO MINUTE) AS minute_start, "sensorId", MAX("measuredTemp") AS hottest
FROM SOURCE_SQL_STREAM_001 GROUP BY FLOOR(ROWTIME TO MINUTE), "sensorId";`);
    expect(floor.script).toContain('SELECT `window_start` AS `MINUTE_START`,');
    expect(floor.script).toContain('GROUP BY `window_start`, `window_end`, `sensorId`');
  });

  it('a sliding window (RANGE INTERVAL .. PRECEDING, named or inline) becomes OVER .. RANGE BETWEEN .. AND CURRENT ROW', async () => {
    const out = await one('sliding-range', `CREATE OR REPLACE STREAM "MOVING_AVG" ("sensorId" VARCHAR(16), "avgTemp" DOUBLE, "readings" BIGINT);
CREATE OR REPLACE PUMP "MOVING_AVG_PUMP" AS INSERT INTO "MOVING_AVG"
SELECT STREAM "sensorId", AVG("measuredTemp") OVER W1, COUNT(*) OVER (ROWS 4 PRECEDING)
FROM "SOURCE_SQL_STREAM_001"
WINDOW W1 AS (PARTITION BY "sensorId" RANGE INTERVAL '10' SECOND PRECEDING);`);
    expect(out.script).toContain("AVG(`measuredTemp`) OVER (PARTITION BY `sensorId` ORDER BY `ROWTIME` RANGE BETWEEN INTERVAL '10' SECOND PRECEDING AND CURRENT ROW)");
    expect(out.script).toContain('COUNT(*) OVER (ORDER BY `ROWTIME` ROWS BETWEEN 4 PRECEDING AND CURRENT ROW)');
  });

  it('SELECT DISTINCT becomes ROW_NUMBER() OVER (PARTITION BY .. ORDER BY proc_time) = 1', async () => {
    const out = await one('distinct', `CREATE OR REPLACE STREAM "D" ("sensorId" VARCHAR(16), "measuredTemp" INTEGER, "second" TIMESTAMP);
CREATE OR REPLACE PUMP "DP" AS INSERT INTO "D"
SELECT STREAM DISTINCT "sensorId", "measuredTemp", FLOOR("SOURCE_SQL_STREAM_001".ROWTIME TO SECOND)
FROM "SOURCE_SQL_STREAM_001";`);
    expect(out.script).toContain('ROW_NUMBER() OVER (PARTITION BY `sensorId`, `measuredTemp`, `second` ORDER BY `proc_time`) AS `row_num`');
    expect(out.script).toContain('WHERE `row_num` = 1');
  });

  it('a stagger window is kept as a comment under its reason, and the rest still parses', async () => {
    const out = await one('stagger', `CREATE OR REPLACE STREAM "S" ("sensorId" VARCHAR(16), "n" INTEGER);
CREATE OR REPLACE PUMP "SP" AS INSERT INTO "S"
SELECT STREAM "sensorId", COUNT(*) FROM "SOURCE_SQL_STREAM_001"
WINDOWED BY STAGGER (PARTITION BY "sensorId", FLOOR(ROWTIME TO MINUTE) RANGE INTERVAL '1' MINUTE);`);
    expect(out.script).toMatch(/-- Not translated: SP: WINDOWED BY STAGGER has no Flink SQL counterpart[^\n]*\n-- CREATE OR REPLACE PUMP "SP" AS INSERT INTO "S"\n-- SELECT STREAM/);
    expect(out.notTranslated).toEqual([expect.stringMatching(/^SP: WINDOWED BY STAGGER/)]);
  });
});

describe('exportFlinkSql: functions and sources', () => {
  it('renames the functions Flink spells differently', () => {
    const { script } = exportFlinkSql(
      `SELECT STREAM TIMESTAMP_TO_CHAR('yyyy-MM-dd', ROWTIME) AS d, CHAR_TO_TIMESTAMP('yyyy-MM-dd', "eventTimeStamp") AS t, EXTRACT(HOUR FROM ROWTIME) AS h, TRIM(BOTH ' ' FROM "sensorId") AS s, "measuredTemp" % 7 AS m FROM SOURCE_SQL_STREAM_001;`,
      base(SENSOR_SCHEMA),
    );
    expect(script).toContain("SELECT DATE_FORMAT(`ROWTIME`, 'yyyy-MM-dd') AS `D`,");
    expect(script).toContain("TO_TIMESTAMP(`eventTimeStamp`, 'yyyy-MM-dd') AS `T`");
    expect(script).toContain('HOUR(`ROWTIME`) AS `H`');
    expect(script).toContain('TRIM(`sensorId`) AS `S`');
    expect(script).toContain('MOD(`measuredTemp`, 7) AS `M`');
    expect(syntaxErrors(script)).toEqual([]);
  });

  it('a Firehose input is read through the Kinesis stream that feeds it, said in a Not translated line', () => {
    const out = exportFlinkSql('SELECT STREAM * FROM SOURCE_SQL_STREAM_001;', base(SENSOR_SCHEMA, { source: { kind: 'firehose', name: 'raw' } }));
    expect(out.script).toContain('-- Not translated: the input is Firehose delivery stream raw, which Flink cannot read');
    expect(out.script).toContain('SELECT `sensorId`,\n       `eventTimeStamp`,');
    expect(syntaxErrors(out.script)).toEqual([]);
  });

  it('a mistake in the script throws the engine\'s own syntax error', () => {
    expect(() => exportFlinkSql('SELECT STREAM * FROM', base(SENSOR_SCHEMA))).toThrow(/Syntax error/);
  });
});
