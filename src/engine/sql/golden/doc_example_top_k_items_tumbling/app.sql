-- KDA SQL Developer Guide, "Example: Retrieving the Most Frequently Occurring Values (TOP_K_ITEMS_TUMBLING)":
-- the application code as published, over records shaped like the guide's generator script (schema
-- discovered from the records). The result is a screenshot; the rows were counted by hand: one row per
-- ticker of the 60-second window, most frequent first, stamped with the window end.
CREATE OR REPLACE STREAM DESTINATION_SQL_STREAM (
  "TICKER" VARCHAR(4),
  "MOST_FREQUENT_VALUES" BIGINT
);

CREATE OR REPLACE PUMP "STREAM_PUMP" AS
    INSERT INTO "DESTINATION_SQL_STREAM"
    SELECT STREAM *
        FROM TABLE (TOP_K_ITEMS_TUMBLING(
            CURSOR(SELECT STREAM * FROM "SOURCE_SQL_STREAM_001"),
            'TICKER',         -- name of column in single quotes
            5,                       -- number of the most frequently occurring values
            60                       -- tumbling window size in seconds
            )
        );
