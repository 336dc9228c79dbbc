SELECT STREAM name, name LIKE 'a%' AS starts_a, name NOT LIKE '%\_%' ESCAPE '\' AS no_underscore,
  name SIMILAR TO '(ab|cd)+' AS abcd, name IN ('abab', 'x') AS listed, name BETWEEN 'a' AND 'b' AS between_ab
FROM SOURCE_SQL_STREAM_001;
