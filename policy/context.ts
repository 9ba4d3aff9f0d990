// The request context a policy is evaluated against: the condition keys the caller knows, each with one
// value or (for multivalued keys such as aws:TagKeys) a list. Key names are compared without case, as IAM
// compares them; a key the caller does not pass is absent, and absent keys follow AWS's rules.

export type ContextValue = string | readonly string[];

/** What the caller knows about the request: `{ 'aws:SourceAccount': '123456789012', 'aws:TagKeys': ['a', 'b'] }`. */
export type RequestContext = Readonly<Record<string, ContextValue | undefined>>;

/** A request context indexed by lower-cased key; an empty list or no value at all is an absent key. */
export class KnownKeys {
  private readonly values = new Map<string, readonly string[]>();

  constructor(context: RequestContext = {}) {
    for (const [key, value] of Object.entries(context)) {
      if (value === undefined) continue;
      const list = typeof value === 'string' ? [value] : value;
      if (list.length > 0) this.values.set(key.toLowerCase(), list);
    }
  }

  /** The key's values, or undefined when the request does not have it. */
  get(key: string): readonly string[] | undefined {
    return this.values.get(key.toLowerCase());
  }

  /** A single-valued key's value, as a policy variable needs it; undefined when absent or multivalued. */
  single(key: string): string | undefined {
    const list = this.get(key);
    return list && list.length === 1 ? list[0] : undefined;
  }
}

/** aws:CurrentTime (ISO 8601 to the second, as AWS writes it) and aws:EpochTime for a moment in ms. */
export function timeKeys(now: number): RequestContext {
  return { 'aws:CurrentTime': new Date(now).toISOString().replace(/\.\d{3}Z$/, 'Z'), 'aws:EpochTime': String(Math.floor(now / 1000)) };
}

/** The region an ARN names (aws:RequestedRegion of a call on that resource), or undefined (S3, IAM, `*`). */
export function regionOf(arn: string): string | undefined {
  return /^arn:[^:]*:[^:]*:([^:]+):/.exec(arn)?.[1];
}
