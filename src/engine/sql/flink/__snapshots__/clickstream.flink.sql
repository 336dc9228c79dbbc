-- Flink SQL for Amazon Managed Service for Apache Flink (a Studio notebook or a Flink SQL job),
-- written from the Kinesis Data Analytics for SQL application.
-- A starting point: check each statement, and the results, before relying on it.

-- The input: Kinesis stream input-stream (us-east-1).
-- ROWTIME stands in for KDA's ROWTIME as an event-time column: the time Kinesis received each record
-- (its approximate arrival time), with a watermark INTERVAL '1' SECOND behind the newest arrival.
-- proc_time is a processing-time attribute, used to keep the first of duplicate rows.
CREATE TABLE `SOURCE_SQL_STREAM_001` (
  `userId` STRING,
  `page` STRING,
  `action` STRING,
  `latencyMs` INTEGER,
  `clicksInSession` INTEGER,
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

-- In-application stream SCORED_CLICKS_STREAM: read by other pumps, so a table of its own.
-- Not translated: SCORE_PUMP: RANDOM_CUT_FOREST has no Flink SQL counterpart (anomaly scores need a model of your own, e.g. a user-defined function or a Java/Python job)
-- CREATE OR REPLACE PUMP "SCORE_PUMP" AS
--     INSERT INTO "SCORED_CLICKS_STREAM"
--     SELECT STREAM "userId", "page", "action", "latencyMs", "clicksInSession", "ANOMALY_SCORE"
--     FROM TABLE(RANDOM_CUT_FOREST(
--         CURSOR(SELECT STREAM "userId", "page", "action", "latencyMs", "clicksInSession" FROM "SOURCE_SQL_STREAM_001")));
-- Not translated: no pump that writes SCORED_CLICKS_STREAM could be translated; this table stands in for it: write its rows to the Kinesis stream it names
CREATE TABLE `SCORED_CLICKS_STREAM` (
  `userId` VARCHAR(16),
  `page` VARCHAR(32),
  `action` VARCHAR(16),
  `latencyMs` INTEGER,
  `clicksInSession` INTEGER,
  `ANOMALY_SCORE` DOUBLE,
  `APPROXIMATE_ARRIVAL_TIME` TIMESTAMP_LTZ(3) METADATA FROM 'timestamp' VIRTUAL,
  `ROWTIME` AS CAST(`APPROXIMATE_ARRIVAL_TIME` AS TIMESTAMP(3)),
  `proc_time` AS PROCTIME(),
  WATERMARK FOR `ROWTIME` AS `ROWTIME` - INTERVAL '1' SECOND
) WITH (
  'connector' = 'kinesis',
  'stream' = 'SCORED_CLICKS_STREAM',
  'aws.region' = 'us-east-1',
  'scan.stream.initpos' = 'LATEST',
  'format' = 'json'
);

-- In-application stream CLICK_ANOMALIES_STREAM: no destination takes its rows, so they are printed to the job's log.
CREATE TABLE `CLICK_ANOMALIES_STREAM` (
  `userId` VARCHAR(16),
  `page` VARCHAR(32),
  `action` VARCHAR(16),
  `latencyMs` INTEGER,
  `clicksInSession` INTEGER,
  `ANOMALY_SCORE` DOUBLE
) WITH (
  'connector' = 'print'
);

-- Pump ANOMALY_PUMP
INSERT INTO `CLICK_ANOMALIES_STREAM`
SELECT `userId`,
       `page`,
       `action`,
       `latencyMs`,
       `clicksInSession`,
       `ANOMALY_SCORE`
FROM `SCORED_CLICKS_STREAM`
WHERE `ANOMALY_SCORE` > 2
-- Not translated: ORDER BY FLOOR("SCORED_CLICKS_STREAM".ROWTIME TO SECOND), "ANOMALY_SCORE" DESC: a Flink stream sorts only by its time attribute, ascending
;
