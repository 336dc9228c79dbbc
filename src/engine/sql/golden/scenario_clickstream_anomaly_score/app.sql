-- Every click with an anomaly score: how unlike the recent clicks its latency and click count are.
CREATE OR REPLACE STREAM "SCORED_CLICKS_STREAM" (
    "userId" VARCHAR(16),
    "page" VARCHAR(32),
    "action" VARCHAR(16),
    "latencyMs" INTEGER,
    "clicksInSession" INTEGER,
    "ANOMALY_SCORE" DOUBLE);

CREATE OR REPLACE PUMP "SCORE_PUMP" AS
    INSERT INTO "SCORED_CLICKS_STREAM"
    SELECT STREAM "userId", "page", "action", "latencyMs", "clicksInSession", "ANOMALY_SCORE"
    FROM TABLE(RANDOM_CUT_FOREST(
        CURSOR(SELECT STREAM "userId", "page", "action", "latencyMs", "clicksInSession" FROM "SOURCE_SQL_STREAM_001")));

-- Only the unusual clicks, the highest score of each second first.
CREATE OR REPLACE STREAM "CLICK_ANOMALIES_STREAM" (
    "userId" VARCHAR(16),
    "page" VARCHAR(32),
    "action" VARCHAR(16),
    "latencyMs" INTEGER,
    "clicksInSession" INTEGER,
    "ANOMALY_SCORE" DOUBLE);

CREATE OR REPLACE PUMP "ANOMALY_PUMP" AS
    INSERT INTO "CLICK_ANOMALIES_STREAM"
    SELECT STREAM * FROM "SCORED_CLICKS_STREAM"
    WHERE "ANOMALY_SCORE" > 2
    ORDER BY FLOOR("SCORED_CLICKS_STREAM".ROWTIME TO SECOND), "ANOMALY_SCORE" DESC;
