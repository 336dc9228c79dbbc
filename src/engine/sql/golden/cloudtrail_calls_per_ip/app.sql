-- The re:Invent 2017 CloudTrail pump, unchanged; its target stream has the three columns it selects.
CREATE OR REPLACE STREAM calls_per_ip_stream (
    eventTimeStamp TIMESTAMP,
    callCount BIGINT,
    sourceIPAddress VARCHAR(16));
CREATE OR REPLACE PUMP calls_per_ip_pump AS  
INSERT INTO calls_per_ip_stream  
SELECT STREAM "eventTimeStamp",  
    COUNT(*),  
    "sourceIPAddress"  
FROM source_sql_stream_001 ctrail  
GROUP BY "sourceIPAddress",  
    STEP(ctrail.ROWTIME BY INTERVAL '1' MINUTE),  
    STEP(ctrail."eventTimeStamp" BY INTERVAL '1' MINUTE);
