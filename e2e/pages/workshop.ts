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
