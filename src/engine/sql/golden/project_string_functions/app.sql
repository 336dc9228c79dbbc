SELECT STREAM UPPER(name) AS u, LOWER(name) AS l, INITCAP(name) AS i, CHAR_LENGTH(name) AS n,
  SUBSTRING(name FROM 2 FOR 3) AS s, POSITION('o' IN name) AS pos, TRIM(BOTH ' ' FROM '  ' || name || '  ') AS t,
  OVERLAY(name PLACING 'XX' FROM 1 FOR 2) AS o, COALESCE(nick, name) AS c, NULLIF(name, 'bob') AS nn
FROM SOURCE_SQL_STREAM_001;
