import { describe, expect, it } from 'vitest';
import { dialect } from './dialect';
import { diagnose } from './diagnose';
import { CLAUSE_KEYWORDS, DIALECT_KEYWORDS, RESERVED_WORDS } from './keywords';
import { parseScript } from './parser';

const errorOf = (src: string) => {
  try {
    parseScript(src);
  } catch (e) {
    return (e as Error).message;
  }
  return 'no error';
};

describe('the dialect', () => {
  it('has one list of reserved words: every clause keyword the parser stops at is in it', () => {
    for (const w of CLAUSE_KEYWORDS) expect(RESERVED_WORDS.has(w) || DIALECT_KEYWORDS.has(w), w).toBe(true);
    expect(dialect.reservedWords).toContain('TIMESTAMP');
    expect(dialect.reservedWords).toContain('PUMP');
    expect(dialect.keywords).toContain('STAGGER');
  });

  it('does not take a reserved word as an unquoted name, but does quoted, and a function name after AS', () => {
    expect(errorOf(`CREATE STREAM s (timestamp TIMESTAMP)`)).toBe("Syntax error at line 1, column 18: expected a column name but found 'timestamp'");
    expect(errorOf(`SELECT STREAM a value FROM s`)).toBe("Syntax error at line 1, column 17: expected FROM but found 'value'");
    expect(errorOf(`CREATE STREAM s ("timestamp" TIMESTAMP, "VALUE" INTEGER)`)).toBe('no error');
    expect(errorOf(`SELECT STREAM VAR_POP(x) AS var_pop, ROWTIME, APPROXIMATE_ARRIVAL_TIME FROM s`)).toBe('no error');
    expect(errorOf(`SELECT STREAM x AS from FROM s`)).toBe("Syntax error at line 1, column 20: expected an alias but found 'from'");
  });

  it('lists every type the parser reads', () => {
    const script = `CREATE STREAM s (${dialect.types.map((t, i) => `c${i} ${t}`).join(', ')})`;
    expect(errorOf(script)).toBe('no error');
  });

  it('lists functions with signatures, each one the engine knows', () => {
    const byName = (n: string) => dialect.functions.filter((f) => f.name === n).map((f) => f.signature);
    expect(byName('SUBSTRING')).toEqual(['SUBSTRING(arg1, arg2[, arg3])']);
    expect(byName('COUNT')).toEqual(['COUNT(*)']);
    expect(byName('CURRENT_ROW_TIMESTAMP')).toEqual(['CURRENT_ROW_TIMESTAMP']);
    expect(byName('TOP_K_ITEMS_TUMBLING')[0]).toMatch(/^TABLE\(TOP_K_ITEMS_TUMBLING\(CURSOR\(/);
    // Every registered function, called with its fewest arguments: parsed, and found (type errors aside).
    const calls = dialect.functions.filter((f) => (f.kind === 'scalar' || f.kind === 'aggregate') && f.signature.includes('arg1'));
    expect(calls.length).toBeGreaterThan(30);
    for (const f of calls) {
      const d = diagnose(`SELECT STREAM ${f.name}(${Array(f.minArgs).fill('1').join(', ')}) FROM SOURCE_SQL_STREAM_001 GROUP BY FLOOR(ROWTIME TO MINUTE)`);
      expect(d.filter((x) => x.kind === 'Syntax error' || x.message.startsWith('No match found')), f.name).toEqual([]);
    }
  });
});
