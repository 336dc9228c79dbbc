/** The workshop's Activity 1-C record format (IoT sensor readings), as attendees paste it into the generator. */
export const WORKSHOP_SENSOR_TEMPLATE = `{
  "sensorId": "sensor-{{random.number(100)}}",
  "eventTimeStamp": "{{current.timestamp}}",
  "ambientTemp": {{random.number({"min":-40, "max":60})}},
  "measuredTemp": {{random.number({"min":0, "max":100})}}
}`;
