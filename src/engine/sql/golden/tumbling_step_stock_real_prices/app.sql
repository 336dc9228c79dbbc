-- The application code of the Developer Guide's "Tumbling Windows (Aggregations Using GROUP BY)"
-- over the getting-started demo schema (PRICE REAL), with a REAL copy of the last price beside it.
-- A REAL prints as the shortest decimal that reads back to the same float (84.51), as Java prints a
-- float; widened to DOUBLE it keeps the float's exact value (84.51000213623047), as Java's (double) cast does.
CREATE OR REPLACE STREAM "DESTINATION_SQL_STREAM" (
                                   ticker_symbol VARCHAR(4),
                                   Min_Price     DOUBLE,
                                   Max_Price     DOUBLE,
                                   Last_Price    REAL);
CREATE OR REPLACE PUMP "STREAM_PUMP" AS
  INSERT INTO "DESTINATION_SQL_STREAM"
    SELECT STREAM Ticker_Symbol,
                  MIN(Price) AS Min_Price,
                  MAX(Price) AS Max_Price,
                  LAST_VALUE(Price) AS Last_Price
    FROM    "SOURCE_SQL_STREAM_001"
    GROUP BY Ticker_Symbol,
             STEP("SOURCE_SQL_STREAM_001".ROWTIME BY INTERVAL '60' SECOND);
