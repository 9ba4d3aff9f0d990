// Function code: the zip as uploaded (kept in the blob store, so it survives restarts) and its unzipped
// copy, the folder a function's processes run in (under the data directory, or a temporary folder in
// memory mode), extracted again whenever it is missing. Nothing a zip holds is written outside that
// folder: packages with such entries are refused at upload (zip-entries.ts).

import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve, sep } from 'node:path';
import { onFirstUse } from '../../on-first-use.js';
import type { Sandbox } from '../../sandbox.js';
import { cannotUnzip, codeObjectAccessDenied, codeObjectMissing, missingCode, unzippedTooLarge } from './errors.js';
import type { FunctionRecord } from './store.js';
import { symlinkEntries, unsafeEntries } from './zip-entries.js';

const fflate = onFirstUse<typeof import('fflate')>('fflate');

/** AWS's limit on a function's unzipped code. */
export const UNZIPPED_LIMIT = 262_144_000;

export interface StoredCode {
  codeLocation: string;
  CodeSha256: string;
  CodeSize: number;
}

interface Package {
  /** Regular files and folders (names ending in `/`), by their name in the zip. */
  files: Record<string, Uint8Array>;
  /** Symbolic links: name → target. */
  links: Map<string, string>;
  /** Entries that would land outside the function's folder. */
  unsafe: Set<string>;
}

/** Reads a zip's entries, refusing what AWS refuses (not a zip, too large once unzipped). */
function readPackage(zip: Buffer): Package {
  let files: Record<string, Uint8Array>;
  let linkNames: Set<string>;
  try {
    files = fflate().unzipSync(zip);
    linkNames = symlinkEntries(zip);
  } catch {
    throw cannotUnzip();
  }
  const size = Object.values(files).reduce((sum, f) => sum + f.length, 0);
  if (size > UNZIPPED_LIMIT) throw unzippedTooLarge(UNZIPPED_LIMIT);
  const links = new Map<string, string>();
  for (const name of linkNames) {
    if (!files[name]) continue;
    links.set(name, Buffer.from(files[name]).toString('utf8'));
    delete files[name];
  }
  return { files, links, unsafe: new Set(unsafeEntries([...Object.keys(files), ...links.keys()], links)) };
}

/** Checks a zip as AWS does at upload; one that would write outside its folder is refused as unreadable. */
export function checkPackage(zip: Buffer): void {
  if (readPackage(zip).unsafe.size > 0) throw cannotUnzip();
}

export interface CodeInput {
  ZipFile?: Buffer;
  S3Bucket?: string;
  S3Key?: string;
}

/**
 * The zip a CreateFunction or UpdateFunctionCode request supplies: inline, or an S3 object of this
 * sandbox that the caller may read (a bucket of the caller's own account). Another account's bucket is
 * refused before its keys are looked at, so the answer tells nothing of what it holds.
 */
export function zipOf(sandbox: Sandbox, caller: { accountId: string }, code: CodeInput): Buffer {
  if (code.ZipFile) return code.ZipFile;
  if (code.S3Bucket && code.S3Key) {
    const s3 = sandbox.apis.s3;
    const bucket = s3?.bucketOwner(code.S3Bucket);
    if (!s3 || !bucket) throw codeObjectMissing('NoSuchBucket');
    if (bucket.accountId !== caller.accountId) throw codeObjectAccessDenied(code.S3Bucket, code.S3Key);
    const body = s3.getObject(code.S3Bucket, code.S3Key);
    if (!body) throw codeObjectMissing('NoSuchKey');
    return body;
  }
  throw missingCode();
}

/** Checks and keeps an uploaded zip for a function. */
export function storeCode(sandbox: Sandbox, owner: { accountId: string; region: string }, name: string, zip: Buffer): StoredCode {
  checkPackage(zip);
  const CodeSha256 = createHash('sha256').update(zip).digest('base64');
  const codeLocation = sandbox.blobs.write(`lambda/${owner.accountId}/${owner.region}/${name}/${hexOf(CodeSha256)}.zip`, zip);
  return { codeLocation, CodeSha256, CodeSize: zip.length };
}

const hexOf = (base64: string) => Buffer.from(base64, 'base64').toString('hex').slice(0, 16);

const memoryRoots = new WeakMap<Sandbox, string>();

function codeRoot(sandbox: Sandbox): string {
  if (sandbox.dataDir) return join(sandbox.dataDir, 'lambda-code');
  let root = memoryRoots.get(sandbox);
  if (!root) {
    root = mkdtempSync(join(tmpdir(), 'lab-sandbox-lambda-'));
    memoryRoots.set(sandbox, root);
    const created = root;
    sandbox.onClose(() => rmSync(created, { recursive: true, force: true }));
  }
  return root;
}

function functionDir(sandbox: Sandbox, fn: FunctionRecord): string {
  const [, , , region, accountId] = fn.FunctionArn.split(':');
  return join(codeRoot(sandbox), accountId, region, fn.FunctionName);
}

/** The folder holding the function's current code, unzipped on first use. */
export function codeDirectory(sandbox: Sandbox, fn: FunctionRecord): string {
  const dir = join(functionDir(sandbox, fn), hexOf(fn.CodeSha256));
  // The marker sits beside the folder, so the function's own listing of its task root stays clean.
  const marker = `${dir}.complete`;
  if (existsSync(marker)) return dir;
  rmSync(dir, { recursive: true, force: true });
  const root = resolve(dir);
  const { files, links, unsafe } = readPackage(sandbox.blobs.read(fn.codeLocation));
  // Code stored before packages were checked at upload may still hold unsafe entries: they are skipped.
  const inside = (name: string) => {
    const target = resolve(root, name);
    return !unsafe.has(name) && target.startsWith(root + sep) ? target : undefined;
  };
  mkdirSync(root, { recursive: true });
  for (const [name, data] of Object.entries(files)) {
    const target = inside(name);
    if (!target) continue;
    if (name.endsWith('/')) {
      mkdirSync(target, { recursive: true });
      continue;
    }
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, data);
  }
  // Links last, so no file above was written through one.
  for (const [name, linkTarget] of links) {
    const target = inside(name);
    if (!target || existsSync(target)) continue;
    mkdirSync(dirname(target), { recursive: true });
    try {
      symlinkSync(linkTarget, target);
    } catch {
      // a dangling link of the same name is already there
    }
  }
  writeFileSync(marker, '');
  return dir;
}

/** Removes unzipped copies: all of them, or all but the current one. */
export function removeCodeDirectories(sandbox: Sandbox, fn: FunctionRecord, { keepCurrent = false } = {}): void {
  const base = functionDir(sandbox, fn);
  if (!keepCurrent) {
    rmSync(base, { recursive: true, force: true });
    return;
  }
  const current = hexOf(fn.CodeSha256);
  if (!existsSync(base)) return;
  for (const entry of readdirSync(base)) if (entry !== current && entry !== `${current}.complete`) rmSync(join(base, entry), { recursive: true, force: true });
}

/** The zip bytes of a function's current code. */
export function readCode(sandbox: Sandbox, fn: FunctionRecord): Buffer {
  return sandbox.blobs.read(fn.codeLocation);
}
