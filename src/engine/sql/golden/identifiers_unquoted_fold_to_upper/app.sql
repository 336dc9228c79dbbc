create stream myStream (Col1 integer, col2 varchar(4));
create pump myPump as insert into MYSTREAM (col2, COL1)
select stream "name", "val" from source_sql_stream_001;
