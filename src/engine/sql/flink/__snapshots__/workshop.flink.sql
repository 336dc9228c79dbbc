-- Flink SQL for Amazon Managed Service for Apache Flink (a Studio notebook or a Flink SQL job),
-- written from the Kinesis Data Analytics for SQL application sensor-analytics.
-- A starting point: check each statement, and the results, before relying on it.

-- The input: Kinesis stream sensor-stream (us-east-1).
-- ROWTIME stands in for KDA's ROWTIME as an event-time column: the time Kinesis received each record
-- (its approximate arrival time), with a watermark INTERVAL '1' SECOND behind the newest arrival.
-- proc_time is a processing-time attribute, used to keep the first of duplicate rows.
CREATE TABLE `SOURCE_SQL_STREAM_001` (
  `sensorId` STRING,
  `eventTimeStamp` STRING,
  `ambientTemp` INTEGER,
  `measuredTemp` INTEGER,
  `APPROXIMATE_ARRIVAL_TIME` TIMESTAMP_LTZ(3) METADATA FROM 'timestamp' VIRTUAL,
  `ROWTIME` AS CAST(`APPROXIMATE_ARRIVAL_TIME` AS TIMESTAMP(3)),
  `proc_time` AS PROCTIME(),
  WATERMARK FOR `ROWTIME` AS `ROWTIME` - INTERVAL '1' SECOND
) WITH (
  'connector' = 'kinesis',
  'stream' = 'sensor-stream',
  'aws.region' = 'us-east-1',
  'scan.stream.initpos' = 'LATEST',
  'format' = 'json'
);

-- In-application stream CLEAN_IOT_STREAM: read by other pumps, so a view over the rows of DEDUP_PUMP.
CREATE TEMPORARY VIEW `CLEAN_IOT_STREAM` AS
SELECT `INGEST_TIME`, `SENSOR_ID`, `EVENT_TIMESTAMP`, `AMBIENT_TEMP`, `MEASURED_TEMP`, `DEDUP_WINDOW`, `ROWTIME`, `proc_time`
FROM (
  SELECT *,
         ROW_NUMBER() OVER (PARTITION BY `INGEST_TIME`, `SENSOR_ID`, `EVENT_TIMESTAMP`, `AMBIENT_TEMP`, `MEASURED_TEMP`, `DEDUP_WINDOW` ORDER BY `proc_time`) AS `row_num`
  FROM (
    SELECT CAST(`APPROXIMATE_ARRIVAL_TIME` AS TIMESTAMP(3)) AS `INGEST_TIME`,
           `sensorId` AS `SENSOR_ID`,
           CAST(`eventTimeStamp` AS VARCHAR(16)) AS `EVENT_TIMESTAMP`,
           CAST(`ambientTemp` AS DECIMAL(16, 2)) AS `AMBIENT_TEMP`,
           CAST(`measuredTemp` AS DECIMAL(16, 2)) AS `MEASURED_TEMP`,
           `window_start` AS `DEDUP_WINDOW`,
           `window_time` AS `ROWTIME`,
           `proc_time`
    FROM TABLE(TUMBLE(TABLE `SOURCE_SQL_STREAM_001`, DESCRIPTOR(`ROWTIME`), INTERVAL '1' SECOND))
  )
)
WHERE `row_num` = 1;

-- In-application stream FILTERED_STREAM: its rows go to Firehose delivery stream filtered-iot-data.
CREATE TABLE `FILTERED_STREAM` (
  `INGEST_TIME` TIMESTAMP(3),
  `SENSOR_ID` VARCHAR(16),
  `EVENT_TIMESTAMP` VARCHAR(16),
  `AMBIENT_TEMP` DECIMAL(16, 2),
  `MEASURED_TEMP` DECIMAL(16, 2),
  `DEDUP_WINDOW` TIMESTAMP(3)
) WITH (
  'connector' = 'firehose',
  'delivery-stream' = 'filtered-iot-data',
  'aws.region' = 'us-east-1',
  'format' = 'csv'
);

-- In-application stream AGGREGATE_STREAM: no destination takes its rows, so they are printed to the job's log.
CREATE TABLE `AGGREGATE_STREAM` (
  `SENSOR_ID` VARCHAR(16),
  `AVG_AMBIENT_TEMP` DECIMAL(16, 2),
  `AVG_MEASURED_TEMP` DECIMAL(16, 2),
  `MEASUREMENTS` INTEGER
) WITH (
  'connector' = 'print'
);

-- The pumps, run together as one job.
EXECUTE STATEMENT SET
BEGIN

-- Pump FILTER_PUMP
INSERT INTO `FILTERED_STREAM`
SELECT `INGEST_TIME`,
       `SENSOR_ID`,
       `EVENT_TIMESTAMP`,
       `AMBIENT_TEMP`,
       `MEASURED_TEMP`,
       `DEDUP_WINDOW`
FROM `CLEAN_IOT_STREAM`
WHERE ABS(`MEASURED_TEMP` - `AMBIENT_TEMP`) > 20;

-- Pump AGGREGATE_PUMP
INSERT INTO `AGGREGATE_STREAM`
SELECT `SENSOR_ID`,
       CAST(AVG(`AMBIENT_TEMP`) AS DECIMAL(16, 2)) AS `AVG_AMBIENT_TEMP`,
       CAST(AVG(`MEASURED_TEMP`) AS DECIMAL(16, 2)) AS `AVG_MEASURED_TEMP`,
       CAST(COUNT(`SENSOR_ID`) AS INTEGER) AS `MEASUREMENTS`
FROM TABLE(TUMBLE(TABLE `CLEAN_IOT_STREAM`, DESCRIPTOR(`ROWTIME`), INTERVAL '10' SECOND))
GROUP BY `window_start`, `window_end`, `SENSOR_ID`;

END;
