// The IoT rules SQL (version 2016-03-23) that workshops write: SELECT fields, nested fields, aliases and
// the functions topic(), clientid(), timestamp(), newuuid(); FROM one topic filter; WHERE with
// comparisons, arithmetic and AND/OR/NOT. Parsed once into an expression tree the evaluator walks.

export type Expr =
  | { kind: 'literal'; value: string | number | boolean | null }
  | { kind: 'field'; name: string }
  | { kind: 'member'; object: Expr; name: string }
  | { kind: 'index'; object: Expr; index: Expr }
  | { kind: 'call'; name: string; args: Expr[] }
  | { kind: 'unary'; op: '-' | 'NOT'; operand: Expr }
  | { kind: 'binary'; op: BinaryOp; left: Expr; right: Expr };

export type BinaryOp = 'AND' | 'OR' | '=' | '<>' | '<' | '<=' | '>' | '>=' | '+' | '-' | '*' | '/' | '%';

export type SelectItem = { kind: 'all' } | { kind: 'expr'; expr: Expr; name: string };

export interface SqlStatement {
  select: SelectItem[];
  /** The topic filter in FROM, with MQTT's `+` and `#` wildcards. */
  topicFilter: string;
  where?: Expr;
}

/** A statement AWS would refuse with SqlParseException; `message` is what the client sees. */
export class SqlParseError extends Error {}

/** Functions the evaluator implements, with how many arguments each accepts. */
export const FUNCTIONS: Record<string, { min: number; max: number }> = {
  topic: { min: 0, max: 1 },
  clientid: { min: 0, max: 0 },
  timestamp: { min: 0, max: 0 },
  newuuid: { min: 0, max: 0 },
  principal: { min: 0, max: 0 },
  lower: { min: 1, max: 1 },
  upper: { min: 1, max: 1 },
  concat: { min: 2, max: 99 },
};

type Token =
  | { type: 'word'; text: string; pos: number }
  | { type: 'quoted'; text: string; pos: number }
  | { type: 'string'; text: string; pos: number }
  | { type: 'number'; value: number; text: string; pos: number }
  | { type: 'op'; text: string; pos: number }
  | { type: 'end'; text: '<EOF>'; pos: number };

const OPERATORS = ['<>', '!=', '<=', '>=', '=', '<', '>', '+', '-', '*', '/', '%', '(', ')', ',', '.', '[', ']'];

function tokenize(sql: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < sql.length) {
    const c = sql[i];
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    const start = i;
    if (c === "'" || c === '"') {
      let text = '';
      i++;
      for (;;) {
        if (i >= sql.length) throw new SqlParseError(`Line 1:${start + 1} unterminated ${c === "'" ? 'string literal' : 'quoted identifier'}`);
        if (sql[i] === c) {
          // A doubled quote stands for the quote itself.
          if (sql[i + 1] === c) {
            text += c;
            i += 2;
            continue;
          }
          i++;
          break;
        }
        text += sql[i++];
      }
      tokens.push({ type: c === "'" ? 'string' : 'quoted', text, pos: start });
      continue;
    }
    const number = /^(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?/.exec(sql.slice(i));
    if (number) {
      tokens.push({ type: 'number', value: Number(number[0]), text: number[0], pos: start });
      i += number[0].length;
      continue;
    }
    const word = /^[A-Za-z_$][\w$]*/.exec(sql.slice(i));
    if (word) {
      tokens.push({ type: 'word', text: word[0], pos: start });
      i += word[0].length;
      continue;
    }
    const op = OPERATORS.find((o) => sql.startsWith(o, i));
    if (!op) throw new SqlParseError(`Line 1:${start + 1} token recognition error at: '${c}'`);
    tokens.push({ type: 'op', text: op === '!=' ? '<>' : op, pos: start });
    i += op.length;
  }
  tokens.push({ type: 'end', text: '<EOF>', pos: sql.length });
  return tokens;
}

const RESERVED = new Set(['SELECT', 'FROM', 'WHERE', 'AS', 'AND', 'OR', 'NOT', 'TRUE', 'FALSE', 'NULL']);

class Parser {
  private at = 0;
  constructor(
    private readonly tokens: Token[],
    private readonly sql: string,
  ) {}

  private peek(): Token {
    return this.tokens[this.at];
  }
  private next(): Token {
    return this.tokens[this.at++];
  }
  private fail(token: Token, expecting: string): never {
    const shown = token.type === 'string' ? `'${token.text}'` : token.text;
    throw new SqlParseError(`Line 1:${token.pos + 1} mismatched input '${shown}' expecting ${expecting}`);
  }
  private isKeyword(word: string): boolean {
    const t = this.peek();
    return t.type === 'word' && t.text.toUpperCase() === word;
  }
  private keyword(word: string): void {
    if (!this.isKeyword(word)) this.fail(this.peek(), word);
    this.at++;
  }
  private isOp(op: string): boolean {
    const t = this.peek();
    return t.type === 'op' && t.text === op;
  }
  private op(op: string): void {
    if (!this.isOp(op)) this.fail(this.peek(), `'${op}'`);
    this.at++;
  }

  statement(): SqlStatement {
    this.keyword('SELECT');
    const select = this.selectList();
    this.keyword('FROM');
    const source = this.next();
    if (source.type !== 'string') this.fail(source, 'a topic filter in single quotes');
    const topicFilter = source.text;
    checkTopicFilter(topicFilter, source.pos);
    let where: Expr | undefined;
    if (this.isKeyword('WHERE')) {
      this.at++;
      where = this.expression();
    }
    this.end();
    return { select, topicFilter, where };
  }

  private selectList(): SelectItem[] {
    const items: SelectItem[] = [];
    do {
      if (this.isOp('*')) {
        this.at++;
        items.push({ kind: 'all' });
        continue;
      }
      const start = this.peek().pos;
      const expr = this.expression();
      const end = this.peek().pos;
      let name = defaultName(expr, this.sql.slice(start, end).trim());
      if (this.isKeyword('AS')) {
        this.at++;
        const alias = this.next();
        if (alias.type !== 'word' && alias.type !== 'quoted') this.fail(alias, 'an alias');
        name = alias.text;
      }
      items.push({ kind: 'expr', expr, name });
    } while (this.isOp(',') && ++this.at);
    return items;
  }

  expression(): Expr {
    return this.or();
  }

  end(): void {
    if (this.peek().type !== 'end') this.fail(this.peek(), '<EOF>');
  }
  private or(): Expr {
    let left = this.and();
    while (this.isKeyword('OR')) {
      this.at++;
      left = { kind: 'binary', op: 'OR', left, right: this.and() };
    }
    return left;
  }
  private and(): Expr {
    let left = this.not();
    while (this.isKeyword('AND')) {
      this.at++;
      left = { kind: 'binary', op: 'AND', left, right: this.not() };
    }
    return left;
  }
  private not(): Expr {
    if (this.isKeyword('NOT')) {
      this.at++;
      return { kind: 'unary', op: 'NOT', operand: this.not() };
    }
    return this.comparison();
  }
  private comparison(): Expr {
    const left = this.additive();
    const t = this.peek();
    if (t.type === 'op' && ['=', '<>', '<', '<=', '>', '>='].includes(t.text)) {
      this.at++;
      return { kind: 'binary', op: t.text as BinaryOp, left, right: this.additive() };
    }
    return left;
  }
  private additive(): Expr {
    let left = this.multiplicative();
    while (this.isOp('+') || this.isOp('-')) {
      const op = this.next().text as BinaryOp;
      left = { kind: 'binary', op, left, right: this.multiplicative() };
    }
    return left;
  }
  private multiplicative(): Expr {
    let left = this.unary();
    while (this.isOp('*') || this.isOp('/') || this.isOp('%')) {
      const op = this.next().text as BinaryOp;
      left = { kind: 'binary', op, left, right: this.unary() };
    }
    return left;
  }
  private unary(): Expr {
    if (this.isOp('-')) {
      this.at++;
      return { kind: 'unary', op: '-', operand: this.unary() };
    }
    return this.postfix();
  }
  private postfix(): Expr {
    let expr = this.primary();
    for (;;) {
      if (this.isOp('.')) {
        this.at++;
        const name = this.next();
        if (name.type !== 'word' && name.type !== 'quoted') this.fail(name, 'a field name');
        expr = { kind: 'member', object: expr, name: name.text };
      } else if (this.isOp('[')) {
        this.at++;
        const index = this.expression();
        this.op(']');
        expr = { kind: 'index', object: expr, index };
      } else {
        return expr;
      }
    }
  }
  private primary(): Expr {
    const t = this.next();
    switch (t.type) {
      case 'number':
        return { kind: 'literal', value: t.value };
      case 'string':
        return { kind: 'literal', value: t.text };
      case 'quoted':
        return { kind: 'field', name: t.text };
      case 'op':
        if (t.text === '(') {
          const inner = this.expression();
          this.op(')');
          return inner;
        }
        return this.fail(t, 'an expression');
      case 'word': {
        const upper = t.text.toUpperCase();
        if (upper === 'TRUE' || upper === 'FALSE') return { kind: 'literal', value: upper === 'TRUE' };
        if (upper === 'NULL') return { kind: 'literal', value: null };
        if (RESERVED.has(upper)) return this.fail(t, 'an expression');
        if (this.isOp('(')) return this.call(t);
        return { kind: 'field', name: t.text };
      }
      default:
        return this.fail(t, 'an expression');
    }
  }
  private call(nameToken: Token & { type: 'word' }): Expr {
    this.op('(');
    const args: Expr[] = [];
    if (!this.isOp(')')) {
      do args.push(this.expression());
      while (this.isOp(',') && ++this.at);
    }
    this.op(')');
    const name = nameToken.text.toLowerCase();
    const arity = FUNCTIONS[name];
    if (!arity) throw new SqlParseError(`Line 1:${nameToken.pos + 1} Unknown function: '${nameToken.text}'`);
    if (args.length < arity.min || args.length > arity.max) {
      throw new SqlParseError(`Line 1:${nameToken.pos + 1} Invalid number of arguments for function '${nameToken.text}': ${args.length}`);
    }
    return { kind: 'call', name, args };
  }
}

/** The key a select item gets without AS: a field's own (last) name, otherwise the expression's text. */
function defaultName(expr: Expr, text: string): string {
  if (expr.kind === 'field' || expr.kind === 'member') return expr.name;
  return text;
}

/** MQTT's rules for a filter: `#` only as the whole last level, `+` only as a whole level. */
function checkTopicFilter(filter: string, pos: number): void {
  const levels = filter.split('/');
  const bad = filter.length === 0 || levels.some((level, i) => (level.includes('#') && (level !== '#' || i !== levels.length - 1)) || (level.includes('+') && level !== '+'));
  if (bad) throw new SqlParseError(`Line 1:${pos + 1} Invalid topic filter: '${filter}'`);
}

export function parseSql(sql: string): SqlStatement {
  return new Parser(tokenize(sql), sql).statement();
}

/** One expression on its own: what a substitution template `${...}` holds. */
export function parseExpression(text: string): Expr {
  const parser = new Parser(tokenize(text), text);
  const expr = parser.expression();
  parser.end();
  return expr;
}
