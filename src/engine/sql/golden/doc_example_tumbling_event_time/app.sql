-- KDA SQL Developer Guide, "Example: Tumbling Window Using an Event Timestamp": the published four records
-- (arriving 5 seconds after their EVENT_TIME, as the guide describes) and the application code as published,
-- with EVENT_TIME set to TIMESTAMP as the guide instructs. Results are a screenshot; worked out by hand:
-- one row per ticker, stamped with the ROWTIME window end, EVENT_TIME stepped to its minute.
CREATE OR REPLACE STREAM "DESTINATION_SQL_STREAM" (EVENT_TIME timestamp, TICKER VARCHAR(4), min_price REAL, max_price REAL);

CREATE OR REPLACE PUMP "STREAM_PUMP" AS
  INSERT INTO "DESTINATION_SQL_STREAM"
    SELECT STREAM STEP("SOURCE_SQL_STREAM_001".EVENT_TIME BY INTERVAL '60' SECOND),
        TICKER,
         MIN(PRICE) AS MIN_PRICE,
         MAX(PRICE) AS MAX_PRICE
    FROM    "SOURCE_SQL_STREAM_001"
    GROUP BY TICKER,
             STEP("SOURCE_SQL_STREAM_001".ROWTIME BY INTERVAL '60' SECOND),
             STEP("SOURCE_SQL_STREAM_001".EVENT_TIME BY INTERVAL '60' SECOND);
