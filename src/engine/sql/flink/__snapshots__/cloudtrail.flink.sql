-- Flink SQL for Amazon Managed Service for Apache Flink (a Studio notebook or a Flink SQL job),
-- written from the Kinesis Data Analytics for SQL application.
-- A starting point: check each statement, and the results, before relying on it.

-- The input: Kinesis stream input-stream (us-east-1).
-- ROWTIME stands in for KDA's ROWTIME as an event-time column: the time Kinesis received each record
-- (its approximate arrival time), with a watermark INTERVAL '1' SECOND behind the newest arrival.
-- proc_time is a processing-time attribute, used to keep the first of duplicate rows.
CREATE TABLE `SOURCE_SQL_STREAM_001` (
  `eventVersion` STRING,
  `eventTime` STRING,
  `eventSource` STRING,
  `eventName` STRING,
  `awsRegion` STRING,
  `sourceIPAddress` STRING,
  `userAgent` STRING,
  `requestID` STRING,
  `eventID` STRING,
  `readOnly` BOOLEAN,
  `eventType` STRING,
  `userIdentity` ROW<`type` STRING, `userName` STRING>,
  `type` AS `userIdentity`.`type`,
  `userName` AS `userIdentity`.`userName`,
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

-- In-application stream CALLS_PER_IP_STREAM: no destination takes its rows, so they are printed to the job's log.
CREATE TABLE `CALLS_PER_IP_STREAM` (
  `minuteStart` TIMESTAMP(3),
  `sourceIPAddress` VARCHAR(16),
  `callCount` BIGINT
) WITH (
  'connector' = 'print'
);

-- In-application stream CALLS_BY_EVENT_TIME_STREAM: no destination takes its rows, so they are printed to the job's log.
CREATE TABLE `CALLS_BY_EVENT_TIME_STREAM` (
  `eventMinute` TIMESTAMP(3),
  `sourceIPAddress` VARCHAR(16),
  `callCount` BIGINT
) WITH (
  'connector' = 'print'
);

-- In-application stream TOP_CALLS_STREAM: no destination takes its rows, so they are printed to the job's log.
CREATE TABLE `TOP_CALLS_STREAM` (
  `eventName` VARCHAR(64),
  `callCount` BIGINT
) WITH (
  'connector' = 'print'
);

-- The pumps, run together as one job.
EXECUTE STATEMENT SET
BEGIN

-- Pump CALLS_PER_IP_PUMP
INSERT INTO `CALLS_PER_IP_STREAM`
SELECT `window_start` AS `minuteStart`,
       `sourceIPAddress`,
       COUNT(*) AS `callCount`
FROM TABLE(TUMBLE(TABLE `SOURCE_SQL_STREAM_001`, DESCRIPTOR(`ROWTIME`), INTERVAL '1' MINUTE))
GROUP BY `window_start`, `window_end`, `sourceIPAddress`;

-- Pump CALLS_BY_EVENT_TIME_PUMP
INSERT INTO `CALLS_BY_EVENT_TIME_STREAM`
SELECT CAST(DATE_FORMAT(TO_TIMESTAMP(`eventTime`, 'yyyy-MM-dd''T''HH:mm:ss.SSSX'), 'yyyy-MM-dd HH:mm:00') AS TIMESTAMP(3)) AS `eventMinute`,
       `sourceIPAddress`,
       COUNT(*) AS `callCount`
FROM TABLE(TUMBLE(TABLE `SOURCE_SQL_STREAM_001`, DESCRIPTOR(`ROWTIME`), INTERVAL '1' MINUTE))
GROUP BY `window_start`, `window_end`, `sourceIPAddress`, CAST(DATE_FORMAT(TO_TIMESTAMP(`eventTime`, 'yyyy-MM-dd''T''HH:mm:ss.SSSX'), 'yyyy-MM-dd HH:mm:00') AS TIMESTAMP(3));

-- Pump TOP_CALLS_PUMP
INSERT INTO `TOP_CALLS_STREAM`
SELECT `eventName`, `item_count` AS `callCount`
FROM (
  SELECT *,
         ROW_NUMBER() OVER (PARTITION BY `window_start`, `window_end` ORDER BY `item_count` DESC) AS `row_num`
  FROM (
    SELECT `window_start`, `window_end`, `eventName`, COUNT(*) AS `item_count`
    FROM TABLE(TUMBLE(TABLE `SOURCE_SQL_STREAM_001`, DESCRIPTOR(`ROWTIME`), INTERVAL '1' MINUTE))
    GROUP BY `window_start`, `window_end`, `eventName`
  )
)
WHERE `row_num` <= 10;

END;
