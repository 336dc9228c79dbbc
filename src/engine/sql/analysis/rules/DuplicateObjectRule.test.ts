import { describe, expect, it } from 'vitest';
import { check } from '../testing';
import { DuplicateObjectRule } from './DuplicateObjectRule';

describe('DuplicateObjectRule', () => {
  it('accepts OR REPLACE', () => {
    expect(check(DuplicateObjectRule, `CREATE STREAM s (a INTEGER); CREATE OR REPLACE STREAM s (a INTEGER)`)).toEqual([]);
  });
  it('rejects a stream or pump created twice', () => {
    expect(check(DuplicateObjectRule, `CREATE STREAM s (a INTEGER);\nCREATE STREAM s (b INTEGER)`)).toEqual(["2:15: Stream 'S' already exists"]);
    expect(check(DuplicateObjectRule, `CREATE STREAM s (a INTEGER);\nCREATE PUMP p AS INSERT INTO s SELECT STREAM 1 FROM s;\nCREATE PUMP p AS INSERT INTO s SELECT STREAM 2 FROM s`)).toEqual([
      "3:13: Pump 'P' already exists",
    ]);
  });
});
