-- KDA SQL Reference, "SELECT ALL and SELECT DISTINCT": the published query listing the unique products
-- ordered each day. ROWTIME is not a dedup key; it reads the output row's ROWTIME, the end of the day,
-- when the day's rows are complete (the page's 22:49 / 22:50 explanation). Rows worked out by hand.
CREATE OR REPLACE STREAM Orders (prodId INTEGER);
CREATE OR REPLACE PUMP orders_pump AS INSERT INTO Orders SELECT STREAM "prodId" FROM SOURCE_SQL_STREAM_001;
SELECT STREAM DISTINCT ROWTIME, prodId, FLOOR(Orders.ROWTIME TO DAY) FROM Orders;
