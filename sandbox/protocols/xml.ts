// XML for awsQuery responses and restXml (S3): a small writer from plain objects, and a reader for
// request bodies. Lists are written either as <member> children (awsQuery) or flattened, each item
// repeating the element name (S3).

import { onFirstUse } from '../on-first-use.js';

const fastXmlParser = onFirstUse<typeof import('fast-xml-parser')>('fast-xml-parser');

export type ListStyle = 'member' | 'flat';

export function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!);
}

function scalar(value: unknown): string {
  if (value instanceof Date) return value.toISOString();
  if (Buffer.isBuffer(value)) return value.toString('base64');
  return escapeXml(String(value));
}

/** Writes `value` as the children of an element; `undefined`/`null` members are left out. */
export function xmlChildren(value: unknown, lists: ListStyle): string {
  if (value === undefined || value === null) return '';
  if (typeof value !== 'object' || value instanceof Date || Buffer.isBuffer(value)) return scalar(value);
  let out = '';
  for (const [name, child] of Object.entries(value as Record<string, unknown>)) {
    if (child === undefined || child === null) continue;
    if (Array.isArray(child)) {
      if (lists === 'flat') for (const item of child) out += `<${name}>${xmlChildren(item, lists)}</${name}>`;
      else out += `<${name}>${child.map((item) => `<member>${xmlChildren(item, lists)}</member>`).join('')}</${name}>`;
    } else {
      out += `<${name}>${xmlChildren(child, lists)}</${name}>`;
    }
  }
  return out;
}

export function xmlDocument(root: string, value: unknown, { lists = 'flat', xmlns }: { lists?: ListStyle; xmlns?: string } = {}): string {
  const ns = xmlns ? ` xmlns="${xmlns}"` : '';
  return `<?xml version="1.0" encoding="UTF-8"?>\n<${root}${ns}>${xmlChildren(value, lists)}</${root}>`;
}

let parser: InstanceType<typeof import('fast-xml-parser').XMLParser> | undefined;

/** Parses an XML body into plain objects (repeated elements become arrays); undefined for an empty body. */
export function parseXml(body: Buffer | string): Record<string, unknown> | undefined {
  const text = body.toString().trim();
  if (!text) return undefined;
  parser ??= new (fastXmlParser().XMLParser)({
    ignoreAttributes: true,
    parseTagValue: false,
    trimValues: false,
    ignoreDeclaration: true,
    processEntities: true,
  });
  return parser.parse(text, true) as Record<string, unknown>;
}

/** A value that may be one element or several, as XML parsers return repeated elements. */
export function asArray<T>(value: T | T[] | undefined): T[] {
  if (value === undefined || value === null || (value as unknown) === '') return [];
  return Array.isArray(value) ? value : [value];
}
