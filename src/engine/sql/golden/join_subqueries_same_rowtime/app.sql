SELECT STREAM o."id" AS order_id, s."id" AS shipment_id
FROM (SELECT STREAM "id" FROM SOURCE_SQL_STREAM_001 WHERE "type" = 'order') AS o
JOIN (SELECT STREAM "id" FROM SOURCE_SQL_STREAM_001 WHERE "type" = 'ship') AS s
ON o."id" = s."id" AND o.ROWTIME = s.ROWTIME;
