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

CREATE OR REPLACE STREAM AGGREGATE_STREAM (sensor_id  
VARCHAR(16), avg_ambient_temp DECIMAL(16,2),  
avg_measured_temp DECIMAL(16,2), measurements INTEGER);

CREATE OR REPLACE PUMP AGGREGATE_PUMP AS INSERT INTO  
AGGREGATE_STREAM  
SELECT STREAM sensor_id, AVG(ambient_temp),  
AVG(measured_temp), COUNT(sensor_id)  
FROM CLEAN_IOT_STREAM  
GROUP BY sensor_id, FLOOR((CLEAN_IOT_STREAM.ROWTIME -  
TIMESTAMP '1970-01-01 00:00:00') SECOND / 10 TO SECOND);
