import { describe, expect, it } from 'vitest';
import dayjs from 'dayjs';
import { VirtualClock } from '../../common/clock';
import { SeededRng } from '../../common/rng';
import { checkTemplate, compileTemplate, knownHelperNames, TemplateError, TemplateRenderer } from './index';
import { parseArgs } from './parser';

const T0 = Date.UTC(2026, 0, 15, 13, 4, 5, 678);
const renderer = (src: string, seed = 1, clock = new VirtualClock(T0)) =>
  new TemplateRenderer(compileTemplate(src), { clock, rng: new SeededRng(seed) });
const one = (src: string, seed = 1) => renderer(src, seed).render();
const many = (src: string, n: number, seed = 1) => {
  const r = renderer(src, seed);
  return Array.from({ length: n }, () => r.render());
};
const errorOf = (src: string): TemplateError => {
  try {
    compileTemplate(src);
  } catch (e) {
    if (e instanceof TemplateError) return e;
    throw e;
  }
  throw new Error('expected a TemplateError');
};

const SENSOR = `{  
  "sensorId": "sensor-{{random.number(100)}}",  
  "eventTimeStamp": "{{current.timestamp}}",  
  "ambientTemp": {{random.number({"min":-40, "max":60})}},  
  "measuredTemp": {{random.number({"min":0, "max":100})}}  
}`;

describe('the workshop sensor template (Activity 1-C)', () => {
  it('renders one JSON document per record, on one line, with values in range', () => {
    for (const rec of many(SENSOR, 500)) {
      expect(rec).not.toContain('\n');
      const o = JSON.parse(rec);
      expect(o.sensorId).toMatch(/^sensor-(\d|[1-9]\d|100)$/);
      expect(o.eventTimeStamp).toBe(one('{{date.now}}'));
      expect(Number.isInteger(o.ambientTemp) && o.ambientTemp >= -40 && o.ambientTemp <= 60).toBe(true);
      expect(Number.isInteger(o.measuredTemp) && o.measuredTemp >= 0 && o.measuredTemp <= 100).toBe(true);
    }
  });

  it('reaches both ends of an inclusive range', () => {
    const seen = new Set(many('{{random.number({"min":-40, "max":60})}}', 3000).map(Number));
    expect(seen.has(-40) && seen.has(60)).toBe(true);
    expect(seen.size).toBe(101);
  });

  it('keeps the indentation but drops line breaks and trims the ends, like KDG', () => {
    expect(one('\n  {\n    "a": 1\n  }\n')).toBe('{    "a": 1  }');
    expect(compileTemplate('a\r\nb', { collapseNewlines: false }).texts[0]).toBe('a\r\nb');
  });
});

describe("KDG's help page examples", () => {
  it('CSV: {{name.firstName}},{{name.lastName}},{{random.number(70)}},{{internet.ip}}', () => {
    const [first, last, age, ip] = one('{{name.firstName}},{{name.lastName}},{{random.number(70)}},{{internet.ip}}').split(',');
    expect(first).toMatch(/^\S+$/);
    expect(last.length).toBeGreaterThan(0);
    expect(Number(age)).toBeGreaterThanOrEqual(0);
    expect(Number(age)).toBeLessThanOrEqual(70);
    expect(ip).toMatch(/^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/);
  });

  it('JSON with arguments spread over several lines', () => {
    const src = `{
    "sensorId": {{random.number(50)}},
    "currentTemperature": {{random.number(
        {
            "min":10,
            "max":150
        }
    )}},
    "status": "{{random.arrayElement(
        ["OK","FAIL","WARN"]
    )}}"
}`;
    for (const rec of many(src, 200)) {
      const o = JSON.parse(rec);
      expect(o.sensorId).toBeLessThanOrEqual(50);
      expect(o.currentTemperature).toBeGreaterThanOrEqual(10);
      expect(o.currentTemperature).toBeLessThanOrEqual(150);
      expect(['OK', 'FAIL', 'WARN']).toContain(o.status);
    }
  });

  it('date.now and date.utc with moment formats', () => {
    const clock = new VirtualClock(T0);
    const local = dayjs(T0);
    const r = (s: string) => new TemplateRenderer(compileTemplate(s), { clock, rng: new SeededRng(1) }).render();
    expect(r('{{date.now}}')).toBe(local.format('YYYY-MM-DDTHH:mm:ssZ'));
    expect(r('{{date.now("dddd, MMMM Do YYYY, h:mm:ss a")}}')).toBe(local.format('dddd, MMMM') + local.format(' Do YYYY, h:mm:ss a'));
    expect(r('{{date.now("ddd, hA")}}')).toBe(local.format('ddd, hA'));
    expect(r('{{date.now("DD/MMM/YYYY:HH:mm:ss Z")}}')).toBe(local.format('DD/MMM/YYYY:HH:mm:ss Z'));
    expect(r('{{date.utc}}')).toBe('2026-01-15T13:04:05Z');
    expect(r('{{date.utc("dddd, MMMM Do YYYY, h:mm:ss a")}}')).toBe('Thursday, January 15th 2026, 1:04:05 pm');
    expect(r('{{date.utc("DD/MMM/YYYY:HH:mm:ss Z")}}')).toBe('15/Jan/2026:13:04:05 +00:00');
  });

  it('random.weightedArrayElement follows the weights', () => {
    const src = `{{random.weightedArrayElement(
  {
    "weights": [0.3,0.2,0.5],
    "data": ["cat","fish","dog"]
  }
)}}`;
    const counts: Record<string, number> = {};
    for (const v of many(src, 10000)) counts[v] = (counts[v] ?? 0) + 1;
    expect(Object.keys(counts).sort()).toEqual(['cat', 'dog', 'fish']);
    expect(counts.cat / 10000).toBeCloseTo(0.3, 1);
    expect(counts.fish / 10000).toBeCloseTo(0.2, 1);
    expect(counts.dog / 10000).toBeCloseTo(0.5, 1);
  });
});

describe('KDG helpers', () => {
  it("current.timestamp is date.now's default format at the same instant (KDG rewrites one to the other), read per record", () => {
    const clock = new VirtualClock(T0);
    const r = renderer('{{current.timestamp}}|{{date.now}}', 1, clock);
    const [a, b] = r.render().split('|');
    expect(a).toBe(b);
    expect(a).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d$/);
    clock.advance(2000);
    expect(r.render().split('|')[0]).not.toBe(a);
  });

  it('date.now(x) is epoch ms; raw, unquoted formats are passed as text', () => {
    expect(one('{{date.now(x)}}')).toBe(String(T0));
    expect(one('{{date.now("X")}}')).toBe(String(Math.floor(T0 / 1000)));
    expect(one('{{date.utc(YYYY-MM-DD HH:mm)}}')).toBe('2026-01-15 13:04');
    expect(one('{{date.utc(YYYY [at] HH)}}')).toBe('2026 at 13');
    expect(one('{{date.utc(h:mm a)}}')).toBe('1:04 pm');
    expect(one('{{date.simTime}}')).toBe(dayjs(T0).format());
  });

  it('random.number: a bare maximum, defaults, and precision as a step', () => {
    for (const v of many('{{random.number(5)}}', 200).map(Number)) expect(v >= 0 && v <= 5 && Number.isInteger(v)).toBe(true);
    for (const v of many('{{random.number}}', 200).map(Number)) expect(v >= 0 && v <= 99999).toBe(true);
    const prices = many('{{random.number({"min":1,"max":2,"precision":0.01})}}', 500);
    for (const p of prices) {
      expect(p).toMatch(/^(1(\.\d{1,2})?|2)$/);
    }
    expect(new Set(prices).size).toBeGreaterThan(50);
    for (const v of many('{{random.number({"min":0,"max":100,"precision":5})}}', 200).map(Number)) expect(v % 5).toBe(0);
    expect(one('{{random.number({"min":7,"max":7})}}')).toBe('7');
    for (const v of many('{{random.number(5, 7)}}', 100).map(Number)) expect(v >= 5 && v <= 7).toBe(true);
    expect(errorOf('{{random.number(5, "x")}}').message).toBe('random.number: max must be a number');
  });

  it('random.arrayElement picks from the array (faker 3 default a/b/c without one)', () => {
    const seen = new Set(many('{{random.arrayElement(["OK","FAIL","WARN"])}}', 200));
    expect([...seen].sort()).toEqual(['FAIL', 'OK', 'WARN']);
    expect(['a', 'b', 'c']).toContain(one('{{random.arrayElement}}'));
    expect(one('{{random.arrayElement([{"k":1}])}}')).toBe('{"k":1}');
  });

  it('random.uuid and internet.session', () => {
    expect(one('{{random.uuid}}')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(one('{{internet.session}}')).toMatch(/^[0-9a-f]{32}$/);
    expect(new Set(many('{{random.uuid}}', 100)).size).toBe(100);
  });

  it('address.nearbyGPSCoordinate stays within the radius of the origin', () => {
    for (const v of many('{{address.nearbyGPSCoordinate({"coordinate":[47.6062,-122.3321],"radius":10})}}', 100)) {
      const [lat, lng] = v.split(',').map(Number);
      expect(Math.abs(lat - 47.6062)).toBeLessThan(0.2);
      expect(Math.abs(lng + 122.3321)).toBeLessThan(0.3);
    }
    expect(one('{{address.nearbyGPSCoordinate([10, 20], 1, true)}}')).toMatch(/^\d+\.\d{4},\d+\.\d{4}$/);
    expect(one('{{address.nearbyGPSCoordinate}}')).toMatch(/^-?\d+\.\d{4},-?\d+\.\d{4}$/);
  });
});

describe('faker 3.1 names', () => {
  it('every name in the table renders without arguments', () => {
    const names = knownHelperNames().filter((n) => !n.startsWith('var.') && n !== 'date.between');
    expect(names.length).toBeGreaterThan(150);
    const r = renderer(names.map((n) => `{{${n}}}`).join('\u0001'));
    const out = r.render().split('\u0001');
    expect(out).toHaveLength(names.length);
    // only the helpers that transform their (missing) input come out empty
    expect(names.filter((_, i) => out[i] === '')).toEqual([
      'helpers.slugify',
      'helpers.replaceSymbolWithNumber',
      'helpers.replaceSymbols',
      'helpers.mustache',
    ]);
  });

  it('moved names land on their faker 10 equivalents', () => {
    expect(one('{{internet.ip}}')).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    expect(one('{{address.latitude}}')).toMatch(/^-?\d+\.\d{4}$/);
    expect(one('{{address.stateAbbr}}')).toMatch(/^[A-Z]{2}$/);
    expect(one('{{phone.phoneNumber("###-###")}}')).toMatch(/^\d{3}-\d{3}$/);
    expect(one('{{finance.amount(5, 10, 1, "$")}}')).toMatch(/^\$\d+\.\d$/);
    expect(one('{{date.past}}')).toMatch(/^2025-|^2026-01/);
    expect(Date.parse(one('{{date.past}}'))).toBeLessThan(T0);
    expect(Date.parse(one('{{date.future(2)}}'))).toBeGreaterThan(T0);
    // faker 3 counts date.recent's and date.soon's days in milliseconds: a fraction of a day works.
    for (let seed = 1; seed <= 20; seed++) {
      const recent = T0 - Date.parse(one('{{date.recent(0.004)}}', seed));
      expect(recent).toBeGreaterThanOrEqual(1000);
      expect(recent).toBeLessThanOrEqual(0.004 * 86400000);
      const soon = Date.parse(one('{{date.soon(0.5)}}', seed)) - T0;
      expect(soon).toBeGreaterThanOrEqual(1000);
      expect(soon).toBeLessThanOrEqual(43200000);
    }
    expect(T0 - Date.parse(one('{{date.recent}}'))).toBeLessThanOrEqual(86400000);
    const between = Date.parse(one('{{date.between("2020-01-01", "2020-01-02")}}'));
    expect(between).toBeGreaterThanOrEqual(Date.UTC(2020, 0, 1));
    expect(between).toBeLessThanOrEqual(Date.UTC(2020, 0, 2));
    expect(one('{{lorem.words(4)}}').split(' ')).toHaveLength(4);
    expect(one('{{helpers.replaceSymbolWithNumber("ab-##")}}')).toMatch(/^ab-\d\d$/);
    expect(JSON.parse(one('{{helpers.userCard}}'))).toHaveProperty('address.geo.lat');
    expect(one('{{random.boolean}}')).toMatch(/^(true|false)$/);
    expect(one('{{internet.color}}')).toMatch(/^#[0-9a-f]{6}$/);
  });

  it("faker 10's own names work too", () => {
    expect(one('{{person.firstName}}')).toMatch(/^\S+$/);
    expect(Number(one('{{number.int({"min":3,"max":3})}}'))).toBe(3);
    expect(one('{{string.uuid}}')).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('better than KDG', () => {
  it('replaces every occurrence of a helper, not just the first', () => {
    const out = one('{{random.number(9)}} {{random.number(9)}} {{random.number(9)}}');
    expect(out).toMatch(/^\d \d \d$/);
    const [a, b] = one('{{current.timestamp}}_{{current.timestamp}}').split('_');
    expect(a).toBe(b);
    expect(a).toBe(one('{{date.now}}'));
  });

  it('a tag may sit right inside JSON braces', () => {
    expect(one('{"a":{{random.number({"min":3,"max":3})}}}')).toBe('{"a":3}');
    expect(one('{"a":{"b":{{sequence.next}}}}')).toBe('{"a":{"b":1}}');
    expect(one('{{{sequence.next}}}')).toBe('{1}');
  });

  it('allows spaces inside the braces and before the arguments', () => {
    expect(one('{{ random.number( {"min": 4, "max": 4} ) }}')).toBe('4');
    expect(one('{{\n  random.arrayElement ( ["x"] )\n}}')).toBe('x');
  });

  it('arguments may hold parentheses, braces, quotes and "}}"', () => {
    expect(one('{{random.arrayElement(["(a)", "{b}", "c}}", "d\\"e"])}}')).toMatch(/^(\(a\)|\{b\}|c\}\}|d"e)$/);
    expect(many('{{random.arrayElement(["(a)"])}}!', 3)).toEqual(['(a)!', '(a)!', '(a)!']);
  });

  it('takes several comma-separated values and nested calls', () => {
    expect(one("{{helpers.slugify('Hello big World')}}")).toBe('Hello-big-World');
    expect(one('{{var.set("a", random.number({"min":2,"max":2}))}}{{var.a}}')).toBe('22');
  });

  it('sequence.next counts per run; start and step are optional', () => {
    expect(many('{{sequence.next}}', 3)).toEqual(['1', '2', '3']);
    expect(many('{{sequence.next(100)}}', 2)).toEqual(['100', '101']);
    expect(many('{{sequence.next(0, 5)}}', 3)).toEqual(['0', '5', '10']);
    expect(many('{{sequence.next({"start":10,"step":-1})}}', 2)).toEqual(['10', '9']);
    expect(many('{{sequence.next}}/{{sequence.next(50)}}', 2)).toEqual(['1/50', '2/51']);
  });

  it('var.set writes and keeps a value, var.let keeps it silently, var.NAME and var.get reuse it', () => {
    const [a, b] = many('{"id":"{{var.set("id", random.uuid)}}","again":"{{var.id}}","get":"{{var.get("id")}}"}', 2).map((r) =>
      JSON.parse(r),
    );
    expect(a.id).toBe(a.again);
    expect(a.id).toBe(a.get);
    expect(b.id).not.toBe(a.id);
    expect(one('{{var.let("n", 42)}}<{{var.n}}>')).toBe('<42>');
  });

  it('the same seed gives the same records; another seed does not', () => {
    const src = `${SENSOR}{{name.findName}}{{random.uuid}}{{lorem.sentence}}{{date.past}}`;
    expect(many(src, 20, 7)).toEqual(many(src, 20, 7));
    expect(many(src, 20, 7)).not.toEqual(many(src, 20, 8));
  });
});

describe('errors, found at compile time with line and column', () => {
  it('names an unknown helper and where it is, with a suggestion', () => {
    const e = errorOf('{\n  "a": "{{random.nubmer(5)}}"\n}');
    expect(e.message).toBe('Unknown helper "random.nubmer" (did you mean random.number?)');
    expect([e.line, e.column]).toEqual([2, 11]);
    expect(e.format('t.json')).toBe('t.json:2:11: Unknown helper "random.nubmer" (did you mean random.number?)');
    expect(errorOf('{{foo.bar}}').message).toBe('Unknown helper "foo.bar"');
  });

  it('reports every problem, in source order', () => {
    const errors = checkTemplate('{{a.b}} {{random.number({"min":3,"max":1})}}\n{{random.arrayElement([])}}');
    expect(errors.map((e) => e.format())).toEqual([
      '1:3: Unknown helper "a.b"',
      '1:11: random.number: min (3) is greater than max (1)',
      '2:3: random.arrayElement: the array is empty',
    ]);
    expect(checkTemplate(SENSOR)).toEqual([]);
  });

  it('unclosed tags and parentheses', () => {
    expect(errorOf('x {{random.number(5}}').format()).toBe('1:18: Unclosed "(" in the arguments of random.number');
    expect(errorOf('{{random.number(5) x}}').format()).toBe(
      '1:20: Expected "}}" to close the tag opened at line 1, column 1',
    );
    expect(errorOf('ab{{}}').format()).toBe('1:5: Expected a helper name such as random.number after "{{"');
    expect(errorOf('{{current.timestamp').format()).toBe(
      '1:20: Expected "}}" to close the tag opened at line 1, column 1',
    );
  });

  it('bad arguments to KDG helpers', () => {
    expect(errorOf('{{random.number("ten")}}').message).toBe(
      'random.number expects a number or {"min":..,"max":..,"precision":..}',
    );
    expect(errorOf('{{random.number({"mni":1})}}').message).toBe('random.number: unknown option "mni" (use min, max, precision)');
    expect(errorOf('{{random.number({"precision":0})}}').message).toBe('random.number: precision must be greater than 0');
    expect(errorOf('{{random.arrayElement(OK)}}').message).toBe(
      'random.arrayElement expects a JSON array, e.g. ["OK","FAIL"]',
    );
    expect(errorOf('{{random.weightedArrayElement({"weights":[1],"data":[1,2]})}}').message).toBe(
      'random.weightedArrayElement: 1 weights for 2 data items',
    );
    expect(errorOf('{{random.weightedArrayElement({"weights":[0],"data":[1]})}}').message).toBe(
      'random.weightedArrayElement: the weights add up to 0',
    );
    expect(errorOf('{{date.now(5)}}').message).toBe('date.now expects a date format such as "YYYY-MM-DD HH:mm:ss"');
    expect(errorOf('{{internet.password(8, false, "[")}}').message).toBe(
      'internet.password: "[" is not a valid regular expression',
    );
  });

  it('language helpers check their arguments', () => {
    expect(errorOf('{{var.x}}').message).toBe('var.x is read before any var.set("x", ...) or var.let("x", ...)');
    expect(errorOf('{{var.x}}{{var.set("x", 1)}}').format()).toBe('1:3: var.x is read before any var.set("x", ...) or var.let("x", ...)');
    expect(errorOf('{{var.set("x")}}').message).toBe('var.set("x", ...) needs a value: a helper or a JSON literal');
    expect(errorOf('{{var.set(1, 2)}}').message).toBe('var.set expects a variable name first, e.g. var.set("id", random.uuid)');
    expect(errorOf('{{var.set("x", random.nope)}}').message).toBe('Unknown helper "random.nope"');
    expect(errorOf('{{sequence.next("a")}}').message).toBe('sequence.next expects numbers: sequence.next(start, step)');
  });

  it('a helper failing on a computed argument names itself when rendering', () => {
    const bad = renderer('{{var.let("d", "nope")}}{{date.between(var.d, var.d)}}', 1);
    expect(() => bad.render()).toThrowError(TemplateError);
    try {
      bad.render();
    } catch (e) {
      expect((e as TemplateError).format()).toMatch(/^1:27: date\.between failed: /);
    }
  });
});

describe('argument parsing', () => {
  const values = (text: string) => parseArgs(text, 0, (m) => m === 'random').map((a) => (a.kind === 'value' ? a.value : `call:${a.name}`));

  it('the whole text as JSON first (KDG), then a comma-separated list, else the raw text', () => {
    expect(values('')).toEqual([]);
    expect(values('  ')).toEqual([]);
    expect(values('70')).toEqual([70]);
    expect(values('{"min":1,"max":2}')).toEqual([{ min: 1, max: 2 }]);
    expect(values('[1, 2]')).toEqual([[1, 2]]);
    expect(values('"YYYY"')).toEqual(['YYYY']);
    expect(values('1, "a", [2], {"b":3}, null, true')).toEqual([1, 'a', [2], { b: 3 }, null, true]);
    expect(values("'single', 'it\\'s'")).toEqual(['single', "it's"]);
    expect(values('"id", random.uuid')).toEqual(['id', 'call:random.uuid']);
    expect(values('random.number(5)')).toEqual(['call:random.number']);
    expect(values('YYYY-MM-DD HH:mm')).toEqual(['YYYY-MM-DD HH:mm']);
    expect(values('dddd, MMMM Do YYYY')).toEqual(['dddd, MMMM Do YYYY']);
    expect(values('h.mm')).toEqual(['h.mm']);
    expect(values('1, ')).toEqual(['1, ']);
  });
});
