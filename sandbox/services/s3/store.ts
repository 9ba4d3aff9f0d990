// S3 state: buckets (one global table: bucket names are global, each records its owner account and
// region), objects (a table per bucket, the key in the state and the bytes in the blob store under a
// name made from the key's hash), and multipart uploads with their parts. Keys are listed in UTF-8
// byte order, as S3 does.

import { createHash, randomBytes } from 'node:crypto';
import type { Readable } from 'node:stream';
import type { Sandbox } from '../../sandbox.js';
import type { BlobWriter } from '../../store/blob-store.js';
import type { BlobReference } from '../../store/blob-references.js';
import type { Table } from '../../store/state-store.js';
import type { ObjectChecksum, ChecksumAlgorithm, ChecksumType } from './checksums.js';
import { accessDenied, noSuchBucket, noSuchUpload } from './errors.js';

export interface Tag {
  Key: string;
  Value: string;
}

export interface Bucket {
  name: string;
  accountId: string;
  region: string;
  /** Epoch ms. */
  created: number;
  tags?: Tag[];
}

/** The representation headers S3 stores with an object and returns on GetObject/HeadObject. */
export interface ObjectHeaders {
  contentType?: string;
  contentEncoding?: string;
  contentLanguage?: string;
  contentDisposition?: string;
  cacheControl?: string;
  expires?: string;
  /** x-amz-meta-* without the prefix, names lower-cased. */
  metadata: Record<string, string>;
}

export interface StoredObject extends ObjectHeaders {
  key: string;
  /** Blob store location of the bytes. */
  location: string;
  size: number;
  /** Quoted, as on the wire: `"<md5 hex>"` or `"<md5 of part md5s>-<parts>"`. */
  etag: string;
  /** Epoch ms. */
  lastModified: number;
  checksum?: ObjectChecksum;
}

export interface Upload extends ObjectHeaders {
  uploadId: string;
  bucket: string;
  key: string;
  accountId: string;
  /** Epoch ms. */
  initiated: number;
  checksumAlgorithm?: ChecksumAlgorithm;
  checksumType?: ChecksumType;
}

export interface Part {
  partNumber: number;
  etag: string;
  size: number;
  location: string;
  lastModified: number;
  checksum?: string;
}

/** Orders keys as S3 does, by UTF-8 bytes: UTF-16 order except that astral characters (surrogates) sort after U+E000..U+FFFF. */
export function compareKeys(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    let x = a.charCodeAt(i);
    let y = b.charCodeAt(i);
    if (x === y) continue;
    if (x >= 0xd800 && y >= 0xd800) {
      x = x < 0xe000 ? x + 0x2000 : x - 0x800;
      y = y < 0xe000 ? y + 0x2000 : y - 0x800;
    }
    return x - y;
  }
  return a.length - b.length;
}

/**
 * Where a write of an object's bytes goes: `s3/<bucket>/<sha256 of the key>.<write id><extension>`.
 * The hash makes every key S3 accepts (1 to 1,024 bytes, any characters, empty segments, 300-byte
 * segments) one distinct, short, safe file name; the write id keeps an overwrite from touching the bytes
 * the current state points at until the state moves on; the key's extension stays, since DuckDB (Athena)
 * tells compression by it. Objects stored before this layout keep the location their state records.
 */
export function objectPath(bucket: string, key: string): string {
  const ext = /(\.[A-Za-z0-9]{1,8})$/.exec(key.slice(key.lastIndexOf('/') + 1))?.[1] ?? '';
  return `s3/${bucket}/${createHash('sha256').update(key).digest('hex')}.${randomBytes(6).toString('hex')}${ext}`;
}

type ObjectAttributes = Omit<StoredObject, 'key' | 'location' | 'size'>;

export class S3Store {
  readonly buckets: Table<Bucket>;
  readonly uploads: Table<Upload>;
  /** Keyed `<uploadId>/<partNumber>`. */
  readonly parts: Table<Part>;
  /** Sorted keys per bucket, rebuilt on the first listing after a change. */
  private readonly sortedKeys = new Map<string, string[]>();

  constructor(private readonly sandbox: Sandbox) {
    this.buckets = sandbox.state.table<Bucket>('s3.buckets');
    this.uploads = sandbox.state.table<Upload>('s3.uploads');
    this.parts = sandbox.state.table<Part>('s3.parts');
  }

  objects(bucket: string): Table<StoredObject> {
    return this.sandbox.state.table<StoredObject>(`s3.objects/${bucket}`);
  }

  /** The bucket, if it exists and `accountId` owns it (NoSuchBucket / AccessDenied otherwise). */
  bucket(name: string, accountId: string): Bucket {
    const bucket = this.buckets.get(name);
    if (!bucket) throw noSuchBucket(name);
    if (bucket.accountId !== accountId) throw accessDenied();
    return bucket;
  }

  object(bucket: string, key: string): StoredObject | undefined {
    return this.objects(bucket).get(key);
  }

  read(object: Pick<StoredObject, 'location'>): Buffer {
    return this.sandbox.blobs.read(object.location);
  }

  /** The bytes as a stream, optionally only `start`..`end` (inclusive). */
  readStream(object: Pick<StoredObject, 'location'>, range?: { start: number; end: number }): Readable {
    return this.sandbox.blobs.readStream(object.location, range);
  }

  putObject(bucket: string, key: string, data: Buffer, attributes: ObjectAttributes): StoredObject {
    const location = this.sandbox.blobs.write(objectPath(bucket, key), data);
    return this.record(bucket, key, location, data.length, attributes);
  }

  /** Stores a body received piece by piece (PutObject streams to disk). */
  async putReceived(bucket: string, key: string, blob: BlobWriter, attributes: ObjectAttributes): Promise<StoredObject> {
    const location = await blob.commit(objectPath(bucket, key));
    return this.record(bucket, key, location, blob.size, attributes);
  }

  private record(bucket: string, key: string, location: string, size: number, attributes: ObjectAttributes): StoredObject {
    const table = this.objects(bucket);
    const previous = table.get(key);
    const object: StoredObject = { ...attributes, key, location, size };
    table.set(key, object);
    // Only once the state points at the new bytes may the old ones go.
    if (previous && previous.location !== location) this.sandbox.blobs.remove(previous.location);
    if (!previous) this.sortedKeys.delete(bucket);
    return object;
  }

  deleteObject(bucket: string, key: string): boolean {
    const previous = this.objects(bucket).get(key);
    if (!previous) return false;
    this.objects(bucket).delete(key);
    this.sandbox.blobs.remove(previous.location);
    this.sortedKeys.delete(bucket);
    return true;
  }

  /** The bucket's keys in S3 order. */
  keys(bucket: string): string[] {
    let keys = this.sortedKeys.get(bucket);
    if (!keys) {
      keys = [...this.objects(bucket).entries()].map(([k]) => k).sort(compareKeys);
      this.sortedKeys.set(bucket, keys);
    }
    return keys;
  }

  isEmpty(bucket: string): boolean {
    for (const _ of this.objects(bucket).entries()) return false;
    return true;
  }

  deleteBucket(name: string): void {
    for (const upload of this.uploads.values()) if (upload.bucket === name) this.removeUpload(upload.uploadId);
    this.buckets.delete(name);
    this.sortedKeys.delete(name);
  }

  upload(bucket: string, key: string, uploadId: string): Upload {
    const upload = this.uploads.get(uploadId);
    if (!upload || upload.bucket !== bucket || upload.key !== key) throw noSuchUpload(uploadId);
    return upload;
  }

  uploadParts(uploadId: string): Part[] {
    return this.parts.values(`${uploadId}/`).sort((a, b) => a.partNumber - b.partNumber);
  }

  async putPart(uploadId: string, part: Omit<Part, 'location'>, blob: BlobWriter): Promise<Part> {
    const id = `${uploadId}/${part.partNumber}`;
    const location = await blob.commit(`s3-multipart/${uploadId}/${part.partNumber}.${randomBytes(6).toString('hex')}`);
    const previous = this.parts.get(id);
    const stored = { ...part, location };
    this.parts.set(id, stored);
    if (previous && previous.location !== location) this.sandbox.blobs.remove(previous.location);
    return stored;
  }

  /** Forgets an upload and its parts' bytes (abort, or once completed). */
  removeUpload(uploadId: string): void {
    for (const part of this.uploadParts(uploadId)) {
      this.parts.delete(`${uploadId}/${part.partNumber}`);
      this.sandbox.blobs.remove(part.location);
    }
    this.uploads.delete(uploadId);
  }
}

/** Every object and uploaded part whose bytes the blob store should hold (checked at start). */
export function* objectBlobReferences(sandbox: Sandbox): Generator<BlobReference> {
  const store = s3Store(sandbox);
  for (const bucket of [...store.buckets.entries()].map(([name]) => name)) {
    for (const [key, object] of [...store.objects(bucket).entries()]) {
      yield { what: `object ${bucket}/${key}`, location: object.location, drop: () => store.objects(bucket).delete(key) };
    }
  }
  for (const [id, part] of [...store.parts.entries()]) {
    yield { what: `part ${part.partNumber} of multipart upload ${id.slice(0, id.lastIndexOf('/'))}`, location: part.location, drop: () => store.parts.delete(id) };
  }
}

const stores = new WeakMap<Sandbox, S3Store>();

export function s3Store(sandbox: Sandbox): S3Store {
  let store = stores.get(sandbox);
  if (!store) {
    store = new S3Store(sandbox);
    stores.set(sandbox, store);
  }
  return store;
}
