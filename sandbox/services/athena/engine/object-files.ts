// Local files for S3 objects, since DuckDB reads local files only: the blob store's own file when the
// sandbox keeps its data on disk, else a copy in a cache directory, written once per object version (etag)
// and named with the key's extension, which decides compression for DuckDB as it does for Athena.

import { createHash } from 'node:crypto';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Sandbox } from '../../../sandbox.js';

export class ObjectFiles {
  private readonly copies = new Map<string, { etag: string; path: string }>();

  constructor(
    private readonly sandbox: Sandbox,
    readonly cacheDir: string,
  ) {}

  /** The local file holding the object's current bytes, or undefined when the object is gone. */
  path(bucket: string, key: string, etag: string): string | undefined {
    const s3 = this.sandbox.api('s3');
    const onDisk = s3.objectFilePath(bucket, key);
    if (onDisk) return onDisk;
    const id = `${bucket}/${key}`;
    const copy = this.copies.get(id);
    if (copy?.etag === etag) return copy.path;
    const body = s3.getObject(bucket, key);
    if (!body) return undefined;
    mkdirSync(this.cacheDir, { recursive: true });
    const ext = /(\.[A-Za-z0-9]{1,8})$/.exec(key.slice(key.lastIndexOf('/') + 1))?.[1] ?? '';
    const name = `${createHash('sha1').update(id).digest('hex')}-${createHash('sha1').update(etag).digest('hex').slice(0, 12)}${ext}`;
    const path = join(this.cacheDir, name);
    writeFileSync(path, body);
    if (copy) rmSync(copy.path, { force: true });
    this.copies.set(id, { etag, path });
    return path;
  }

  close(): void {
    rmSync(this.cacheDir, { recursive: true, force: true });
    this.copies.clear();
  }
}
