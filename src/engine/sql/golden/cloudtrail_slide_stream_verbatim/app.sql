CREATE STREAM calls_per_ip_stream(  
    eventTimeStamp TIMESTAMP,  
    computationType VARCHAR(256),  
    category VARCHAR(1024),  
    subCategory VARCHAR(1024),  
    unit VARCHAR(256),  
    unitValue BIGINT  
);
CREATE OR REPLACE PUMP calls_per_ip_pump AS  
INSERT INTO calls_per_ip_stream  
SELECT STREAM "eventTimeStamp",  
    COUNT(*),  
    "sourceIPAddress"  
FROM source_sql_stream_001 ctrail  
GROUP BY "sourceIPAddress",  
    STEP(ctrail.ROWTIME BY INTERVAL '1' MINUTE),  
    STEP(ctrail."eventTimeStamp" BY INTERVAL '1' MINUTE);
