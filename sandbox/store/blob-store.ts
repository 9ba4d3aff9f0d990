// Where large byte payloads live (S3 object bodies, later Lambda code): plain files under the data
// directory, laid out by a readable path so other tools can read them, or memory with `--in-memory`.
// Writes go to a temporary file and are renamed into place, so a crash never leaves half an object.

import { mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { randomUUID } from 'node:crypto';

export interface BlobStore {
  /** Stores `data` near `wantedPath` (relative, `/`-separated) and returns the location to read it back. */
  write(wantedPath: string, data: Buffer): string;
  read(location: string): Buffer;
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
  read(location: string): Buffer {
    const data = this.blobs.get(location);
    if (!data) throw new Error(`blob ${location} is missing`);
    return data;
  }
  remove(location: string): void {
    this.blobs.delete(location);
  }
  filePath(): undefined {
    return undefined;
  }
}

/** Keeps each path segment readable but safe on every file system. */
function safeSegment(segment: string): string {
  if (segment === '' || segment === '.' || segment === '..') return `%${Buffer.from(segment).toString('hex') || '00'}`;
  return segment.replace(/[^A-Za-z0-9._=+,@-]/g, (c) => [...Buffer.from(c)].map((b) => `%${b.toString(16).padStart(2, '0')}`).join(''));
}

export class DiskBlobStore implements BlobStore {
  constructor(private readonly root: string) {
    mkdirSync(join(root, '.tmp'), { recursive: true });
  }

  write(wantedPath: string, data: Buffer): string {
    let location = wantedPath.split('/').map(safeSegment).join('/');
    // A key that is also a "folder" of another key (a and a/b) cannot be both a file and a directory.
    if (!this.fits(location)) location = `.conflicts/${randomUUID()}`;
    const target = join(this.root, location);
    mkdirSync(dirname(target), { recursive: true });
    const tmp = join(this.root, '.tmp', randomUUID());
    writeFileSync(tmp, data);
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

  remove(location: string): void {
    rmSync(join(this.root, location), { force: true });
  }

  filePath(location: string): string {
    return join(this.root, location);
  }
}
