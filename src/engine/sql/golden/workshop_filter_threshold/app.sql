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

CREATE OR REPLACE STREAM FILTERED_STREAM (  
    ingest_time TIMESTAMP,  
    sensor_id VARCHAR(16),  
    event_timestamp VARCHAR(16),  
    ambient_temp DECIMAL(16,2),  
    measured_temp DECIMAL(16,2),  
    dedup_window TIMESTAMP);

CREATE OR REPLACE PUMP FILTER_PUMP AS  
INSERT INTO FILTERED_STREAM  
SELECT STREAM ingest_time, sensor_id, event_timestamp,  
ambient_temp, measured_temp, dedup_window  
FROM CLEAN_IOT_STREAM  
WHERE abs(measured_temp - ambient_temp) > 20;
