// Hive column types as Glue stores them (`string`, `int`, `array<string>`, `struct<a:int>`,
// `decimal(10,2)`) read into a tree, and what each becomes in DuckDB: the SQL type a column is cast to and
// the structure json_transform reads nested JSON with.

export type HiveType =
  | { kind: 'primitive'; name: string; params: number[] }
  | { kind: 'array'; element: HiveType }
  | { kind: 'map'; key: HiveType; value: HiveType }
  | { kind: 'struct'; fields: { name: string; type: HiveType }[] };

const PRIMITIVES: Record<string, string> = {
  string: 'VARCHAR',
  varchar: 'VARCHAR',
  char: 'VARCHAR',
  int: 'INTEGER',
  integer: 'INTEGER',
  bigint: 'BIGINT',
  smallint: 'SMALLINT',
  tinyint: 'TINYINT',
  double: 'DOUBLE',
  float: 'FLOAT',
  real: 'FLOAT',
  boolean: 'BOOLEAN',
  date: 'DATE',
  timestamp: 'TIMESTAMP',
  decimal: 'DECIMAL',
  binary: 'BLOB',
};

export class HiveTypeError extends Error {}

/** Reads a Hive type; throws HiveTypeError naming what it could not read. */
export function parseHiveType(text: string): HiveType {
  let i = 0;
  const s = text.trim();
  const skip = () => {
    while (i < s.length && /\s/.test(s[i]!)) i++;
  };
  const word = () => {
    skip();
    const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(s.slice(i));
    if (!m) throw new HiveTypeError(`Error: type expected at the position ${i} of '${text}'`);
    i += m[0].length;
    return m[0];
  };
  const expect = (c: string) => {
    skip();
    if (s[i] !== c) throw new HiveTypeError(`Error: '${c}' expected at the position ${i} of '${text}' but '${s[i] ?? ''}' is found.`);
    i++;
  };
  const peek = () => {
    skip();
    return s[i];
  };
  const type = (): HiveType => {
    const name = word().toLowerCase();
    if (name === 'array') {
      expect('<');
      const element = type();
      expect('>');
      return { kind: 'array', element };
    }
    if (name === 'map') {
      expect('<');
      const key = type();
      expect(',');
      const value = type();
      expect('>');
      return { kind: 'map', key, value };
    }
    if (name === 'struct') {
      expect('<');
      const fields: { name: string; type: HiveType }[] = [];
      if (peek() !== '>') {
        for (;;) {
          skip();
          let field: string;
          if (s[i] === '`') {
            const close = s.indexOf('`', i + 1);
            if (close < 0) throw new HiveTypeError(`Error: '\`' expected at the end of '${text}'`);
            field = s.slice(i + 1, close);
            i = close + 1;
          } else field = word();
          expect(':');
          fields.push({ name: field.toLowerCase(), type: type() });
          if (peek() === ',') {
            i++;
            continue;
          }
          break;
        }
      }
      expect('>');
      return { kind: 'struct', fields };
    }
    if (!(name in PRIMITIVES)) throw new HiveTypeError(`Unknown type '${name}'`);
    const params: number[] = [];
    if (peek() === '(') {
      i++;
      for (;;) {
        skip();
        const m = /^\d+/.exec(s.slice(i));
        if (!m) throw new HiveTypeError(`Error: number expected at the position ${i} of '${text}'`);
        params.push(Number(m[0]));
        i += m[0].length;
        if (peek() === ',') {
          i++;
          continue;
        }
        break;
      }
      expect(')');
    }
    return { kind: 'primitive', name, params };
  };
  const result = type();
  skip();
  if (i !== s.length) throw new HiveTypeError(`Error: unexpected '${s.slice(i)}' at the position ${i} of '${text}'`);
  return result;
}

const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** The DuckDB SQL type of a Hive type. */
export function duckType(t: HiveType): string {
  switch (t.kind) {
    case 'primitive': {
      const base = PRIMITIVES[t.name]!;
      if (base === 'DECIMAL') {
        const [p = 10, sc = 0] = t.params;
        return `DECIMAL(${Math.min(p, 38)},${sc})`;
      }
      return base;
    }
    case 'array':
      return `${duckType(t.element)}[]`;
    case 'map':
      return `MAP(${duckType(t.key)}, ${duckType(t.value)})`;
    case 'struct':
      return `STRUCT(${t.fields.map((f) => `${quoteIdent(f.name)} ${duckType(f.type)}`).join(', ')})`;
  }
}

/** The structure argument of DuckDB's json_transform for a Hive type (a JSON document). */
export function jsonStructure(t: HiveType): unknown {
  switch (t.kind) {
    case 'primitive':
      return duckType(t);
    case 'array':
      return [jsonStructure(t.element)];
    case 'map':
      return duckType(t);
    case 'struct':
      return Object.fromEntries(t.fields.map((f) => [f.name, jsonStructure(f.type)]));
  }
}

/** The type as Hive writes it back (DESCRIBE, SHOW CREATE TABLE): lower case, no spaces. */
export function hiveTypeText(t: HiveType): string {
  switch (t.kind) {
    case 'primitive':
      return t.params.length ? `${t.name}(${t.params.join(',')})` : t.name === 'integer' ? 'int' : t.name;
    case 'array':
      return `array<${hiveTypeText(t.element)}>`;
    case 'map':
      return `map<${hiveTypeText(t.key)},${hiveTypeText(t.value)}>`;
    case 'struct':
      return `struct<${t.fields.map((f) => `${f.name}:${hiveTypeText(f.type)}`).join(',')}>`;
  }
}

