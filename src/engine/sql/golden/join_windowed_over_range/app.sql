-- a stream-to-stream join whose right side keeps a one-minute window
CREATE OR REPLACE STREAM orders (id INTEGER, item VARCHAR(8));
CREATE OR REPLACE STREAM shipments (id INTEGER, carrier VARCHAR(8));
CREATE OR REPLACE PUMP order_pump AS INSERT INTO orders SELECT STREAM "id", "item" FROM SOURCE_SQL_STREAM_001 WHERE "type" = 'order';
CREATE OR REPLACE PUMP ship_pump AS INSERT INTO shipments SELECT STREAM "id", "carrier" FROM SOURCE_SQL_STREAM_001 WHERE "type" = 'ship';
SELECT STREAM o.id, o.item, s.carrier
FROM shipments AS s JOIN orders OVER (RANGE INTERVAL '1' MINUTE PRECEDING) AS o ON s.id = o.id;
