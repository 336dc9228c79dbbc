SELECT STREAM ticker, price, LAG(price, 1) OVER w AS prev_price, price - LAG(price, 1, price) OVER w AS change
FROM SOURCE_SQL_STREAM_001 WINDOW w AS (PARTITION BY ticker ROWS 3 PRECEDING);
