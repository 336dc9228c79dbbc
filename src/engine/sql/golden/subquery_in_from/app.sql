SELECT STREAM big.t, big.q FROM (SELECT STREAM ticker AS t, qty AS q FROM SOURCE_SQL_STREAM_001 WHERE qty >= 5) AS big WHERE big.t <> 'IBM';
