CREATE OR REPLACE STREAM CLEAN_IOT_STREAM (  
    ingest_time TIMESTAMP,  
    sensor_id VARCHAR(16),  
    event_timestamp VARCHAR(16),  
    ambient_temp DECIMAL(16,2),  
    measured_temp DECIMAL(16,2),  
    dedup_window TIMESTAMP);

CREATE OR REPLACE PUMP DEDUP_PUMP AS  
INSERT INTO CLEAN_IOT_STREAM  
SELECT STREAM DISTINCT APPROXIMATE_ARRIVAL_TIME,  
"sensorId", "eventTimeStamp", "ambientTemp",  
"measuredTemp",  
      FLOOR("SOURCE_SQL_STREAM_001".ROWTIME TO SECOND)  
FROM SOURCE_SQL_STREAM_001;
