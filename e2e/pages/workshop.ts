import { readFileSync } from 'node:fs';

/** The workshop's record format exactly as the lab's slide has it (trailing spaces included). */
export const WORKSHOP_TEMPLATE = [
  '{  ',
  '  "sensorId": "sensor-{{random.number(100)}}",  ',
  '  "eventTimeStamp": "{{current.timestamp}}",  ',
  '  "ambientTemp": {{random.number({"min":-40, "max":60})}},  ',
  '  "measuredTemp": {{random.number({"min":0, "max":100})}}  ',
  '}',
].join('\n');

/** The workshop's Activity 2 SQL, verbatim: read from the one copy the engine's golden test and the walkthrough use. */
export const WORKSHOP_SQL = readFileSync(new URL('../../src/engine/sql/golden/workshop_activity2/app.sql', import.meta.url), 'utf8');

/** The golden case of a Workshop scenario: the SQL its steps offer, read from the one copy the engine's tests run. */
const scenarioSql = (dir: string) => readFileSync(new URL(`../../src/engine/sql/golden/${dir}/app.sql`, import.meta.url), 'utf8');

/** The CloudTrail scenario's SQL (calls per IP by ROWTIME and by event time, the top 10 calls). */
export const CLOUDTRAIL_SQL = scenarioSql('scenario_cloudtrail_calls_per_ip');

/** The clickstream scenario's SQL (RANDOM_CUT_FOREST scores, the unusual clicks). */
export const CLICKSTREAM_SQL = scenarioSql('scenario_clickstream_anomaly_score');
