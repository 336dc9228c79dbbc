CREATE OR REPLACE STREAM clicks (page VARCHAR(8), user_id VARCHAR(8));
CREATE OR REPLACE STREAM views (page VARCHAR(8), user_id VARCHAR(8));
CREATE OR REPLACE STREAM joined (page VARCHAR(8), click_user VARCHAR(8), view_user VARCHAR(8));
CREATE OR REPLACE PUMP click_pump AS INSERT INTO clicks SELECT STREAM "page", "usr" FROM SOURCE_SQL_STREAM_001 WHERE "kind" = 'click';
CREATE OR REPLACE PUMP view_pump AS INSERT INTO views SELECT STREAM "page", "usr" FROM SOURCE_SQL_STREAM_001 WHERE "kind" = 'view';
CREATE OR REPLACE PUMP join_pump AS INSERT INTO joined
SELECT STREAM c.page, c.user_id, v.user_id
FROM clicks AS c JOIN views AS v ON c.ROWTIME = v.ROWTIME AND c.page = v.page;
