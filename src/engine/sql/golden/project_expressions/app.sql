CREATE OR REPLACE STREAM "out" (label VARCHAR(20), total DOUBLE, bucket VARCHAR(6), q INTEGER, half INTEGER, r DOUBLE);
CREATE OR REPLACE PUMP "p" AS INSERT INTO "out"
SELECT STREAM ticker || '-' || CAST(qty AS VARCHAR(5)), qty * price,
  CASE WHEN price >= 100 THEN 'high' WHEN price >= 50 THEN 'mid' ELSE 'low' END,
  MOD(qty, 3), qty / 2, price / 4
FROM SOURCE_SQL_STREAM_001;
