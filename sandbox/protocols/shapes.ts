// Input shapes declared as data beside each operation, and the two-stage validation AWS applies:
// first types (a wrong type is a SerializationException), then constraints (ValidationException with
// AWS's "N validation errors detected: Value ... at '...' failed to satisfy constraint: ..." text).
// Validation also normalises wire forms: base64 or CBOR bytes become Buffers, numbers sent as strings
// (awsQuery, REST query strings) become numbers, timestamps become Dates.

import { ServiceError, serializationError } from './errors.js';

export type Shape =
  | StringShape
  | NumberShape
  | { type: 'boolean'; required?: boolean }
  | { type: 'blob'; required?: boolean; min?: number; max?: number }
  | { type: 'timestamp'; required?: boolean }
  | { type: 'list'; member: Shape; required?: boolean; min?: number; max?: number }
  | { type: 'map'; key: Shape; value: Shape; required?: boolean; min?: number; max?: number }
  | StructureShape
  | { type: 'any'; required?: boolean };

export interface StringShape {
  type: 'string';
  required?: boolean;
  min?: number;
  max?: number;
  pattern?: string;
  enum?: readonly string[];
}
export interface NumberShape {
  type: 'integer' | 'long' | 'double';
  required?: boolean;
  min?: number;
  max?: number;
}
export interface StructureShape {
  type: 'structure';
  members: Record<string, Shape>;
  required?: boolean;
}

type Opt<S> = Omit<S, 'type'>;
export const str = (o: Opt<StringShape> = {}): StringShape => ({ type: 'string', ...o });
export const int = (o: Opt<NumberShape> = {}): NumberShape => ({ type: 'integer', ...o });
export const long = (o: Opt<NumberShape> = {}): NumberShape => ({ type: 'long', ...o });
export const double = (o: Opt<NumberShape> = {}): NumberShape => ({ type: 'double', ...o });
export const bool = (o: { required?: boolean } = {}): Shape => ({ type: 'boolean', ...o });
export const blob = (o: { required?: boolean; min?: number; max?: number } = {}): Shape => ({ type: 'blob', ...o });
export const timestamp = (o: { required?: boolean } = {}): Shape => ({ type: 'timestamp', ...o });
export const list = (member: Shape, o: { required?: boolean; min?: number; max?: number } = {}): Shape => ({ type: 'list', member, ...o });
export const map = (key: Shape, value: Shape, o: { required?: boolean; min?: number; max?: number } = {}): Shape => ({ type: 'map', key, value, ...o });
export const struct = (members: Record<string, Shape>, o: { required?: boolean } = {}): StructureShape => ({ type: 'structure', members, ...o });
export const any = (o: { required?: boolean } = {}): Shape => ({ type: 'any', ...o });

/** How the protocol carried the input: decides which wire forms are acceptable for each type. */
export type WireForm = 'json' | 'cbor' | 'query';

export interface ValidateOptions {
  wire: WireForm;
  /** The error code a constraint failure gets: ValidationException (JSON services) or ValidationError (IAM, STS). */
  validationCode?: string;
  /** How member names appear in messages: AWS uses lowerCamel (`streamName`) for most services. */
  memberNaming?: 'lowerCamel' | 'asIs';
}

const MAX_MESSAGES = 10;

/** Validates and normalises `input` against `shape`; throws the ServiceError AWS would answer with. */
export function validateInput<T = Record<string, unknown>>(shape: StructureShape, input: unknown, options: ValidateOptions): T {
  const naming = options.memberNaming ?? 'lowerCamel';
  const normalised = coerce(shape, input ?? {}, options.wire, '');
  const problems: string[] = [];
  checkConstraints(shape, normalised, '', naming, problems);
  if (problems.length > 0) {
    // Coral stops collecting at ten problems and counts only those.
    const n = Math.min(problems.length, MAX_MESSAGES);
    const text = `${n} validation error${n === 1 ? '' : 's'} detected: ${problems.slice(0, MAX_MESSAGES).join('; ')}`;
    throw new ServiceError(options.validationCode ?? 'ValidationException', text, 400);
  }
  return normalised as T;
}

// AWS's JSON services share one deserializer (Coral); its type errors name the Java class it read.
const CORAL_NUMBER = 'class com.amazon.coral.value.json.numbers.TruncatingBigNumber';
const CORAL_TARGET: Record<string, string> = {
  string: 'an String',
  integer: 'an Integer',
  long: 'an Long',
  double: 'an Double',
  boolean: 'an Boolean',
  blob: 'a Blob',
  timestamp: 'milliseconds since epoch',
};

/** The text Coral gives when `value` (as read off the wire) cannot become a `type`. */
function typeMismatch(type: Shape['type'], value: unknown): string {
  if (Array.isArray(value)) return 'Start of list found where not expected';
  if (typeof value === 'object' && value !== null && !Buffer.isBuffer(value) && !(value instanceof Uint8Array) && !(value instanceof Date)) {
    return 'Start of structure or map found where not expected.';
  }
  if (type === 'list') return 'Expected list or null';
  if (type === 'map') return 'Expected map or null';
  if (type === 'structure') return 'Expected null';
  const target = CORAL_TARGET[type] ?? `an ${type}`;
  if (typeof value === 'number' || typeof value === 'bigint') return `${CORAL_NUMBER} can not be converted to ${target}`;
  if (typeof value === 'boolean') return `class java.lang.Boolean can not be converted to ${target}`;
  if (typeof value === 'string' && (type === 'boolean' || type === 'blob')) return `'${value}' can not be converted to ${target}`;
  if (typeof value === 'string') return `class java.lang.String can not be converted to ${target}`;
  return `Unexpected field type`;
}

/** Coral's strict base64 reading: the reason a string is not a blob, or undefined when it is one. */
function base64Problem(text: string): string | undefined {
  if (text.length % 4 !== 0) return `Base64 encoded length is expected a multiple of 4 bytes but found: ${text.length}`;
  const body = text.replace(/={1,2}$/, '');
  const bad = /[^A-Za-z0-9+/]/.exec(body);
  if (bad) return `Invalid Base64 character: '${bad[0]}'`;
  // The bits a padded final group cannot carry must be zero.
  const pad = text.length - body.length;
  if (pad > 0) {
    const last = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'.indexOf(body.charAt(body.length - 1));
    if ((pad === 1 && last % 4 !== 0) || (pad === 2 && last % 16 !== 0)) return 'Invalid last non-pad Base64 character dectected';
  }
  return undefined;
}

/** Stage one: wire types. Returns a normalised copy; throws SerializationException on a type mismatch. */
function coerce(shape: Shape, value: unknown, wire: WireForm, path: string): unknown {
  if (value === null || value === undefined) return undefined;
  const wrong = () => serializationError(typeMismatch(shape.type, value));
  switch (shape.type) {
    case 'any':
      return value;
    case 'string':
      if (typeof value === 'string') return value;
      throw wrong();
    case 'integer':
    case 'long':
    case 'double': {
      if (typeof value === 'number') {
        if (shape.type !== 'double' && !Number.isInteger(value)) throw wrong();
        return value;
      }
      if (typeof value === 'bigint') return Number(value);
      if (typeof value === 'string' && wire === 'query' && value.trim() !== '' && !Number.isNaN(Number(value))) return Number(value);
      throw wrong();
    }
    case 'boolean':
      if (typeof value === 'boolean') return value;
      if (wire === 'query' && (value === 'true' || value === 'false')) return value === 'true';
      throw wrong();
    case 'blob':
      if (Buffer.isBuffer(value)) return value;
      if (value instanceof Uint8Array) return Buffer.from(value.buffer, value.byteOffset, value.byteLength);
      if (typeof value === 'string' && wire !== 'cbor') {
        const problem = base64Problem(value);
        if (problem) throw serializationError(`'${value}' can not be converted to a Blob: ${problem}`);
        return Buffer.from(value, 'base64');
      }
      throw wrong();
    case 'timestamp':
      if (value instanceof Date) return value;
      if (typeof value === 'number') return new Date(value * 1000);
      if (typeof value === 'string') {
        const numeric = /^\d+(\.\d+)?$/.test(value);
        // JSON carries epoch seconds as numbers (awsJson) or dates as text (restJson), never digits in a string.
        if (numeric && wire === 'json') throw wrong();
        const d = numeric ? new Date(Number(value) * 1000) : new Date(value);
        if (Number.isNaN(d.getTime())) throw wrong();
        return d;
      }
      throw wrong();
    case 'list':
      if (!Array.isArray(value)) {
        // awsQuery sends an empty list as the bare member name with an empty value.
        if (wire === 'query' && value === '') return [];
        throw wrong();
      }
      return value.map((item, i) => coerce(shape.member, item, wire, `${path}[${i}]`));
    case 'map': {
      if (typeof value !== 'object' || Array.isArray(value) || Buffer.isBuffer(value)) throw wrong();
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(value as Record<string, unknown>)) out[k] = coerce(shape.value, v, wire, `${path}.${k}`);
      return out;
    }
    case 'structure': {
      if (typeof value !== 'object' || Array.isArray(value) || Buffer.isBuffer(value)) throw wrong();
      const source = value as Record<string, unknown>;
      const out: Record<string, unknown> = {};
      for (const [name, member] of Object.entries(shape.members)) {
        const v = coerce(member, source[name], wire, path ? `${path}.${name}` : name);
        if (v !== undefined) out[name] = v;
      }
      return out;
    }
  }
}

function memberLabel(name: string, naming: 'lowerCamel' | 'asIs'): string {
  return naming === 'lowerCamel' ? name.charAt(0).toLowerCase() + name.slice(1) : name;
}

function show(value: unknown, shape: Shape): string {
  if (Buffer.isBuffer(value)) return `java.nio.HeapByteBuffer[pos=0 lim=${value.length} cap=${value.length}]`;
  if (Array.isArray(value)) return `[${value.map((v) => (typeof v === 'object' ? JSON.stringify(v) : String(v))).join(', ')}]`;
  if (value instanceof Date) return value.toISOString();
  // A map reads as Java's Map.toString does: {key=value, ...}.
  if (shape.type === 'map') return `{${Object.entries(value as Record<string, unknown>).map(([k, v]) => `${k}=${typeof v === 'object' ? JSON.stringify(v) : String(v)}`).join(', ')}}`;
  if (typeof value === 'object' && value !== null) return JSON.stringify(value);
  return String(value);
}

const isScalar = (shape: Shape) => shape.type === 'string' || shape.type === 'integer' || shape.type === 'long' || shape.type === 'double' || shape.type === 'blob';

/** Every constraint of a scalar shape, in the words and order Coral lists them in for collection members. */
function describe(shape: Shape): string {
  const parts: string[] = [];
  if (shape.type === 'string' || shape.type === 'blob') {
    if (shape.max !== undefined) parts.push(`Member must have length less than or equal to ${shape.max}`);
    if (shape.min !== undefined) parts.push(`Member must have length greater than or equal to ${shape.min}`);
  }
  if (shape.type === 'integer' || shape.type === 'long' || shape.type === 'double') {
    if (shape.max !== undefined) parts.push(`Member must have value less than or equal to ${shape.max}`);
    if (shape.min !== undefined) parts.push(`Member must have value greater than or equal to ${shape.min}`);
  }
  if (shape.type === 'string' && shape.pattern !== undefined) parts.push(`Member must satisfy regular expression pattern: ${shape.pattern}`);
  if (shape.type === 'string' && shape.enum !== undefined) parts.push(`Member must satisfy enum value set: [${shape.enum.join(', ')}]`);
  return parts.join(', ');
}

function violates(shape: Shape, value: unknown): boolean {
  const problems: string[] = [];
  checkConstraints(shape, value, 'item', 'asIs', problems);
  return problems.length > 0;
}

/** Stage two: constraints, collected in member order as AWS reports them. */
function checkConstraints(shape: Shape, value: unknown, path: string, naming: 'lowerCamel' | 'asIs', out: string[]): void {
  const at = (msg: string) => out.push(`Value ${value === undefined ? 'null' : `'${show(value, shape)}'`} at '${path}' failed to satisfy constraint: ${msg}`);
  if (value === undefined) {
    if (shape.required && path) at('Member must not be null');
    return;
  }
  switch (shape.type) {
    case 'string': {
      const s = value as string;
      if (shape.min !== undefined && s.length < shape.min) at(`Member must have length greater than or equal to ${shape.min}`);
      if (shape.max !== undefined && s.length > shape.max) at(`Member must have length less than or equal to ${shape.max}`);
      if (shape.pattern !== undefined && !new RegExp(`^(?:${shape.pattern})$`, 'u').test(s)) at(`Member must satisfy regular expression pattern: ${shape.pattern}`);
      if (shape.enum !== undefined && !shape.enum.includes(s)) at(`Member must satisfy enum value set: [${shape.enum.join(', ')}]`);
      return;
    }
    case 'integer':
    case 'long':
    case 'double': {
      const n = value as number;
      if (shape.min !== undefined && n < shape.min) at(`Member must have value greater than or equal to ${shape.min}`);
      if (shape.max !== undefined && n > shape.max) at(`Member must have value less than or equal to ${shape.max}`);
      return;
    }
    case 'blob': {
      const b = value as Buffer;
      if (shape.min !== undefined && b.length < shape.min) at(`Member must have length greater than or equal to ${shape.min}`);
      if (shape.max !== undefined && b.length > shape.max) at(`Member must have length less than or equal to ${shape.max}`);
      return;
    }
    case 'list': {
      const items = value as unknown[];
      if (shape.min !== undefined && items.length < shape.min) at(`Member must have length greater than or equal to ${shape.min}`);
      if (shape.max !== undefined && items.length > shape.max) at(`Member must have length less than or equal to ${shape.max}`);
      // Coral reports a bad item of a list of scalars once, on the list, with all the item's constraints;
      // items that are structures or collections are reported by their own path.
      if (isScalar(shape.member)) {
        if (items.some((item) => violates(shape.member, item))) at(`Member must satisfy constraint: [${describe(shape.member)}]`);
      } else items.forEach((item, i) => checkConstraints(shape.member, item, `${path}.${i + 1}.member`, naming, out));
      return;
    }
    case 'map': {
      const entries = Object.entries(value as Record<string, unknown>);
      if (shape.min !== undefined && entries.length < shape.min) at(`Member must have length greater than or equal to ${shape.min}`);
      if (shape.max !== undefined && entries.length > shape.max) at(`Member must have length less than or equal to ${shape.max}`);
      if (entries.some(([k]) => violates(shape.key, k))) at(`Map keys must satisfy constraint: [${describe(shape.key)}]`);
      if (isScalar(shape.value)) {
        if (entries.some(([, v]) => violates(shape.value, v))) at(`Map value must satisfy constraint: [${describe(shape.value)}]`);
      } else for (const [k, v] of entries) checkConstraints(shape.value, v, `${path}.${k}`, naming, out);
      return;
    }
    case 'structure': {
      const source = value as Record<string, unknown>;
      for (const [name, member] of Object.entries(shape.members)) {
        const label = memberLabel(name, naming);
        checkConstraints(member, source[name], path ? `${path}.${label}` : label, naming, out);
      }
      return;
    }
    default:
      return;
  }
}
