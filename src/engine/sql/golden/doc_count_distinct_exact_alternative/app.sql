-- KDA SQL Reference, "COUNT_DISTINCT_ITEMS_TUMBLING Function": the published exact alternative, verbatim. Its
-- DISTINCT ignores the ROWTIME column when removing duplicates ("SELECT ALL and SELECT DISTINCT"), so the
-- two identical AMZN rows of the first 5 seconds count once; window_time reads the DISTINCT row's ROWTIME
-- (its window end, 10:00:05), so the outer 5-second group closes at 10:00:10. Rows worked out by hand.
CREATE OR REPLACE STREAM output_stream (ticker_symbol VARCHAR(4), unique_count BIGINT); 


CREATE OR REPLACE PUMP stream_pump AS 
INSERT INTO output_stream 
SELECT STREAM TICKER_SYMBOL, COUNT(distinct_stream.price) AS unique_count
  FROM (
    SELECT STREAM DISTINCT rowtime as window_time, 

      TICKER_SYMBOL,   
      CHANGE, 
      PRICE, 
      STEP((SOURCE_SQL_STREAM_001.rowtime) BY INTERVAL '5' SECOND) 

      FROM SOURCE_SQL_STREAM_001) as distinct_stream
GROUP BY TICKER_SYMBOL, 
    STEP((distinct_stream.window_time) BY INTERVAL '5' SECOND);
