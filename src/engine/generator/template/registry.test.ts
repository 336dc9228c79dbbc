import { describe, expect, it } from 'vitest';
import { VirtualClock } from '../../common/clock';
import { SeededRng } from '../../common/rng';
import { compileTemplate } from './compiler';
import { HELPER_DOCS } from './helpers/docs';
import { helperCatalogue, knownHelperNames } from './registry';
import { TemplateRenderer } from './renderer';

describe('helperCatalogue', () => {
  it('documents every helper the registry knows, and nothing else', () => {
    expect(Object.keys(HELPER_DOCS).sort()).toEqual([...knownHelperNames()].sort());
    expect(helperCatalogue().map((h) => h.name).sort()).toEqual([...knownHelperNames()].sort());
  });

  it('lists KDG\'s own helpers first', () => {
    const names = helperCatalogue().map((h) => h.name);
    expect(names.slice(0, 3)).toEqual(['current.timestamp', 'date.now', 'date.utc']);
    expect(names.indexOf('random.number')).toBeLessThan(names.indexOf('random.objectElement'));
  });

  it('gives each helper a one-line summary, and parameters an example', () => {
    for (const h of helperCatalogue()) {
      expect(h.summary, h.name).not.toMatch(/\n/);
      expect(h.summary.length, h.name).toBeGreaterThan(3);
      expect(Boolean(h.exampleArgs), `${h.name}: an example exactly when it takes parameters`).toBe(Boolean(h.params));
    }
  });

  it('writes examples as tags: with the arguments, or the bare name', () => {
    const byName = new Map(helperCatalogue().map((h) => [h.name, h]));
    expect(byName.get('random.number')).toMatchObject({ params: 'max | {"min","max","precision"}', example: '{{random.number({"min":0,"max":100})}}' });
    expect(byName.get('random.uuid')).toMatchObject({ params: undefined, example: '{{random.uuid}}' });
  });

  it('has examples that compile and render', () => {
    for (const h of helperCatalogue()) {
      // var.get and var.let read or keep a value: give them a var.set first
      const source = h.name === 'var.get' ? `{{var.let("id", random.uuid)}}${h.example}` : h.example;
      const renderer = new TemplateRenderer(compileTemplate(source), { clock: new VirtualClock(0), rng: new SeededRng(3) });
      expect(() => renderer.render(), h.example).not.toThrow();
    }
  });
});
