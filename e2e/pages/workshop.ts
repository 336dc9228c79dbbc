/** The workshop's record format exactly as the lab's slide has it (trailing spaces included). */
export const WORKSHOP_TEMPLATE = [
  '{  ',
  '  "sensorId": "sensor-{{random.number(100)}}",  ',
  '  "eventTimeStamp": "{{current.timestamp}}",  ',
  '  "ambientTemp": {{random.number({"min":-40, "max":60})}},  ',
  '  "measuredTemp": {{random.number({"min":0, "max":100})}}  ',
  '}',
].join('\n');
