// The JSON classifier of a crawler: reads a stream of JSON values (one per line, or glued together `{..}{..}`
// as Firehose stores records without a separator; Glue's classifier reads both) and infers Hive types the
// way Glue does: integers that fit 32 bits are `int`, wider ones `bigint`, other numbers `double`, then
// `string`, `boolean`, `struct<...>` and `array<...>`, with keys folded to lower case. Types of the same key
// merge across records and files: int with bigint is bigint, any integer with double is double, nulls take
// the other side, structs merge field by field, and anything else that conflicts becomes string.

export type JsonType =
  | { kind: 'null' | 'boolean' | 'int' | 'bigint' | 'double' | 'string' }
  | { kind: 'struct'; fields: JsonField[] }
  | { kind: 'array'; element: JsonType };

export interface JsonField {
  /** The key folded to lower case: the column or field name. */
  name: string;
  /** The key as first seen (the SerDe's `paths` lists these). */
  key: string;
  type: JsonType;
}

export interface JsonScan {
  /** Top-level values read. */
  records: number;
  /** The merged schema of the top-level objects, in order of first appearance. */
  fields: JsonField[];
  /** Characters read up to the end of the last whole record. */
  consumed: number;
  /** True when every top-level value is an object and the text parses (a cut-off end aside, when `complete` is false). */
  json: boolean;
  /** Records glued to the previous one with nothing between them (`}{`). */
  glued: number;
}

const NULL: JsonType = { kind: 'null' };
const MAX_DEPTH = 200;
const INT_MIN = -(2n ** 31n);
const INT_MAX = 2n ** 31n - 1n;
const BIGINT_MIN = -(2n ** 63n);
const BIGINT_MAX = 2n ** 63n - 1n;

class EndOfInput extends Error {}
class Malformed extends Error {}

class Reader {
  pos = 0;
  constructor(private readonly text: string) {}

  skipSpace(): void {
    const t = this.text;
    while (this.pos < t.length) {
      const c = t.charCodeAt(this.pos);
      if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) this.pos++;
      else break;
    }
  }

  atEnd(): boolean {
    return this.pos >= this.text.length;
  }

  value(depth: number): JsonType {
    if (depth > MAX_DEPTH) throw new Malformed();
    this.skipSpace();
    if (this.atEnd()) throw new EndOfInput();
    const c = this.text[this.pos];
    if (c === '{') return this.object(depth);
    if (c === '[') return this.array(depth);
    if (c === '"') {
      this.string();
      return { kind: 'string' };
    }
    if (c === 't') return this.literal('true', { kind: 'boolean' });
    if (c === 'f') return this.literal('false', { kind: 'boolean' });
    if (c === 'n') return this.literal('null', NULL);
    return this.number();
  }

  private literal(word: string, type: JsonType): JsonType {
    const available = this.text.slice(this.pos, this.pos + word.length);
    if (available !== word) {
      if (word.startsWith(available) && this.pos + available.length >= this.text.length) throw new EndOfInput();
      throw new Malformed();
    }
    this.pos += word.length;
    return type;
  }

  private number(): JsonType {
    const re = /-?(?:0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/y;
    re.lastIndex = this.pos;
    const m = re.exec(this.text);
    if (!m) {
      if (this.text[this.pos] === '-' && this.pos + 1 >= this.text.length) throw new EndOfInput();
      throw new Malformed();
    }
    this.pos += m[0].length;
    if (this.atEnd()) throw new EndOfInput(); // a number at the very end may have been cut
    if (m[1] !== undefined || m[2] !== undefined) return { kind: 'double' };
    const n = BigInt(m[0]);
    if (n >= INT_MIN && n <= INT_MAX) return { kind: 'int' };
    if (n >= BIGINT_MIN && n <= BIGINT_MAX) return { kind: 'bigint' };
    return { kind: 'double' };
  }

  /** Skips a string; returns its text when `decode`. */
  string(decode = false): string {
    const t = this.text;
    const start = this.pos;
    let i = this.pos + 1;
    for (;;) {
      if (i >= t.length) throw new EndOfInput();
      const c = t.charCodeAt(i);
      if (c === 0x5c) i += 2;
      else if (c === 0x22) break;
      else if (c < 0x20) throw new Malformed();
      else i++;
    }
    this.pos = i + 1;
    if (!decode) return '';
    try {
      return JSON.parse(t.slice(start, i + 1)) as string;
    } catch {
      throw new Malformed();
    }
  }

  private expect(c: string): void {
    this.skipSpace();
    if (this.atEnd()) throw new EndOfInput();
    if (this.text[this.pos] !== c) throw new Malformed();
    this.pos++;
  }

  private object(depth: number): JsonType {
    this.pos++;
    let fields: JsonField[] = [];
    this.skipSpace();
    if (this.atEnd()) throw new EndOfInput();
    if (this.text[this.pos] === '}') {
      this.pos++;
      return { kind: 'struct', fields };
    }
    for (;;) {
      this.skipSpace();
      if (this.atEnd()) throw new EndOfInput();
      if (this.text[this.pos] !== '"') throw new Malformed();
      const key = this.string(true);
      this.expect(':');
      const type = this.value(depth + 1);
      fields = mergeFields(fields, [{ name: key.toLowerCase(), key, type }]);
      this.skipSpace();
      if (this.atEnd()) throw new EndOfInput();
      const c = this.text[this.pos++];
      if (c === '}') return { kind: 'struct', fields };
      if (c !== ',') throw new Malformed();
    }
  }

  private array(depth: number): JsonType {
    this.pos++;
    let element: JsonType = NULL;
    this.skipSpace();
    if (this.atEnd()) throw new EndOfInput();
    if (this.text[this.pos] === ']') {
      this.pos++;
      return { kind: 'array', element };
    }
    for (;;) {
      element = mergeTypes(element, this.value(depth + 1));
      this.skipSpace();
      if (this.atEnd()) throw new EndOfInput();
      const c = this.text[this.pos++];
      if (c === ']') return { kind: 'array', element };
      if (c !== ',') throw new Malformed();
    }
  }
}

/**
 * Reads the JSON values in `text`. When `complete` is false the text is the start of a longer object and a
 * value cut off at its end is not an error.
 */
export function scanJson(text: string, complete = true): JsonScan {
  const reader = new Reader(text);
  const scan: JsonScan = { records: 0, fields: [], consumed: 0, json: true, glued: 0 };
  let previousEnd = -1;
  for (;;) {
    reader.skipSpace();
    if (reader.atEnd()) break;
    const start = reader.pos;
    let type: JsonType;
    try {
      type = reader.value(0);
    } catch (err) {
      // A value cut off at the end of a partial read is no fault of the data.
      if (!(err instanceof EndOfInput) || complete) scan.json = false;
      break;
    }
    if (type.kind !== 'struct') {
      scan.json = false;
      break;
    }
    if (start === previousEnd) scan.glued++;
    previousEnd = reader.pos;
    scan.records++;
    scan.fields = mergeFields(scan.fields, type.fields);
    scan.consumed = reader.pos;
  }
  if (scan.records === 0) scan.json = false;
  return scan;
}

export function mergeFields(a: JsonField[], b: JsonField[]): JsonField[] {
  if (a.length === 0) return b;
  const out = a.slice();
  const index = new Map(out.map((f, i) => [f.name, i]));
  for (const f of b) {
    const i = index.get(f.name);
    if (i === undefined) {
      index.set(f.name, out.length);
      out.push(f);
    } else if (!sameType(out[i].type, f.type)) out[i] = { ...out[i], type: mergeTypes(out[i].type, f.type) };
  }
  return out;
}

function sameType(a: JsonType, b: JsonType): boolean {
  return a === b || (a.kind === b.kind && a.kind !== 'struct' && a.kind !== 'array') || typeName(a) === typeName(b);
}

const NUMERIC_RANK: Record<string, number> = { int: 0, bigint: 1, double: 2 };

export function mergeTypes(a: JsonType, b: JsonType): JsonType {
  if (a.kind === 'null') return b;
  if (b.kind === 'null') return a;
  if (a.kind in NUMERIC_RANK && b.kind in NUMERIC_RANK) return NUMERIC_RANK[a.kind] >= NUMERIC_RANK[b.kind] ? a : b;
  if (a.kind === 'struct' && b.kind === 'struct') return { kind: 'struct', fields: mergeFields(a.fields, b.fields) };
  if (a.kind === 'array' && b.kind === 'array') return { kind: 'array', element: mergeTypes(a.element, b.element) };
  if (a.kind === b.kind) return a;
  return { kind: 'string' };
}

/** The Hive type name Glue writes: `int`, `struct<a:int,b:string>`, `array<double>`; a value only ever null is a string. */
export function typeName(t: JsonType): string {
  switch (t.kind) {
    case 'null':
      return 'string';
    case 'struct':
      return `struct<${t.fields.map((f) => `${f.name}:${typeName(f.type)}`).join(',')}>`;
    case 'array':
      return `array<${typeName(t.element)}>`;
    default:
      return t.kind;
  }
}
