// A view of a table limited to one account and region (most services), one account (IAM), or the
// whole sandbox (S3 bucket names), so state is isolated exactly as AWS isolates it.

import type { Table } from './state-store.js';

export type Scope = 'region' | 'account' | 'global';

export interface ScopeOwner {
  accountId: string;
  region: string;
}

export function scopePrefix(owner: ScopeOwner, scope: Scope): string {
  if (scope === 'global') return '';
  if (scope === 'account') return `${owner.accountId}/`;
  return `${owner.accountId}/${owner.region}/`;
}

export class ScopedTable<T> {
  constructor(
    private readonly table: Table<T>,
    private readonly prefix: string,
  ) {}

  get(name: string): T | undefined {
    return this.table.get(this.prefix + name);
  }
  has(name: string): boolean {
    return this.table.has(this.prefix + name);
  }
  set(name: string, value: T): void {
    this.table.set(this.prefix + name, value);
  }
  delete(name: string): boolean {
    return this.table.delete(this.prefix + name);
  }
  /** Values in insertion order, optionally only names starting with `namePrefix`. */
  values(namePrefix = ''): T[] {
    return this.table.values(this.prefix + namePrefix);
  }
  names(namePrefix = ''): string[] {
    return [...this.table.entries(this.prefix + namePrefix)].map(([k]) => k.slice(this.prefix.length));
  }
}

export function scoped<T>(table: Table<T>, owner: ScopeOwner, scope: Scope): ScopedTable<T> {
  return new ScopedTable(table, scopePrefix(owner, scope));
}
