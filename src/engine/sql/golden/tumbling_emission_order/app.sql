-- a passthrough stream shows when the aggregate's rows are emitted relative to the input
CREATE OR REPLACE STREAM raw_s (ticker VARCHAR(4));
CREATE OR REPLACE STREAM agg_s (ticker VARCHAR(4), n BIGINT);
CREATE OR REPLACE PUMP raw_pump AS INSERT INTO raw_s SELECT STREAM ticker FROM SOURCE_SQL_STREAM_001;
CREATE OR REPLACE PUMP agg_pump AS INSERT INTO agg_s
SELECT STREAM ticker, COUNT(*) FROM SOURCE_SQL_STREAM_001 GROUP BY ticker, STEP(ROWTIME BY INTERVAL '10' SECOND);
