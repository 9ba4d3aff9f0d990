// Start-up check that every blob the state points at is on disk. A missing one stops the start, naming
// the service and the file; with --repair the references to missing files are dropped, each one told.

import { existsSync } from 'node:fs';
import type { BlobStore } from './blob-store.js';
import { StoreDamagedError, type DamageRepair } from './damage.js';

/** One place in a service's state that points at a blob. */
export interface BlobReference {
  /** What refers to the blob, for a person ("object b/k"). */
  what: string;
  location: string;
  /** Forgets the reference (--repair). */
  drop(): void;
}

export function checkBlobReferences(blobs: BlobStore, service: string, references: Iterable<BlobReference>, repair?: DamageRepair): void {
  const missing: { reference: BlobReference; file: string }[] = [];
  for (const reference of references) {
    const file = blobs.filePath(reference.location);
    if (file !== undefined && !existsSync(file)) missing.push({ reference, file });
  }
  if (missing.length === 0) return;
  if (!repair) {
    const [first] = missing;
    const more = missing.length > 1 ? ` (${missing.length - 1} more files it refers to are missing too)` : '';
    throw new StoreDamagedError(service, first.file, `is missing, yet the ${first.reference.what} refers to it${more}`);
  }
  for (const { reference, file } of missing) {
    reference.drop();
    repair.note(`${service}: dropped the ${reference.what}, whose file ${file} is missing`);
  }
}
