// Function code: the zip as uploaded (kept in the blob store, so it survives restarts) and its unzipped
// copy, the folder a function's processes run in (under the data directory, or a temporary folder in
// memory mode), extracted again whenever it is missing.

import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve, sep } from 'node:path';
import { onFirstUse } from '../../on-first-use.js';
import type { Sandbox } from '../../sandbox.js';
import { cannotUnzip, codeObjectMissing, missingCode, unzippedTooLarge } from './errors.js';
import type { FunctionRecord } from './store.js';

const fflate = onFirstUse<typeof import('fflate')>('fflate');

/** AWS's limit on a function's unzipped code. */
export const UNZIPPED_LIMIT = 262_144_000;

export interface StoredCode {
  codeLocation: string;
  CodeSha256: string;
  CodeSize: number;
}

/** Reads a zip's entries, refusing what AWS refuses (not a zip, too large once unzipped). */
export function unzip(zip: Buffer): Record<string, Uint8Array> {
  let files: Record<string, Uint8Array>;
  try {
    files = fflate().unzipSync(zip);
  } catch {
    throw cannotUnzip();
  }
  const size = Object.values(files).reduce((sum, f) => sum + f.length, 0);
  if (size > UNZIPPED_LIMIT) throw unzippedTooLarge(UNZIPPED_LIMIT);
  return files;
}

export interface CodeInput {
  ZipFile?: Buffer;
  S3Bucket?: string;
  S3Key?: string;
}

/** The zip a CreateFunction or UpdateFunctionCode request supplies: inline, or an S3 object of this sandbox. */
export function zipOf(sandbox: Sandbox, code: CodeInput): Buffer {
  if (code.ZipFile) return code.ZipFile;
  if (code.S3Bucket && code.S3Key) {
    const s3 = sandbox.apis.s3;
    if (!s3?.bucketOwner(code.S3Bucket)) throw codeObjectMissing('NoSuchBucket');
    const body = s3.getObject(code.S3Bucket, code.S3Key);
    if (!body) throw codeObjectMissing('NoSuchKey');
    return body;
  }
  throw missingCode();
}

/** Checks and keeps an uploaded zip for a function. */
export function storeCode(sandbox: Sandbox, owner: { accountId: string; region: string }, name: string, zip: Buffer): StoredCode {
  unzip(zip);
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
  for (const [name, data] of Object.entries(unzip(sandbox.blobs.read(fn.codeLocation)))) {
    const target = resolve(root, name);
    // Entries that would land outside the folder (`../x`, absolute paths) are skipped.
    if (!target.startsWith(root + sep)) continue;
    if (name.endsWith('/')) {
      mkdirSync(target, { recursive: true });
      continue;
    }
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, data);
  }
  mkdirSync(root, { recursive: true });
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
