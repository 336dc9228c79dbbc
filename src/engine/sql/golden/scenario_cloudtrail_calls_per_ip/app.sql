-- Calls per source IP per minute, the minute taken from ROWTIME (when the row reached the application).
CREATE OR REPLACE STREAM "CALLS_PER_IP_STREAM" (
    "minuteStart" TIMESTAMP,
    "sourceIPAddress" VARCHAR(16),
    "callCount" BIGINT);

CREATE OR REPLACE PUMP "CALLS_PER_IP_PUMP" AS
    INSERT INTO "CALLS_PER_IP_STREAM"
    SELECT STREAM STEP(ctrail.ROWTIME BY INTERVAL '1' MINUTE), "sourceIPAddress", COUNT(*)
    FROM "SOURCE_SQL_STREAM_001" ctrail
    GROUP BY "sourceIPAddress", STEP(ctrail.ROWTIME BY INTERVAL '1' MINUTE);

-- The same count by the minute the call was made (eventTime), still emitted every minute of ROWTIME.
CREATE OR REPLACE STREAM "CALLS_BY_EVENT_TIME_STREAM" (
    "eventMinute" TIMESTAMP,
    "sourceIPAddress" VARCHAR(16),
    "callCount" BIGINT);

CREATE OR REPLACE PUMP "CALLS_BY_EVENT_TIME_PUMP" AS
    INSERT INTO "CALLS_BY_EVENT_TIME_STREAM"
    SELECT STREAM STEP(CHAR_TO_TIMESTAMP('yyyy-MM-dd''T''HH:mm:ss.SSSX', ctrail."eventTime") BY INTERVAL '1' MINUTE), "sourceIPAddress", COUNT(*)
    FROM "SOURCE_SQL_STREAM_001" ctrail
    GROUP BY "sourceIPAddress",
        STEP(ctrail.ROWTIME BY INTERVAL '1' MINUTE),
        STEP(CHAR_TO_TIMESTAMP('yyyy-MM-dd''T''HH:mm:ss.SSSX', ctrail."eventTime") BY INTERVAL '1' MINUTE);

-- The ten most frequent API calls of each minute.
CREATE OR REPLACE STREAM "TOP_CALLS_STREAM" (
    "eventName" VARCHAR(64),
    "callCount" BIGINT);

CREATE OR REPLACE PUMP "TOP_CALLS_PUMP" AS
    INSERT INTO "TOP_CALLS_STREAM"
    SELECT STREAM *
    FROM TABLE (TOP_K_ITEMS_TUMBLING(
        CURSOR(SELECT STREAM * FROM "SOURCE_SQL_STREAM_001"),
        'eventName',
        10,
        60));
