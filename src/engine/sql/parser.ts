import type { BinaryOp, ColumnDef, Expr, FromItem, Name, Script, Select, SelectItem, Statement, TimeUnit, WindowRef, WindowSpec } from './ast';
import { syntaxError, SqlCompileError, type Loc, type Span } from './errors';
import { CLAUSE_KEYWORDS, isReservedName, NILADIC_FUNCTIONS, PSEUDO_COLUMNS, RESERVED_WORDS, TIME_UNITS } from './keywords';
import { tokenize, type Token } from './lexer';
import { T, decimal, UNIT_MS, type SqlType, type SqlValue } from './types';


/** A script parsed as far as it could be: the statements without syntax errors, and one error per broken statement. */
export interface ParsedScript extends Script {
  errors: SqlCompileError[];
  /** Names that broken statements declare (CREATE STREAM x ...): later mentions of them are not reported as unknown. */
  broken: string[];
}

/** Parses a whole script (statements separated by `;`), going on after a broken statement. */
export function parseScriptRecovering(src: string): ParsedScript {
  return new Parser(src).parseScript();
}

/** Parses a whole script (statements separated by `;`). Throws SqlCompileError on the first syntax error. */
export function parseScript(src: string): Script {
  const parsed = parseScriptRecovering(src);
  if (parsed.errors.length) throw parsed.errors[0];
  return { statements: parsed.statements };
}

/** Parses one expression (for tests and tools). */
export function parseExpression(src: string): Expr {
  const p = new Parser(src);
  const e = p.parseExpr();
  p.expectEof();
  return e;
}

class Parser {
  private readonly tokens: Token[];
  private pos = 0;

  constructor(src: string) {
    this.tokens = tokenize(src);
  }

  // ---- token helpers ----
  private get tok(): Token {
    return this.tokens[this.pos];
  }
  private peek(n = 1): Token {
    return this.tokens[Math.min(this.pos + n, this.tokens.length - 1)];
  }
  private next(): Token {
    const t = this.tokens[this.pos];
    if (t.kind !== 'eof') this.pos++;
    return t;
  }
  private isKw(word: string, t: Token = this.tok): boolean {
    return t.kind === 'ident' && t.value === word;
  }
  private isOp(op: string, t: Token = this.tok): boolean {
    return t.kind === 'op' && t.value === op;
  }
  private acceptKw(word: string): boolean {
    if (this.isKw(word)) {
      this.pos++;
      return true;
    }
    return false;
  }
  private acceptOp(op: string): boolean {
    if (this.isOp(op)) {
      this.pos++;
      return true;
    }
    return false;
  }
  private fail(expected: string): never {
    const t = this.tok;
    // Text the lexer could not read: its own message is the better one.
    if (t.kind === 'error') throw syntaxError(t.value, tokenSpan(t));
    throw syntaxError(`expected ${expected} but found '${t.text}'`, tokenSpan(t));
  }
  /** From `start` to the end of the last token consumed. */
  private span(start: Loc): Span {
    const end = this.pos > 0 ? this.tokens[this.pos - 1].end : start;
    return { line: start.line, column: start.column, offset: start.offset, end: end.offset >= start.offset ? end : start };
  }
  private expectKw(word: string): Token {
    if (!this.isKw(word)) this.fail(word);
    return this.next();
  }
  private expectOp(op: string): Token {
    if (!this.isOp(op)) this.fail(`'${op}'`);
    return this.next();
  }
  private atEof(): boolean {
    return this.tok.kind === 'eof';
  }
  expectEof(): void {
    if (this.tok.kind !== 'eof') this.fail('end of script');
  }

  // Name : identifier | "quoted identifier"
  // After AS only a name can follow, so a reserved function name (`AS var_pop`) is taken there; a clause word is not.
  private parseName(what = 'an identifier', afterAs = false): Name {
    const t = this.tok;
    if (t.kind === 'qident') {
      this.pos++;
      return { value: t.value, quoted: true, loc: tokenSpan(t) };
    }
    if (t.kind === 'ident' && (afterAs ? !CLAUSE_KEYWORDS.has(t.value) : !isReservedName(t.value))) {
      this.pos++;
      return { value: t.value, quoted: false, loc: tokenSpan(t) };
    }
    this.fail(what);
  }
  private isNameStart(t: Token = this.tok): boolean {
    return t.kind === 'qident' || (t.kind === 'ident' && !isReservedName(t.value));
  }

  // Script : Statement { ';' Statement } [ ';' ]
  // A statement with a syntax error is reported and skipped up to the next `;` or CREATE (which
  // cannot occur inside a statement), so every statement's first error is found in one pass.
  parseScript(): ParsedScript {
    const statements: Statement[] = [];
    const errors: SqlCompileError[] = [];
    const broken: string[] = [];
    while (this.tok.kind !== 'eof') {
      if (this.acceptOp(';')) continue;
      const start = this.pos;
      try {
        const st = this.parseStatement();
        if (!this.atEof() && !this.isOp(';')) this.fail("';'");
        statements.push(st);
      } catch (e) {
        if (!(e instanceof SqlCompileError)) throw e;
        errors.push(e);
        const name = this.declaredName(start);
        if (name) broken.push(name);
        if (this.pos === start) this.pos++;
        while (!this.atEof() && !this.isOp(';') && !(this.isKw('CREATE') && this.pos > start)) this.pos++;
      }
    }
    return { statements, errors, broken };
  }

  /** The stream or pump a statement starting at token `start` declares (CREATE [OR REPLACE] STREAM|PUMP name). */
  private declaredName(start: number): string | undefined {
    let i = start;
    const at = (word: string) => this.isKw(word, this.tokens[i]);
    if (!at('CREATE')) return undefined;
    i++;
    if (at('OR')) i += 2;
    if (!at('STREAM') && !at('PUMP')) return undefined;
    const t = this.tokens[i + 1];
    return t && (t.kind === 'qident' || t.kind === 'ident') ? t.value : undefined;
  }

  // Statement : CreateStream | CreatePump | SELECT STREAM ...
  private parseStatement(): Statement {
    const loc = this.tok.loc;
    if (this.isKw('SELECT')) return { kind: 'Query', query: this.parseSelect(), loc: this.span(loc) };
    if (!this.isKw('CREATE')) this.fail("CREATE or SELECT");
    this.next();
    let orReplace = false;
    if (this.acceptKw('OR')) {
      this.expectKw('REPLACE');
      orReplace = true;
    }
    if (this.acceptKw('STREAM')) return this.parseCreateStream(orReplace, loc);
    if (this.acceptKw('PUMP')) return this.parseCreatePump(orReplace, loc);
    this.fail('STREAM or PUMP');
  }

  // CreateStream : CREATE [OR REPLACE] STREAM Name '(' ColumnDef { ',' ColumnDef } ')' [ DESCRIPTION 'text' ]
  private parseCreateStream(orReplace: boolean, loc: Loc): Statement {
    const name = this.parseName('a stream name');
    this.expectOp('(');
    const columns: ColumnDef[] = [];
    do {
      const colName = this.parseName('a column name');
      columns.push({ name: colName, type: this.parseType(), loc: this.span(colName.loc) });
    } while (this.acceptOp(','));
    this.expectOp(')');
    let description: string | undefined;
    if (this.acceptKw('DESCRIPTION')) {
      if (this.tok.kind !== 'string') this.fail('a string');
      description = this.next().value;
    }
    return { kind: 'CreateStream', orReplace, name, columns, description, loc: this.span(loc) };
  }

  // CreatePump : CREATE [OR REPLACE] PUMP Name AS INSERT INTO Name [ '(' Name { ',' Name } ')' ] Select
  private parseCreatePump(orReplace: boolean, loc: Loc): Statement {
    const name = this.parseName('a pump name');
    this.expectKw('AS');
    this.expectKw('INSERT');
    this.expectKw('INTO');
    const target = this.parseName('a stream name');
    let targetColumns: Name[] | undefined;
    if (this.acceptOp('(')) {
      targetColumns = [];
      do targetColumns.push(this.parseName('a column name'));
      while (this.acceptOp(','));
      this.expectOp(')');
    }
    if (!this.isKw('SELECT')) this.fail('SELECT');
    return { kind: 'CreatePump', orReplace, name, target, targetColumns, query: this.parseSelect(), loc: this.span(loc) };
  }

  // Type : BOOLEAN | TINYINT | SMALLINT | INTEGER | INT | BIGINT | REAL | FLOAT | DOUBLE [PRECISION]
  //      | (DECIMAL | NUMERIC | DEC) [ '(' p [ ',' s ] ')' ] | (CHAR | CHARACTER) [VARYING] [ '(' n ')' ]
  //      | VARCHAR [ '(' n ')' ] | (VARBINARY | BINARY) [ '(' n ')' ] | DATE | TIME | TIMESTAMP
  private parseType(): SqlType {
    const t = this.tok;
    if (t.kind !== 'ident') this.fail('a data type');
    this.next();
    const len = (dflt: number): number => {
      if (!this.acceptOp('(')) return dflt;
      const n = this.parseIntToken();
      this.expectOp(')');
      return n;
    };
    switch (t.value) {
      case 'BOOLEAN':
      case 'TINYINT':
      case 'SMALLINT':
      case 'INTEGER':
      case 'BIGINT':
      case 'REAL':
      case 'DATE':
        return { kind: t.value } as SqlType;
      case 'INT':
        return T.INTEGER;
      case 'FLOAT':
        return T.DOUBLE;
      case 'DOUBLE':
        this.acceptKw('PRECISION');
        return T.DOUBLE;
      case 'TIME':
      case 'TIMESTAMP':
        if (this.acceptOp('(')) {
          this.parseIntToken();
          this.expectOp(')');
        }
        return { kind: t.value };
      case 'DECIMAL':
      case 'NUMERIC':
      case 'DEC': {
        // SQL:2008 and SQLstream default: DECIMAL alone is DECIMAL(19,0) in SQLstream s-Server.
        if (!this.acceptOp('(')) return decimal(19, 0);
        const p = this.parseIntToken();
        const s = this.acceptOp(',') ? this.parseIntToken() : 0;
        this.expectOp(')');
        return decimal(p, s);
      }
      case 'CHAR':
      case 'CHARACTER':
        if (this.acceptKw('VARYING')) return { kind: 'VARCHAR', length: len(1) };
        return { kind: 'CHAR', length: len(1) };
      case 'VARCHAR':
        return { kind: 'VARCHAR', length: len(65535) };
      case 'VARBINARY':
      case 'BINARY':
        return { kind: 'VARBINARY', length: len(65535) };
      default:
        throw syntaxError(`unknown data type '${t.text}'`, tokenSpan(t));
    }
  }

  private parseIntToken(): number {
    if (this.tok.kind !== 'number' || !/^\d+$/.test(this.tok.value)) this.fail('an integer');
    return Number(this.next().value);
  }

  // Select : SELECT [STREAM] [DISTINCT | ALL] SelectItem { ',' SelectItem } FROM FromItem
  //          [WHERE Expr] [GROUP BY Expr { ',' Expr }] [HAVING Expr]
  //          [WINDOWED BY STAGGER '(' PARTITION BY Expr { ',' Expr } RANGE Interval ')']
  //          [WINDOW Name AS '(' WindowSpec ')' { ',' ... }]
  //          { UNION ALL SelectCore } [ORDER BY Expr [ASC|DESC] { ',' ... }]
  private parseSelect(): Select {
    const q = this.parseSelectCore();
    while (this.isKw('UNION')) {
      this.next();
      this.expectKw('ALL');
      (q.unionAll ??= []).push(this.parseSelectCore());
    }
    if (this.acceptKw('ORDER')) {
      this.expectKw('BY');
      q.orderBy = [];
      do {
        const expr = this.parseExpr();
        const desc = this.acceptKw('DESC');
        if (!desc) this.acceptKw('ASC');
        q.orderBy.push({ expr, desc });
      } while (this.acceptOp(','));
    }
    q.loc = this.span(q.loc);
    return q;
  }

  // SelectCore : the SELECT above without UNION ALL and ORDER BY
  private parseSelectCore(): Select {
    const loc = this.expectKw('SELECT').loc;
    const stream = this.acceptKw('STREAM');
    const distinct = this.acceptKw('DISTINCT');
    if (!distinct) this.acceptKw('ALL');
    const items: SelectItem[] = [];
    do items.push(this.parseSelectItem());
    while (this.acceptOp(','));
    this.expectKw('FROM');
    const from = this.parseFrom();
    const q: Select = { kind: 'Select', stream, distinct, items, from, windows: [], loc: this.span(loc) };
    if (this.acceptKw('WHERE')) q.where = this.parseExpr();
    if (this.acceptKw('GROUP')) {
      this.expectKw('BY');
      q.groupBy = [];
      do q.groupBy.push(this.parseExpr());
      while (this.acceptOp(','));
    }
    if (this.acceptKw('HAVING')) q.having = this.parseExpr();
    if (this.isKw('WINDOWED')) {
      const wloc = this.next().loc;
      this.expectKw('BY');
      this.expectKw('STAGGER');
      this.expectOp('(');
      this.expectKw('PARTITION');
      this.expectKw('BY');
      const partitionBy: Expr[] = [];
      do partitionBy.push(this.parseExpr());
      while (this.acceptOp(','));
      this.expectKw('RANGE');
      const rangeMs = this.parseIntervalValue().ms;
      this.expectOp(')');
      q.stagger = { partitionBy, rangeMs, loc: this.span(wloc) };
    }
    if (this.acceptKw('WINDOW')) {
      do {
        const name = this.parseName('a window name');
        this.expectKw('AS');
        this.expectOp('(');
        q.windows.push({ name, spec: this.parseWindowSpec() });
        this.expectOp(')');
      } while (this.acceptOp(','));
    }
    q.loc = this.span(loc);
    return q;
  }

  // SelectItem : '*' | Name '.' '*' | Expr [ [AS] Name ]
  private parseSelectItem(): SelectItem {
    const loc = this.tok.loc;
    if (this.isOp('*')) {
      this.next();
      return { expr: { kind: 'Star', loc: this.span(loc) }, loc: this.span(loc) };
    }
    if (this.isNameStart() && this.isOp('.', this.peek()) && this.isOp('*', this.peek(2))) {
      const qualifier = this.parseName();
      this.next();
      this.next();
      return { expr: { kind: 'Star', qualifier, loc: this.span(loc) }, loc: this.span(loc) };
    }
    const expr = this.parseExpr();
    let alias: Name | undefined;
    if (this.acceptKw('AS')) alias = this.parseName('an alias', true);
    else if (this.isNameStart()) alias = this.parseName();
    return { expr, alias, loc: this.span(loc) };
  }

  // FromItem : FromPrimary { [INNER | LEFT [OUTER] | RIGHT [OUTER] | FULL [OUTER]] JOIN FromPrimary ON Expr | ',' FromPrimary }
  // (`FROM a, b WHERE a.ROWTIME = b.ROWTIME` is the join of the KDA clickstream example: a join ON TRUE.)
  private parseFrom(): FromItem {
    let left = this.parseFromPrimary();
    for (;;) {
      const loc = this.tok.loc;
      if (this.acceptOp(',')) {
        const right = this.parseFromPrimary();
        left = { kind: 'Join', joinType: 'INNER', left, right, on: { kind: 'Literal', type: T.BOOLEAN, value: true, loc: this.span(loc) }, loc: this.span(loc) };
        continue;
      }
      let joinType: 'INNER' | 'LEFT' | 'RIGHT' | 'FULL' = 'INNER';
      if (this.acceptKw('INNER')) joinType = 'INNER';
      else if (this.isKw('LEFT') || this.isKw('RIGHT') || this.isKw('FULL')) {
        joinType = this.next().value as 'LEFT' | 'RIGHT' | 'FULL';
        this.acceptKw('OUTER');
      } else if (!this.isKw('JOIN')) return left;
      this.expectKw('JOIN');
      const right = this.parseFromPrimary();
      this.expectKw('ON');
      left = { kind: 'Join', joinType, left, right, on: this.parseExpr(), loc: this.span(loc) };
    }
  }

  // FromPrimary : Name [OVER '(' WindowSpec ')'] [[AS] Name]
  //             | '(' Select ')' [[AS] Name]
  //             | TABLE '(' Name '(' CURSOR '(' Select ')' { ',' Expr } ')' ')' [[AS] Name]
  private parseFromPrimary(): FromItem {
    const loc = this.tok.loc;
    const alias = (): Name | undefined => {
      if (this.acceptKw('AS')) return this.parseName('an alias', true);
      return this.isNameStart() ? this.parseName() : undefined;
    };
    if (this.acceptOp('(')) {
      const query = this.parseSelect();
      this.expectOp(')');
      return { kind: 'Subquery', query, alias: alias(), loc: this.span(loc) };
    }
    if (this.isKw('TABLE') && this.isOp('(', this.peek())) {
      this.next();
      this.next();
      const fnTok = this.tok;
      if (fnTok.kind !== 'ident') this.fail('a table function name');
      this.next();
      this.expectOp('(');
      this.expectKw('CURSOR');
      this.expectOp('(');
      const cursor = this.parseSelect();
      this.expectOp(')');
      const args: Expr[] = [];
      while (this.acceptOp(',')) args.push(this.parseExpr());
      this.expectOp(')');
      this.expectOp(')');
      return { kind: 'TableFunction', name: fnTok.value, cursor, args, alias: alias(), loc: this.span(loc) };
    }
    const name = this.parseName('a stream name');
    let window: WindowSpec | undefined;
    if (this.acceptKw('OVER')) {
      this.expectOp('(');
      window = this.parseWindowSpec();
      this.expectOp(')');
    }
    return { kind: 'StreamRef', name, alias: alias(), window, loc: this.span(loc) };
  }

  // WindowSpec : [PARTITION BY Expr { ',' Expr }] ( RANGE (Interval PRECEDING | CURRENT ROW) | ROWS (n PRECEDING | CURRENT ROW) )
  private parseWindowSpec(): WindowSpec {
    const loc = this.tok.loc;
    const partitionBy: Expr[] = [];
    if (this.acceptKw('PARTITION')) {
      this.expectKw('BY');
      do partitionBy.push(this.parseExpr());
      while (this.acceptOp(','));
    }
    if (this.acceptKw('RANGE')) {
      if (this.acceptKw('CURRENT')) {
        this.expectKw('ROW');
        return { partitionBy, rangeMs: 0, loc: this.span(loc) };
      }
      const { ms } = this.parseIntervalValue();
      this.expectKw('PRECEDING');
      return { partitionBy, rangeMs: ms, loc: this.span(loc) };
    }
    if (this.acceptKw('ROWS')) {
      if (this.acceptKw('CURRENT')) {
        this.expectKw('ROW');
        return { partitionBy, rows: 0, loc: this.span(loc) };
      }
      const rows = this.parseIntToken();
      this.expectKw('PRECEDING');
      return { partitionBy, rows, loc: this.span(loc) };
    }
    this.fail('RANGE or ROWS');
  }

  // Interval : INTERVAL ['-'|'+'] 'text' Unit [ '(' p ')' ] [ TO Unit [ '(' p ')' ] ]
  private parseIntervalValue(): { ms: number; yearMonth: boolean; loc: Span } {
    const loc = this.expectKw('INTERVAL').loc;
    let sign = 1;
    if (this.acceptOp('-')) sign = -1;
    else this.acceptOp('+');
    if (this.tok.kind !== 'string') this.fail('a string');
    const textTok = this.next();
    const from = this.parseUnit();
    this.skipPrecision();
    let to: TimeUnit | undefined;
    if (this.acceptKw('TO')) {
      to = this.parseUnit();
      this.skipPrecision();
    }
    const v = intervalValue(textTok.value.trim(), from, to);
    if (v === undefined) throw syntaxError(`invalid interval literal '${textTok.value}'`, tokenSpan(textTok));
    return { ms: sign * v, yearMonth: from === 'YEAR' || from === 'MONTH', loc: this.span(loc) };
  }
  private skipPrecision(): void {
    if (this.acceptOp('(')) {
      this.parseIntToken();
      if (this.acceptOp(',')) this.parseIntToken();
      this.expectOp(')');
    }
  }
  private parseUnit(): TimeUnit {
    if (this.tok.kind !== 'ident' || !TIME_UNITS.has(this.tok.value)) this.fail('a time unit');
    return this.next().value as TimeUnit;
  }

  // ---- expressions, lowest precedence first ----

  // Expr : AndExpr { OR AndExpr }
  parseExpr(): Expr {
    let left = this.parseAnd();
    while (this.isKw('OR')) {
      this.next();
      left = { kind: 'Binary', op: 'OR', left, right: this.parseAnd(), loc: this.span(left.loc) };
    }
    return left;
  }

  // AndExpr : NotExpr { AND NotExpr }
  private parseAnd(): Expr {
    let left = this.parseNot();
    while (this.isKw('AND')) {
      this.next();
      left = { kind: 'Binary', op: 'AND', left, right: this.parseNot(), loc: this.span(left.loc) };
    }
    return left;
  }

  // NotExpr : NOT NotExpr | Predicate
  private parseNot(): Expr {
    if (this.isKw('NOT')) {
      const loc = this.next().loc;
      return { kind: 'Unary', op: 'NOT', operand: this.parseNot(), loc: this.span(loc) };
    }
    return this.parsePredicate();
  }

  // Predicate : Additive [ CompOp Additive | IS [NOT] (NULL | TRUE | FALSE) | [NOT] BETWEEN Additive AND Additive
  //           | [NOT] IN '(' Expr { ',' Expr } ')' | [NOT] LIKE Additive [ESCAPE Additive] | [NOT] SIMILAR TO Additive [ESCAPE Additive] ]
  private parsePredicate(): Expr {
    const left = this.parseAdditive();
    const t = this.tok;
    if (t.kind === 'op' && ['=', '<>', '!=', '<', '<=', '>', '>='].includes(t.value)) {
      this.next();
      const op = (t.value === '!=' ? '<>' : t.value) as BinaryOp;
      return { kind: 'Binary', op, left, right: this.parseAdditive(), loc: this.span(left.loc) };
    }
    if (this.acceptKw('IS')) {
      const negated = this.acceptKw('NOT');
      if (this.acceptKw('NULL')) return { kind: 'IsNull', negated, operand: left, loc: this.span(left.loc) };
      if (this.acceptKw('TRUE')) return { kind: 'IsBool', negated, value: true, operand: left, loc: this.span(left.loc) };
      if (this.acceptKw('FALSE')) return { kind: 'IsBool', negated, value: false, operand: left, loc: this.span(left.loc) };
      this.fail('NULL, TRUE or FALSE');
    }
    const negated = this.isKw('NOT') && ['BETWEEN', 'IN', 'LIKE', 'SIMILAR'].some((k) => this.isKw(k, this.peek()));
    if (negated) this.next();
    if (this.acceptKw('BETWEEN')) {
      this.acceptKw('ASYMMETRIC');
      const low = this.parseAdditive();
      this.expectKw('AND');
      return { kind: 'Between', negated, operand: left, low, high: this.parseAdditive(), loc: this.span(left.loc) };
    }
    if (this.acceptKw('IN')) {
      this.expectOp('(');
      const list: Expr[] = [];
      do list.push(this.parseExpr());
      while (this.acceptOp(','));
      this.expectOp(')');
      return { kind: 'In', negated, operand: left, list, loc: this.span(left.loc) };
    }
    let similar = false;
    if (this.isKw('LIKE') || (this.isKw('SIMILAR') && this.isKw('TO', this.peek()))) {
      if (this.acceptKw('SIMILAR')) {
        this.next();
        similar = true;
      } else this.next();
      const pattern = this.parseAdditive();
      const escape = this.acceptKw('ESCAPE') ? this.parseAdditive() : undefined;
      return { kind: 'Like', negated, similar, operand: left, pattern, escape, loc: this.span(left.loc) };
    }
    return left;
  }

  // Additive : Multiplicative { ('+' | '-' | '||') Multiplicative }
  private parseAdditive(): Expr {
    let left = this.parseMultiplicative();
    while (this.isOp('+') || this.isOp('-') || this.isOp('||')) {
      const t = this.next();
      left = { kind: 'Binary', op: t.value as BinaryOp, left, right: this.parseMultiplicative(), loc: this.span(left.loc) };
    }
    return left;
  }

  // Multiplicative : Unary { ('*' | '/' | '%') Unary }
  private parseMultiplicative(): Expr {
    let left = this.parseUnary();
    while (this.isOp('*') || this.isOp('/') || this.isOp('%')) {
      const t = this.next();
      left = { kind: 'Binary', op: t.value as BinaryOp, left, right: this.parseUnary(), loc: this.span(left.loc) };
    }
    return left;
  }

  // Unary : ('-' | '+') Unary | Primary
  private parseUnary(): Expr {
    if (this.isOp('-') || this.isOp('+')) {
      const t = this.next();
      const operand = this.parseUnary();
      if (t.value === '-' && operand.kind === 'Literal' && typeof operand.value === 'number') return { ...operand, value: -operand.value, loc: this.span(t.loc) };
      return { kind: 'Unary', op: t.value as '-' | '+', operand, loc: this.span(t.loc) };
    }
    return this.parsePrimary();
  }

  // Primary : Literal | Interval | TIMESTAMP 'text' | DATE 'text' | TIME 'text' | '(' Expr ')' [Unit]
  //         | CASE ... END | CAST '(' Expr AS Type ')' | SpecialCall | Name '(' [DISTINCT] Args ')' [OVER Window]
  //         | Name [ '.' Name ] | CURRENT_ROW_TIMESTAMP | CURRENT_TIMESTAMP | LOCALTIMESTAMP
  private parsePrimary(): Expr {
    const t = this.tok;
    const loc = t.loc;
    if (t.kind === 'number') {
      this.next();
      const isInt = /^\d+$/.test(t.value);
      const n = Number(t.value);
      let type: SqlType;
      if (isInt) type = Math.abs(n) <= 2147483647 ? T.INTEGER : T.BIGINT;
      else if (/e/i.test(t.value)) type = T.DOUBLE;
      else {
        const [ip, fp = ''] = t.value.split('.');
        type = decimal(Math.max(ip.replace(/^0+/, '').length + fp.length, 1), fp.length);
      }
      return { kind: 'Literal', type, value: n, loc: this.span(loc) };
    }
    if (t.kind === 'string') {
      this.next();
      return { kind: 'Literal', type: { kind: 'CHAR', length: t.value.length }, value: t.value, loc: this.span(loc) };
    }
    if (this.isOp('(')) {
      this.next();
      const inner = this.parseExpr();
      this.expectOp(')');
      // `(a - b) SECOND`: the difference of two datetimes as an interval in that unit (SQL:2008 6.30).
      if (this.tok.kind === 'ident' && TIME_UNITS.has(this.tok.value) && !this.isOp('(', this.peek())) {
        const unit = this.parseUnit();
        this.skipPrecision();
        if (this.acceptKw('TO')) {
          this.parseUnit();
          this.skipPrecision();
        }
        return { kind: 'IntervalOf', operand: inner, unit, loc: this.span(loc) };
      }
      return inner;
    }
    if (t.kind === 'qident') return this.parseColumnOrCall();
    if (t.kind !== 'ident') this.fail('an expression');
    switch (t.value) {
      case 'NULL':
        this.next();
        return { kind: 'Literal', type: T.NULL, value: null, loc: this.span(loc) };
      case 'TRUE':
      case 'FALSE':
        this.next();
        return { kind: 'Literal', type: T.BOOLEAN, value: t.value === 'TRUE', loc: this.span(loc) };
      case 'UNKNOWN':
        this.next();
        return { kind: 'Literal', type: T.BOOLEAN, value: null, loc: this.span(loc) };
      case 'INTERVAL': {
        const v = this.parseIntervalValue();
        return { kind: 'Literal', type: v.yearMonth ? T.INTERVAL_YEAR_MONTH : T.INTERVAL_DAY_TIME, value: v.ms, loc: this.span(loc) };
      }
      case 'TIMESTAMP':
      case 'DATE':
      case 'TIME': {
        if (this.peek().kind !== 'string') break;
        this.next();
        const s = this.next();
        const value = datetimeLiteral(t.value, s.value.trim());
        if (value === undefined) throw syntaxError(`invalid ${t.value} literal '${s.value}'`, tokenSpan(s));
        return { kind: 'Literal', type: { kind: t.value } as SqlType, value, loc: this.span(loc) };
      }
      case 'CASE':
        return this.parseCase();
      case 'CAST': {
        this.next();
        this.expectOp('(');
        const operand = this.parseExpr();
        this.expectKw('AS');
        const type = this.parseType();
        this.expectOp(')');
        return { kind: 'Cast', operand, type, loc: this.span(loc) };
      }
    }
    if (NILADIC_FUNCTIONS.has(t.value) && !this.isOp('(', this.peek())) {
      this.next();
      return { kind: 'Call', name: t.value, args: [], distinct: false, star: false, loc: this.span(loc) };
    }
    // A reserved word starts an expression only as a function call (ABS(x)) or a pseudo-column (ROWTIME).
    if (CLAUSE_KEYWORDS.has(t.value) || (RESERVED_WORDS.has(t.value) && !PSEUDO_COLUMNS.has(t.value) && !this.isOp('(', this.peek()))) this.fail('an expression');
    return this.parseColumnOrCall();
  }

  // Case : CASE [Expr] WHEN Expr THEN Expr { WHEN Expr THEN Expr } [ELSE Expr] END
  private parseCase(): Expr {
    const loc = this.expectKw('CASE').loc;
    const operand = this.isKw('WHEN') ? undefined : this.parseExpr();
    const whens: { when: Expr; then: Expr }[] = [];
    while (this.acceptKw('WHEN')) {
      const when = this.parseExpr();
      this.expectKw('THEN');
      whens.push({ when, then: this.parseExpr() });
    }
    if (whens.length === 0) this.fail('WHEN');
    const elseExpr = this.acceptKw('ELSE') ? this.parseExpr() : undefined;
    this.expectKw('END');
    return { kind: 'Case', operand, whens, else: elseExpr, loc: this.span(loc) };
  }

  // ColumnOrCall : Name '(' ... ')' [OVER Window] | Name [ '.' Name ]
  private parseColumnOrCall(): Expr {
    const first = this.tok;
    const loc = first.loc;
    if (first.kind === 'ident' && this.isOp('(', this.peek())) {
      this.next();
      this.next();
      return this.parseCallRest(first.value, loc);
    }
    const a = this.parseName('an expression');
    if (this.acceptOp('.')) {
      const b = this.parseName('a column name');
      return { kind: 'Column', qualifier: a, name: b, loc: this.span(loc) };
    }
    return { kind: 'Column', name: a, loc: this.span(loc) };
  }

  // Call arguments after `NAME (`, with the special forms of SQL:2008:
  //   FLOOR|CEIL '(' Expr [TO Unit] ')' ; STEP '(' Expr BY Expr ')' ; EXTRACT '(' Unit FROM Expr ')'
  //   POSITION '(' Expr IN Expr ')' ; SUBSTRING '(' Expr (FROM Expr [FOR Expr] | ',' Expr [',' Expr]) ')'
  //   TRIM '(' [[BOTH|LEADING|TRAILING] [Expr] FROM] Expr ')' ; OVERLAY '(' Expr PLACING Expr FROM Expr [FOR Expr] ')'
  //   COUNT '(' '*' ')' ; Name '(' [DISTINCT|ALL] [Expr { ',' Expr }] ')' [OVER (Name | '(' WindowSpec ')')]
  private parseCallRest(name: string, loc: Loc): Expr {
    const call = (args: Expr[], extra: Partial<{ distinct: boolean; star: boolean }> = {}): Expr => {
      this.expectOp(')');
      const e: Expr = { kind: 'Call', name, args, distinct: extra.distinct ?? false, star: extra.star ?? false, loc: this.span(loc) };
      if (this.acceptKw('OVER')) {
        e.over = this.parseOver();
        e.loc = this.span(loc);
      }
      return e;
    };
    switch (name) {
      case 'FLOOR':
      case 'CEIL':
      case 'CEILING': {
        const operand = this.parseExpr();
        if (this.acceptKw('TO')) {
          const unit = this.parseUnit();
          this.expectOp(')');
          return { kind: 'FloorTo', ceil: name !== 'FLOOR', operand, unit, loc: this.span(loc) };
        }
        name = name === 'CEILING' ? 'CEIL' : name;
        return call([operand]);
      }
      case 'STEP': {
        const operand = this.parseExpr();
        this.expectKw('BY');
        const by = this.parseExpr();
        this.expectOp(')');
        return { kind: 'Step', operand, by, loc: this.span(loc) };
      }
      case 'EXTRACT': {
        const field = this.parseUnit();
        this.expectKw('FROM');
        const operand = this.parseExpr();
        this.expectOp(')');
        return { kind: 'Extract', field, operand, loc: this.span(loc) };
      }
      case 'POSITION': {
        const needle = this.parseAdditive();
        this.expectKw('IN');
        const hay = this.parseExpr();
        return call([needle, hay]);
      }
      case 'SUBSTRING': {
        const s = this.parseExpr();
        const args = [s];
        if (this.acceptKw('FROM')) {
          args.push(this.parseExpr());
          if (this.acceptKw('FOR')) args.push(this.parseExpr());
        } else
          while (this.acceptOp(',')) args.push(this.parseExpr());
        return call(args);
      }
      case 'OVERLAY': {
        const s = this.parseExpr();
        this.expectKw('PLACING');
        const r = this.parseExpr();
        this.expectKw('FROM');
        const args = [s, r, this.parseExpr()];
        if (this.acceptKw('FOR')) args.push(this.parseExpr());
        return call(args);
      }
      case 'TRIM': {
        // Normalised to TRIM(mode, chars, string): mode 'BOTH' | 'LEADING' | 'TRAILING'.
        let mode = 'BOTH';
        let chars: Expr = { kind: 'Literal', type: { kind: 'CHAR', length: 1 }, value: ' ', loc: this.span(loc) };
        const lit = (v: string): Expr => ({ kind: 'Literal', type: { kind: 'CHAR', length: v.length }, value: v, loc: this.span(loc) });
        let explicitMode = false;
        if (this.isKw('BOTH') || this.isKw('LEADING') || this.isKw('TRAILING')) {
          mode = this.next().value;
          explicitMode = true;
        }
        if (explicitMode && this.acceptKw('FROM')) return call([lit(mode), chars, this.parseExpr()]);
        const first = this.parseExpr();
        if (this.acceptKw('FROM')) {
          chars = first;
          return call([lit(mode), chars, this.parseExpr()]);
        }
        return call([lit(mode), chars, first]);
      }
      case 'COUNT':
        if (this.isOp('*')) {
          this.next();
          return call([], { star: true });
        }
        break;
    }
    if (this.isOp(')')) return call([]);
    const distinct = this.acceptKw('DISTINCT');
    if (!distinct) this.acceptKw('ALL');
    const args: Expr[] = [];
    do args.push(this.parseExpr());
    while (this.acceptOp(','));
    return call(args, { distinct });
  }

  // Over : OVER Name | OVER '(' WindowSpec ')'
  private parseOver(): WindowRef {
    const loc = this.tok.loc;
    if (this.acceptOp('(')) {
      const spec = this.parseWindowSpec();
      this.expectOp(')');
      return { kind: 'Inline', spec, loc: this.span(loc) };
    }
    return { kind: 'Named', name: this.parseName('a window name'), loc: this.span(loc) };
  }
}

/** The value of an interval literal: milliseconds (day-time) or months (year-month); undefined if malformed. */
export function intervalValue(text: string, from: TimeUnit, to?: TimeUnit): number | undefined {
  if (from === 'YEAR' || from === 'MONTH') {
    if (to === 'MONTH' && from === 'YEAR') {
      const m = /^(\d+)-(\d+)$/.exec(text);
      return m ? Number(m[1]) * 12 + Number(m[2]) : undefined;
    }
    if (!/^\d+$/.test(text)) return undefined;
    return Number(text) * (from === 'YEAR' ? 12 : 1);
  }
  if (!to) {
    if (!/^\d+(\.\d+)?$/.test(text)) return undefined;
    return Math.round(Number(text) * UNIT_MS[from]);
  }
  // Day-time ranges: 'd hh:mm:ss.fff' with the fields from `from` down to `to`.
  const order: TimeUnit[] = ['DAY', 'HOUR', 'MINUTE', 'SECOND'];
  const fields = order.slice(order.indexOf(from), order.indexOf(to) + 1);
  const parts = text.split(/[ :]/);
  if (fields.length === 0 || parts.length !== fields.length) return undefined;
  let ms = 0;
  for (let i = 0; i < fields.length; i++) {
    if (!/^\d+(\.\d+)?$/.test(parts[i])) return undefined;
    ms += Number(parts[i]) * UNIT_MS[fields[i]];
  }
  return Math.round(ms);
}

/** TIMESTAMP 'yyyy-mm-dd hh:mm:ss[.fff]', DATE 'yyyy-mm-dd', TIME 'hh:mm:ss[.fff]' as run-time values (UTC). */
export function datetimeLiteral(kind: string, s: string): number | undefined {
  if (kind === 'DATE') {
    const m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
    return m ? Date.UTC(+m[1], +m[2] - 1, +m[3]) : undefined;
  }
  if (kind === 'TIME') {
    const m = /^(\d{1,2}):(\d{2}):(\d{2})(\.\d+)?$/.exec(s);
    return m ? (+m[1] * 3600 + +m[2] * 60 + +m[3]) * 1000 + Math.round(Number(m[4] ?? 0) * 1000) : undefined;
  }
  const m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2})(\.\d+)?)?)?$/.exec(s);
  if (!m) return undefined;
  return Date.UTC(+m[1], +m[2] - 1, +m[3], +(m[4] ?? 0), +(m[5] ?? 0), +(m[6] ?? 0)) + Math.round(Number(m[7] ?? 0) * 1000);
}

/** A token's own extent. */
const tokenSpan = (t: Token): Span => ({ line: t.loc.line, column: t.loc.column, offset: t.loc.offset, end: t.end });

export type { SqlValue };
