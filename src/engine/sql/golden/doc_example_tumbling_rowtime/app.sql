-- KDA SQL Developer Guide, "Example: Tumbling Window Using ROWTIME": the published four records and the
-- application code as published (schema discovered from the records, as in the guide). Results are a
-- screenshot; worked out by hand: MIN and MAX per ticker, stamped with the end of the 60-second window.
CREATE OR REPLACE STREAM "DESTINATION_SQL_STREAM" (TICKER VARCHAR(4), MIN_PRICE REAL, MAX_PRICE REAL);

CREATE OR REPLACE PUMP "STREAM_PUMP" AS INSERT INTO "DESTINATION_SQL_STREAM"
    SELECT STREAM TICKER, MIN(PRICE), MAX(PRICE)
        FROM "SOURCE_SQL_STREAM_001"
        GROUP BY TICKER,
            STEP("SOURCE_SQL_STREAM_001".ROWTIME BY INTERVAL '60' SECOND);
