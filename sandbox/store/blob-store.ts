// Where large byte payloads live (S3 object bodies, Lambda code): plain files under the data directory,
// or memory with `--in-memory`. A payload is written to a temporary file (all at once, or received piece
// by piece so a large upload never sits in memory) and renamed into place, so a crash never leaves half
// an object; temporary files of failed writes are removed at once, and those of a crash on the next start.

import { mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync, existsSync, createReadStream } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';

/** A payload being received in pieces: appended to, then committed under a path or discarded. */
export interface BlobWriter {
  /** Appends `chunk`; resolves once it is written (the caller's backpressure). */
  write(chunk: Buffer): Promise<void>;
  /** Bytes written so far. */
  readonly size: number;
  /** The bytes written so far, read again from where they are kept. */
  readBack(): AsyncIterable<Buffer>;
  /** Stores the bytes near `wantedPath` and returns the location to read them back. */
  commit(wantedPath: string): Promise<string>;
  /** Forgets the bytes (a failed or refused upload). Safe to call twice or after commit. */
  discard(): Promise<void>;
}

export interface BlobStore {
  /** Stores `data` near `wantedPath` (relative, `/`-separated) and returns the location to read it back. */
  write(wantedPath: string, data: Buffer): string;
  /** Starts receiving a payload piece by piece. */
  receive(): BlobWriter;
  read(location: string): Buffer;
  /** The bytes of a location as a stream, optionally only `start`..`end` (inclusive). */
  readStream(location: string, range?: { start: number; end: number }): Readable;
  remove(location: string): void;
  /** The file on disk for a location, or undefined in memory. */
  filePath(location: string): string | undefined;
}

export class MemoryBlobStore implements BlobStore {
  private readonly blobs = new Map<string, Buffer>();
  write(wantedPath: string, data: Buffer): string {
    const location = `${wantedPath}#${randomUUID()}`;
    this.blobs.set(location, data);
    return location;
  }
  receive(): BlobWriter {
    const chunks: Buffer[] = [];
    let size = 0;
    return {
      write: async (chunk) => {
        chunks.push(chunk);
        size += chunk.length;
      },
      get size() {
        return size;
      },
      readBack: async function* () {
        yield* chunks;
      },
      commit: async (wantedPath) => this.write(wantedPath, Buffer.concat(chunks, size)),
      discard: async () => {
        chunks.length = 0;
      },
    };
  }
  read(location: string): Buffer {
    const data = this.blobs.get(location);
    if (!data) throw new Error(`blob ${location} is missing`);
    return data;
  }
  readStream(location: string, range?: { start: number; end: number }): Readable {
    const data = this.read(location);
    return Readable.from([range ? data.subarray(range.start, range.end + 1) : data]);
  }
  remove(location: string): void {
    this.blobs.delete(location);
  }
  filePath(): undefined {
    return undefined;
  }
}

/**
 * Keeps each path segment readable but safe on every file system, one-to-one: bytes outside a safe set
 * become `%xx`, and the empty segment (which no encoded segment can be) becomes `%`.
 */
function safeSegment(segment: string): string {
  if (segment === '') return '%';
  if (segment === '.' || segment === '..') return `%${Buffer.from(segment).toString('hex')}`;
  return segment.replace(/[^A-Za-z0-9._=+,@-]/g, (c) => [...Buffer.from(c)].map((b) => `%${b.toString(16).padStart(2, '0')}`).join(''));
}

export class DiskBlobStore implements BlobStore {
  private readonly tmpDir: string;

  constructor(private readonly root: string) {
    this.tmpDir = join(root, '.tmp');
    // Whatever is in .tmp belonged to a write a crash interrupted: never acknowledged, never referenced.
    rmSync(this.tmpDir, { recursive: true, force: true });
    mkdirSync(this.tmpDir, { recursive: true });
  }

  write(wantedPath: string, data: Buffer): string {
    const tmp = this.tmpFile();
    try {
      writeFileSync(tmp, data);
      return this.place(tmp, wantedPath);
    } catch (err) {
      rmSync(tmp, { force: true });
      throw err;
    }
  }

  receive(): BlobWriter {
    const tmp = this.tmpFile();
    let handle: Promise<FileHandle> | undefined;
    let size = 0;
    let closed = false;
    const opened = () => (handle ??= open(tmp, 'w'));
    const close = async () => {
      if (closed) return;
      closed = true;
      await (await opened()).close();
    };
    return {
      write: async (chunk) => {
        const fh = await opened();
        let offset = 0;
        while (offset < chunk.length) offset += (await fh.write(chunk, offset, chunk.length - offset)).bytesWritten;
        size += chunk.length;
      },
      get size() {
        return size;
      },
      readBack: () => createReadStream(tmp),
      commit: async (wantedPath) => {
        await opened();
        await close();
        try {
          return this.place(tmp, wantedPath);
        } catch (err) {
          rmSync(tmp, { force: true });
          throw err;
        }
      },
      discard: async () => {
        await close().catch(() => undefined);
        rmSync(tmp, { force: true });
      },
    };
  }

  private tmpFile(): string {
    return join(this.tmpDir, randomUUID());
  }

  /** Renames a finished temporary file to its place and returns the location. */
  private place(tmp: string, wantedPath: string): string {
    let location = wantedPath.split('/').map(safeSegment).join('/');
    // A path that is also a "folder" of another path (a and a/b) cannot be both a file and a directory.
    if (!this.fits(location)) location = `.conflicts/${randomUUID()}`;
    const target = join(this.root, location);
    mkdirSync(dirname(target), { recursive: true });
    renameSync(tmp, target);
    return location;
  }

  private fits(location: string): boolean {
    const parts = location.split('/');
    let path = this.root;
    for (let i = 0; i < parts.length; i++) {
      path = join(path, parts[i]);
      if (!existsSync(path)) return true;
      const isDir = statSync(path).isDirectory();
      if (i < parts.length - 1 ? !isDir : isDir) return false;
    }
    return true;
  }

  read(location: string): Buffer {
    return readFileSync(join(this.root, location));
  }

  readStream(location: string, range?: { start: number; end: number }): Readable {
    return createReadStream(join(this.root, location), range);
  }

  remove(location: string): void {
    rmSync(join(this.root, location), { force: true });
  }

  filePath(location: string): string {
    return join(this.root, location);
  }
}
