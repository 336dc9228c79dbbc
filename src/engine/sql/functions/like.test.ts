import { describe, expect, it } from 'vitest';
import { SqlRuntimeError } from './errors';
import { likeToRegExp, similarToRegExp } from './registry';

describe('LIKE', () => {
  it('% matches any run, _ one character, the rest literally', () => {
    expect(likeToRegExp('a%').test('abc')).toBe(true);
    expect(likeToRegExp('a%').test('ba')).toBe(false);
    expect(likeToRegExp('a_c').test('abc')).toBe(true);
    expect(likeToRegExp('a_c').test('abbc')).toBe(false);
    expect(likeToRegExp('%.%').test('a.b')).toBe(true);
    expect(likeToRegExp('a.c').test('abc')).toBe(false);
    expect(likeToRegExp('(x)[y]*').test('(x)[y]*')).toBe(true);
    expect(likeToRegExp('%').test('line1\nline2')).toBe(true);
  });
  it('an escape character makes %, _ and itself literal', () => {
    expect(likeToRegExp('100!%', '!').test('100%')).toBe(true);
    expect(likeToRegExp('100!%', '!').test('1000')).toBe(false);
    expect(likeToRegExp('a!_b', '!').test('a_b')).toBe(true);
    expect(likeToRegExp('a!!', '!').test('a!')).toBe(true);
  });
  it('a bad escape is an error', () => {
    expect(() => likeToRegExp('a!b', '!')).toThrow(SqlRuntimeError);
    expect(() => likeToRegExp('a!b', '!')).toThrow("Invalid escape sequence 'a!b' at position 2");
    expect(() => likeToRegExp('a', '!!')).toThrow("Invalid escape character '!!': it must be one character long");
  });
});

describe('SIMILAR TO', () => {
  it('supports alternation, repetition, groups and classes', () => {
    expect(similarToRegExp('(ab|cd)+').test('abcdab')).toBe(true);
    expect(similarToRegExp('(ab|cd)+').test('abx')).toBe(false);
    expect(similarToRegExp('[a-c]%').test('bzz')).toBe(true);
    expect(similarToRegExp('[^a-c]%').test('bzz')).toBe(false);
    expect(similarToRegExp('a{2,3}').test('aaa')).toBe(true);
    expect(similarToRegExp('a{2,3}').test('aaaa')).toBe(false);
    expect(similarToRegExp('x_?').test('x')).toBe(true);
  });
  it('treats . ^ $ as literals and matches the whole string', () => {
    expect(similarToRegExp('a.b').test('a.b')).toBe(true);
    expect(similarToRegExp('a.b').test('axb')).toBe(false);
    expect(similarToRegExp('b').test('abc')).toBe(false);
    expect(similarToRegExp('a|b').test('ab')).toBe(false);
  });
  it('escapes and errors', () => {
    expect(similarToRegExp('a#%', '#').test('a%')).toBe(true);
    expect(similarToRegExp('a#|b', '#').test('a|b')).toBe(true);
    expect(() => similarToRegExp('[ab')).toThrow("Invalid regular expression '[ab': unclosed '['");
    expect(() => similarToRegExp('(ab')).toThrow("Invalid regular expression '(ab'");
  });
});
