-- KDA SQL Developer Guide, "Example: Stagger Window" (examples-window-stagger): the published twelve
-- records with their ingest times; the application code as published. Its result is only a screenshot,
-- so the rows were worked out by hand: each one-minute window opens with its key's first row
-- (20:17:30 AMZN, 20:18:31 INTC), holds all six rows and is stamped open time + 1 minute.
CREATE OR REPLACE STREAM "DESTINATION_SQL_STREAM" (
    event_time TIMESTAMP,
    ticker_symbol    VARCHAR(4),
    ticker_count     INTEGER);

CREATE OR REPLACE PUMP "STREAM_PUMP" AS
  INSERT INTO "DESTINATION_SQL_STREAM"
    SELECT STREAM
        EVENT_TIME,
        TICKER,
        COUNT(TICKER) AS ticker_count
    FROM "SOURCE_SQL_STREAM_001"
    WINDOWED BY STAGGER (
            PARTITION BY TICKER, EVENT_TIME RANGE INTERVAL '1' MINUTE);
