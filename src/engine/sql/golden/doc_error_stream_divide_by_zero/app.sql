-- KDA SQL Developer Guide, "Example: Exploring the In-Application Error Stream" > "Introducing a Divide
-- by Zero Error": the published SELECT (REAL price / 0) over the demo stock schema. The guide states the
-- rows go to error_stream instead of the destination; the WHERE keeps only the TECHNOLOGY row.
CREATE OR REPLACE STREAM "DESTINATION_SQL_STREAM" (ticker_symbol VARCHAR(4), sector VARCHAR(16), change REAL, price REAL);
CREATE OR REPLACE PUMP "STREAM_PUMP" AS INSERT INTO "DESTINATION_SQL_STREAM"
   SELECT STREAM ticker_symbol, sector, change, (price / 0) as ProblemColumn
   FROM "SOURCE_SQL_STREAM_001"
   WHERE sector SIMILAR TO '%TECH%';
