import { describe, expect, it } from 'vitest';
import { jsonWarning, limitProblem, previewRecords, rateProblem, templateProblems } from './useGenerator';
import { SENSOR_TEMPLATE, freeName, useGeneratorTemplates } from './useGeneratorTemplates';

describe('Generator form checks', () => {
  it('refuses a rate of 0, a negative rate and text, with a message', () => {
    expect(rateProblem('0')).toBe('The rate must be greater than 0 records per second (got 0)');
    expect(rateProblem('-5')).toBe('The rate must be greater than 0 records per second (got -5)');
    expect(rateProblem('fast')).toBe('The rate must be a number of records per second, not "fast"');
    expect(rateProblem('')).toBe('The rate must be a number of records per second, not ""');
    expect(rateProblem('200')).toBeUndefined();
  });

  it('takes an empty record limit as "no limit" and refuses anything but a whole number above 0', () => {
    expect(limitProblem('')).toBeUndefined();
    expect(limitProblem('2000')).toBeUndefined();
    expect(limitProblem('0')).toMatch(/whole number greater than 0/);
    expect(limitProblem('1.5')).toMatch(/whole number greater than 0/);
  });

  it('places template errors by line and column', () => {
    expect(templateProblems(SENSOR_TEMPLATE)).toEqual([]);
    const [p] = templateProblems('{\n  "sensorId": "{{random.nmber(100)}}"\n}');
    expect(p).toMatchObject({ line: 2, column: 18 });
    expect(p.message).toMatch(/random\.nmber/);
  });
});

describe('Test template', () => {
  it('renders five records, the same ones for the same seed', () => {
    const a = previewRecords(SENSOR_TEMPLATE, 7);
    const b = previewRecords(SENSOR_TEMPLATE, 7);
    const c = previewRecords(SENSOR_TEMPLATE, 8);
    if (!a.ok || !b.ok || !c.ok) throw new Error('the sensor template should render');
    expect(a.records).toHaveLength(5);
    const ids = (r: string[]) => r.map((x) => JSON.parse(x).sensorId);
    expect(ids(a.records)).toEqual(ids(b.records));
    expect(ids(a.records)).not.toEqual(ids(c.records));
    for (const r of a.records) expect(JSON.parse(r).ambientTemp).toBeGreaterThanOrEqual(-40);
  });

  it("dates records with the time it is given (the emulator's), not the browser's", () => {
    const emulated = Date.UTC(2031, 4, 6, 7, 8, 9);
    const p = previewRecords('{"ts":{{date.now("x")}},"day":"{{date.utc("YYYY-MM-DD HH:mm")}}"}', 1, 1, emulated);
    if (!p.ok) throw new Error('the template should render');
    expect(JSON.parse(p.records[0])).toEqual({ ts: emulated, day: '2031-05-06 07:08' });
  });

  it('reports a template that cannot compile instead of throwing', () => {
    expect(previewRecords('{{nope.nope}}', 1)).toMatchObject({ ok: false, problem: { line: 1, column: 3 } });
  });
});

describe('saved templates', () => {
  it('adds, renames and deletes templates, always keeping one', () => {
    const s = useGeneratorTemplates.getState();
    expect(s.templates.map((t) => t.name)).toEqual(['Sensor readings']);
    const id = s.add(undefined, '{{random.uuid}}');
    let now = useGeneratorTemplates.getState();
    expect(now.activeId).toBe(id);
    expect(now.templates.map((t) => t.name)).toEqual(['Sensor readings', 'Template 2']);
    now.rename(id, 'Clicks');
    now.setWeight(id, 3);
    now = useGeneratorTemplates.getState();
    expect(now.templates[1]).toMatchObject({ name: 'Clicks', weight: 3, source: '{{random.uuid}}' });
    now.remove(id);
    now = useGeneratorTemplates.getState();
    expect(now.templates).toHaveLength(1);
    expect(now.activeId).toBe(now.templates[0].id);
    now.remove(now.templates[0].id);
    expect(useGeneratorTemplates.getState().templates).toHaveLength(1);
  });

  it('names a new template with the first free number', () => {
    expect(freeName(['Template 2', 'Template 3'])).toBe('Template 4');
    expect(freeName(['Sensor readings'])).toBe('Template 2');
  });
});

describe('template checks before sending', () => {
  it('an empty template is a problem: it cannot be sent', () => {
    expect(templateProblems('  \n ')).toEqual([{ line: 1, column: 1, message: 'The template is empty: write the record the generator sends' }]);
    expect(templateProblems('{"a": 1}')).toEqual([]);
  });

  it('warns of records that look like JSON but are not, with the place in the record', () => {
    expect(jsonWarning('{ "a": {{random.number(9)}}, }', 0)).toMatchObject({
      line: 1,
      column: 11,
      message: 'Expected double-quoted property name',
      // the "}" after the comma, in the template
      templateLine: 1,
      templateColumn: 30,
    });
    expect(jsonWarning('{ "a": {{random.number(9)}} }', 0)).toBeUndefined();
    expect(jsonWarning('sensor,{{random.number(9)}}', 0)).toBeUndefined();
  });
});
