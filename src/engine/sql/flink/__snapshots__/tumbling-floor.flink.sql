-- Flink SQL for Amazon Managed Service for Apache Flink (a Studio notebook or a Flink SQL job),
-- written from the Kinesis Data Analytics for SQL application.
-- A starting point: check each statement, and the results, before relying on it.

-- The input: Kinesis stream input-stream (us-east-1).
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
  'stream' = 'input-stream',
  'aws.region' = 'us-east-1',
  'scan.stream.initpos' = 'LATEST',
  'format' = 'json'
);

-- Query 1 (its rows show in a Studio notebook)
SELECT `window_start` AS `MINUTE_START`,
       `sensorId`,
       MAX(`measuredTemp`) AS `HOTTEST`
FROM TABLE(TUMBLE(TABLE `SOURCE_SQL_STREAM_001`, DESCRIPTOR(`ROWTIME`), INTERVAL '1' MINUTE))
GROUP BY `window_start`, `window_end`, `sensorId`;
