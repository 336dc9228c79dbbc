-- orders with their shipment within a minute, or NULL once the minute has passed
CREATE OR REPLACE STREAM orders (id INTEGER);
CREATE OR REPLACE STREAM shipments (id INTEGER, carrier VARCHAR(8));
CREATE OR REPLACE PUMP order_pump AS INSERT INTO orders SELECT STREAM "id" FROM SOURCE_SQL_STREAM_001 WHERE "type" = 'order';
CREATE OR REPLACE PUMP ship_pump AS INSERT INTO shipments SELECT STREAM "id", "carrier" FROM SOURCE_SQL_STREAM_001 WHERE "type" = 'ship';
SELECT STREAM o.id, s.carrier
FROM orders OVER (RANGE INTERVAL '1' MINUTE PRECEDING) AS o LEFT OUTER JOIN shipments AS s ON o.id = s.id;
