// What a query string asks for: a query (SELECT, WITH, VALUES) for the engine, or one of the Hive DDL and
// SHOW/DESCRIBE statements Athena runs against the Data Catalog, parsed here into plain objects. Anything
// else Athena accepts is refused by name (NOT_SUPPORTED); anything Athena would not parse is a syntax error
// at its position.

import { QueryFailure } from '../query-errors.js';
import { HiveTypeError, hiveTypeText, parseHiveType } from './hive-types.js';
import { identifierName, isIdentifier, isOp, isWord, tokenize, type Token } from './lexer.js';

/** A `[db.]name` as written, with where it starts (for "line 1:15"). */
export interface NameRef {
  database?: string;
  name: string;
  at: Token;
}

export interface ColumnDef {
  name: string;
  type: string;
  comment?: string;
}

export interface PartitionSpec {
  values: [string, string][];
  location?: string;
}

export type Statement =
  | { kind: 'query'; tokens: Token[] }
  | { kind: 'createDatabase'; name: string; at: Token; ifNotExists: boolean; comment?: string; location?: string; properties: Record<string, string> }
  | {
      kind: 'createTable';
      table: NameRef;
      ifNotExists: boolean;
      columns: ColumnDef[];
      partitionKeys: ColumnDef[];
      comment?: string;
      serde?: string;
      serdeProperties: Record<string, string>;
      inputFormat?: string;
      outputFormat?: string;
      location?: string;
      tblProperties: Record<string, string>;
    }
  | { kind: 'dropTable'; table: NameRef; ifExists: boolean }
  | { kind: 'addPartitions'; table: NameRef; ifNotExists: boolean; partitions: PartitionSpec[] }
  | { kind: 'msckRepair'; table: NameRef }
  | { kind: 'showTables'; database?: string; pattern?: string }
  | { kind: 'showDatabases'; pattern?: string }
  | { kind: 'showPartitions'; table: NameRef }
  | { kind: 'showCreateTable'; table: NameRef }
  | { kind: 'showColumns'; table: NameRef }
  | { kind: 'describe'; table: NameRef };

export type StatementType = 'DDL' | 'DML' | 'UTILITY';

/** StatementType and SubstatementType as GetQueryExecution reports them. */
export function statementTypes(s: Statement): { type: StatementType; sub: string } {
  const sub: Record<Statement['kind'], string> = {
    query: 'SELECT',
    createDatabase: 'CREATE_DATABASE',
    createTable: 'CREATE_TABLE',
    dropTable: 'DROP_TABLE',
    addPartitions: 'ALTER_TABLE_ADD_PARTITION',
    msckRepair: 'MSCK_REPAIR_TABLE',
    showTables: 'SHOW_TABLES',
    showDatabases: 'SHOW_DATABASES',
    showPartitions: 'SHOW_PARTITIONS',
    showCreateTable: 'SHOW_CREATE_TABLE',
    showColumns: 'SHOW_COLUMNS',
    describe: 'DESCRIBE_TABLE',
  };
  // UTILITY is AWS's word for what neither defines nor reads data: SHOW and DESCRIBE.
  const type = s.kind === 'query' ? 'DML' : s.kind.startsWith('show') || s.kind === 'describe' ? 'UTILITY' : 'DDL';
  return { type, sub: sub[s.kind] };
}

const STATEMENT_STARTS =
  "'ALTER', 'ANALYZE', 'CALL', 'COMMENT', 'COMMIT', 'CREATE', 'DEALLOCATE', 'DELETE', 'DENY', 'DESC', 'DESCRIBE', 'DROP', 'EXECUTE', 'EXPLAIN', 'GRANT', 'INSERT', 'MERGE', 'PREPARE', 'REFRESH', 'RESET', 'REVOKE', 'ROLLBACK', 'SET', 'SHOW', 'START', 'TRUNCATE', 'UPDATE', 'USE', <query>";

/** Statements real Athena runs that the sandbox refuses by name. */
const UNSUPPORTED_STARTS: Record<string, string> = {
  INSERT: 'INSERT INTO',
  UPDATE: 'UPDATE',
  DELETE: 'DELETE',
  MERGE: 'MERGE',
  EXPLAIN: 'EXPLAIN',
  PREPARE: 'PREPARE',
  EXECUTE: 'EXECUTE',
  DEALLOCATE: 'DEALLOCATE PREPARE',
  UNLOAD: 'UNLOAD',
  OPTIMIZE: 'OPTIMIZE',
  VACUUM: 'VACUUM',
  USE: 'USE',
  SET: 'SET',
  RESET: 'RESET',
  CALL: 'CALL',
  GRANT: 'GRANT',
  REVOKE: 'REVOKE',
  DENY: 'DENY',
  COMMIT: 'COMMIT',
  ROLLBACK: 'ROLLBACK',
  START: 'START TRANSACTION',
  ANALYZE: 'ANALYZE',
  COMMENT: 'COMMENT',
  TRUNCATE: 'TRUNCATE',
  REFRESH: 'REFRESH',
};

const HIVE_STATEMENTS = new Set(['CREATE', 'DROP', 'ALTER', 'MSCK', 'SHOW', 'DESCRIBE', 'DESC']);

export function parseStatement(sql: string): Statement {
  const firstWord = /^\s*(?:(?:--[^\n]*(?:\n|$)|\/\*[\s\S]*?\*\/)\s*)*([A-Za-z]+)/.exec(sql)?.[1]?.toUpperCase() ?? '';
  const tokens = tokenize(sql, { hive: HIVE_STATEMENTS.has(firstWord) });
  // One statement, as Athena takes it; a trailing semicolon is allowed.
  let last = tokens.length - 2;
  if (last >= 0 && isOp(tokens[last], ';')) {
    tokens.splice(last, 1);
    last--;
  }
  const semicolon = tokens.findIndex((t) => isOp(t, ';'));
  if (semicolon >= 0) {
    const t = tokens[semicolon + 1]!;
    throw QueryFailure.syntax(t.line, t.col, `mismatched input '${t.text}'. Expecting: <EOF>`);
  }
  const first = tokens[0]!;
  if (first.kind === 'eof') throw QueryFailure.syntax(1, 1, `mismatched input '<EOF>'. Expecting: ${STATEMENT_STARTS}`);
  if (isWord(first, 'SELECT', 'WITH', 'VALUES', 'TABLE') || isOp(first, '(')) return { kind: 'query', tokens };
  const p = new Parser(tokens);
  const word = first.kind === 'word' ? first.text.toUpperCase() : '';
  switch (word) {
    case 'CREATE':
      return p.create();
    case 'DROP':
      return p.drop();
    case 'ALTER':
      return p.alter();
    case 'MSCK':
      return p.msck();
    case 'SHOW':
      return p.show();
    case 'DESCRIBE':
    case 'DESC':
      return p.describe();
  }
  if (UNSUPPORTED_STARTS[word]) throw QueryFailure.notSupported(UNSUPPORTED_STARTS[word]!, first);
  throw QueryFailure.syntax(first.line, first.col, `mismatched input '${first.text}'. Expecting: ${STATEMENT_STARTS}`);
}

class Parser {
  private i = 0;
  constructor(private readonly tokens: Token[]) {}

  private peek(offset = 0): Token {
    return this.tokens[Math.min(this.i + offset, this.tokens.length - 1)]!;
  }
  private next(): Token {
    const t = this.peek();
    if (t.kind !== 'eof') this.i++;
    return t;
  }
  private fail(expecting: string, t = this.peek()): never {
    throw QueryFailure.syntax(t.line, t.col, `mismatched input '${t.text}'. Expecting: ${expecting}`);
  }
  private word(...words: string[]): Token {
    const t = this.peek();
    if (!isWord(t, ...words)) this.fail(words.map((w) => `'${w}'`).join(', '));
    return this.next();
  }
  private optional(...sequence: string[]): boolean {
    for (let k = 0; k < sequence.length; k++) if (!isWord(this.peek(k), sequence[k]!)) return false;
    this.i += sequence.length;
    return true;
  }
  private op(op: string): Token {
    if (!isOp(this.peek(), op)) this.fail(`'${op}'`);
    return this.next();
  }
  private string(): string {
    const t = this.peek();
    if (t.kind !== 'string') this.fail('<string>');
    this.next();
    return unescapeHive(t.value);
  }
  private identifier(): Token {
    const t = this.peek();
    if (!isIdentifier(t)) this.fail('<identifier>');
    return this.next();
  }
  private end(): void {
    if (this.peek().kind !== 'eof') this.fail('<EOF>');
  }
  private nameRef(): NameRef {
    const at = this.identifier();
    if (isOp(this.peek(), '.')) {
      this.next();
      const name = this.identifier();
      return { database: identifierName(at), name: identifierName(name), at };
    }
    return { name: identifierName(at), at };
  }
  private properties(): Record<string, string> {
    this.op('(');
    const out: Record<string, string> = {};
    if (!isOp(this.peek(), ')')) {
      for (;;) {
        const key = this.string();
        this.op('=');
        out[key] = this.string();
        if (isOp(this.peek(), ',')) {
          this.next();
          continue;
        }
        break;
      }
    }
    this.op(')');
    return out;
  }

  create(): Statement {
    this.word('CREATE');
    if (isWord(this.peek(), 'DATABASE', 'SCHEMA')) {
      this.next();
      const ifNotExists = this.optional('IF', 'NOT', 'EXISTS');
      const at = this.identifier();
      let comment: string | undefined;
      let location: string | undefined;
      let properties: Record<string, string> = {};
      for (;;) {
        if (this.optional('COMMENT')) comment = this.string();
        else if (this.optional('LOCATION')) location = this.string();
        else if (this.optional('WITH', 'DBPROPERTIES')) properties = this.properties();
        else break;
      }
      this.end();
      return { kind: 'createDatabase', name: identifierName(at), at, ifNotExists, comment, location, properties };
    }
    const external = this.optional('EXTERNAL');
    if (isWord(this.peek(), 'VIEW') || (isWord(this.peek(), 'OR') && isWord(this.peek(1), 'REPLACE'))) throw QueryFailure.notSupported('CREATE VIEW', this.peek());
    const tableWord = this.word('TABLE');
    const ifNotExists = this.optional('IF', 'NOT', 'EXISTS');
    const table = this.nameRef();
    if (isWord(this.peek(), 'AS', 'WITH') || (isOp(this.peek(), '(') && isWord(this.peek(1), 'SELECT', 'WITH'))) {
      throw QueryFailure.notSupported('CREATE TABLE AS SELECT', tableWord);
    }
    if (!external) throw QueryFailure.ddl('Only external table creation is supported. Use CREATE EXTERNAL TABLE.');
    const columns = isOp(this.peek(), '(') ? this.columnList() : [];
    const stmt: Extract<Statement, { kind: 'createTable' }> = { kind: 'createTable', table, ifNotExists, columns, partitionKeys: [], serdeProperties: {}, tblProperties: {} };
    for (;;) {
      const t = this.peek();
      if (this.optional('COMMENT')) stmt.comment = this.string();
      else if (this.optional('PARTITIONED', 'BY')) stmt.partitionKeys = this.columnList();
      else if (isWord(t, 'CLUSTERED')) throw QueryFailure.notSupported('CLUSTERED BY (bucketed tables)', t);
      else if (this.optional('ROW', 'FORMAT', 'SERDE')) stmt.serde = this.string();
      else if (this.optional('ROW', 'FORMAT', 'DELIMITED')) this.delimited(stmt);
      else if (this.optional('WITH', 'SERDEPROPERTIES')) Object.assign(stmt.serdeProperties, this.properties());
      else if (this.optional('STORED', 'AS')) this.storedAs(stmt);
      else if (this.optional('LOCATION')) stmt.location = this.string();
      else if (this.optional('TBLPROPERTIES')) Object.assign(stmt.tblProperties, this.properties());
      else break;
    }
    this.end();
    return stmt;
  }

  private delimited(stmt: Extract<Statement, { kind: 'createTable' }>): void {
    stmt.serde = 'org.apache.hadoop.hive.serde2.lazy.LazySimpleSerDe';
    for (;;) {
      if (this.optional('FIELDS', 'TERMINATED', 'BY')) {
        const d = this.string();
        stmt.serdeProperties['field.delim'] = d;
        stmt.serdeProperties['serialization.format'] = d;
        if (this.optional('ESCAPED', 'BY')) stmt.serdeProperties['escape.delim'] = this.string();
      } else if (this.optional('COLLECTION', 'ITEMS', 'TERMINATED', 'BY')) stmt.serdeProperties['collection.delim'] = this.string();
      else if (this.optional('MAP', 'KEYS', 'TERMINATED', 'BY')) stmt.serdeProperties['mapkey.delim'] = this.string();
      else if (this.optional('LINES', 'TERMINATED', 'BY')) stmt.serdeProperties['line.delim'] = this.string();
      else if (this.optional('NULL', 'DEFINED', 'AS')) stmt.serdeProperties['serialization.null.format'] = this.string();
      else break;
    }
  }

  private storedAs(stmt: Extract<Statement, { kind: 'createTable' }>): void {
    if (this.optional('INPUTFORMAT')) {
      stmt.inputFormat = this.string();
      this.word('OUTPUTFORMAT');
      stmt.outputFormat = this.string();
      return;
    }
    const t = this.identifier();
    const format = FILE_FORMATS[t.text.toUpperCase()];
    if (!format) this.fail("'TEXTFILE', 'PARQUET', 'ORC', 'AVRO', 'JSON', 'ION', 'INPUTFORMAT'", t);
    stmt.inputFormat = format.input;
    stmt.outputFormat = format.output;
    if (format.serde && !stmt.serde) stmt.serde = format.serde;
  }

  private columnList(): ColumnDef[] {
    this.op('(');
    const columns: ColumnDef[] = [];
    for (;;) {
      const name = identifierName(this.identifier());
      const typeStart = this.peek();
      const parts: string[] = [];
      let depth = 0;
      while (this.peek().kind !== 'eof') {
        const t = this.peek();
        if (depth === 0 && (isOp(t, ',') || isOp(t, ')') || isWord(t, 'COMMENT'))) break;
        if (isOp(t, '<', '(')) depth++;
        if (isOp(t, '>', ')')) depth--;
        parts.push(t.kind === 'backquoted' ? t.text : t.text.toLowerCase());
        this.next();
      }
      if (parts.length === 0) this.fail('<type>', typeStart);
      let type: string;
      try {
        type = hiveTypeText(parseHiveType(parts.join('')));
      } catch (err) {
        if (err instanceof HiveTypeError) throw QueryFailure.ddl(`FAILED: ParseException line ${typeStart.line}:${typeStart.col} ${err.message}`);
        throw err;
      }
      const column: ColumnDef = { name, type };
      if (this.optional('COMMENT')) column.comment = this.string();
      columns.push(column);
      if (isOp(this.peek(), ',')) {
        this.next();
        continue;
      }
      break;
    }
    this.op(')');
    return columns;
  }

  drop(): Statement {
    this.word('DROP');
    const t = this.peek();
    if (isWord(t, 'DATABASE', 'SCHEMA')) throw QueryFailure.notSupported('DROP DATABASE', t);
    if (isWord(t, 'VIEW')) throw QueryFailure.notSupported('DROP VIEW', t);
    this.word('TABLE');
    const ifExists = this.optional('IF', 'EXISTS');
    const table = this.nameRef();
    this.optional('PURGE');
    this.end();
    return { kind: 'dropTable', table, ifExists };
  }

  alter(): Statement {
    const alter = this.word('ALTER');
    this.word('TABLE');
    const table = this.nameRef();
    if (!isWord(this.peek(), 'ADD')) throw QueryFailure.notSupported(`ALTER TABLE ${this.peek().text.toUpperCase()}`, alter);
    this.next();
    const ifNotExists = this.optional('IF', 'NOT', 'EXISTS');
    const partitions: PartitionSpec[] = [];
    if (!isWord(this.peek(), 'PARTITION')) throw QueryFailure.notSupported(`ALTER TABLE ADD ${this.peek().text.toUpperCase()}`, alter);
    while (this.optional('PARTITION')) {
      this.op('(');
      const values: [string, string][] = [];
      for (;;) {
        const key = identifierName(this.identifier());
        this.op('=');
        const v = this.peek();
        if (v.kind !== 'string' && v.kind !== 'number') this.fail('<literal>');
        this.next();
        values.push([key, v.kind === 'string' ? unescapeHive(v.value) : v.text]);
        if (isOp(this.peek(), ',')) {
          this.next();
          continue;
        }
        break;
      }
      this.op(')');
      const spec: PartitionSpec = { values };
      if (this.optional('LOCATION')) spec.location = this.string();
      partitions.push(spec);
    }
    this.end();
    return { kind: 'addPartitions', table, ifNotExists, partitions };
  }

  msck(): Statement {
    this.word('MSCK');
    this.word('REPAIR');
    this.word('TABLE');
    const table = this.nameRef();
    this.end();
    return { kind: 'msckRepair', table };
  }

  show(): Statement {
    const show = this.word('SHOW');
    if (this.optional('TABLES')) {
      let database: string | undefined;
      if (this.optional('IN') || this.optional('FROM')) database = identifierName(this.identifier());
      this.optional('LIKE');
      const pattern = this.peek().kind === 'string' ? this.string() : undefined;
      this.end();
      return { kind: 'showTables', database, pattern };
    }
    if (this.optional('DATABASES') || this.optional('SCHEMAS')) {
      this.optional('LIKE');
      const pattern = this.peek().kind === 'string' ? this.string() : undefined;
      this.end();
      return { kind: 'showDatabases', pattern };
    }
    if (this.optional('PARTITIONS')) {
      const table = this.nameRef();
      this.end();
      return { kind: 'showPartitions', table };
    }
    if (this.optional('CREATE', 'TABLE')) {
      const table = this.nameRef();
      this.end();
      return { kind: 'showCreateTable', table };
    }
    if (this.optional('COLUMNS')) {
      if (!this.optional('IN')) this.word('FROM');
      const table = this.nameRef();
      if (!table.database && (this.optional('IN') || this.optional('FROM'))) table.database = identifierName(this.identifier());
      this.end();
      return { kind: 'showColumns', table };
    }
    const what = this.peek();
    if (isIdentifier(what)) throw QueryFailure.notSupported(`SHOW ${what.text.toUpperCase()}`, show);
    this.fail("'TABLES', 'DATABASES', 'SCHEMAS', 'PARTITIONS', 'CREATE', 'COLUMNS'");
  }

  describe(): Statement {
    this.next();
    this.optional('EXTENDED') || this.optional('FORMATTED');
    const table = this.nameRef();
    this.end();
    return { kind: 'describe', table };
  }
}

const TEXT = { input: 'org.apache.hadoop.mapred.TextInputFormat', output: 'org.apache.hadoop.hive.ql.io.HiveIgnoreKeyTextOutputFormat' };

const FILE_FORMATS: Record<string, { input: string; output: string; serde?: string }> = {
  TEXTFILE: { ...TEXT, serde: 'org.apache.hadoop.hive.serde2.lazy.LazySimpleSerDe' },
  JSON: { ...TEXT, serde: 'org.openx.data.jsonserde.JsonSerDe' },
  PARQUET: {
    input: 'org.apache.hadoop.hive.ql.io.parquet.MapredParquetInputFormat',
    output: 'org.apache.hadoop.hive.ql.io.parquet.MapredParquetOutputFormat',
    serde: 'org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe',
  },
  ORC: { input: 'org.apache.hadoop.hive.ql.io.orc.OrcInputFormat', output: 'org.apache.hadoop.hive.ql.io.orc.OrcOutputFormat', serde: 'org.apache.hadoop.hive.ql.io.orc.OrcSerde' },
  AVRO: {
    input: 'org.apache.hadoop.hive.ql.io.avro.AvroContainerInputFormat',
    output: 'org.apache.hadoop.hive.ql.io.avro.AvroContainerOutputFormat',
    serde: 'org.apache.hadoop.hive.serde2.avro.AvroSerDe',
  },
  ION: { input: 'com.amazon.ionhiveserde.formats.IonInputFormat', output: 'com.amazon.ionhiveserde.formats.IonOutputFormat', serde: 'com.amazon.ionhiveserde.IonHiveSerDe' },
  SEQUENCEFILE: { input: 'org.apache.hadoop.mapred.SequenceFileInputFormat', output: 'org.apache.hadoop.hive.ql.io.HiveSequenceFileOutputFormat' },
  RCFILE: { input: 'org.apache.hadoop.hive.ql.io.RCFileInputFormat', output: 'org.apache.hadoop.hive.ql.io.RCFileOutputFormat' },
};

/** Hive DDL strings keep backslash escapes: '\t' is a tab, '\'' a quote. */
function unescapeHive(value: string): string {
  return value.replace(/\\(.)/g, (_, c: string) => ({ t: '\t', n: '\n', r: '\r', '0': '\0' })[c] ?? c);
}
