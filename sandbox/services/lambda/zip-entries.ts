// What a deployment package's entries are beyond their bytes: which are symbolic links (read from the
// zip's central directory, where the Unix mode sits in the external attributes) and which would place
// a file outside the function's folder: a `..` segment, an absolute path, a link pointing out of the
// folder or one that other entries are written through. Such packages are refused at upload as AWS
// refuses a zip it cannot unpack, and their unsafe entries are never written.

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL_ENTRY = 0x02014b50;
const UNIX = 3;
const FILE_TYPE = 0o170000;
const SYMLINK = 0o120000;

/** Zip bytes whose central directory cannot be read. */
export class MalformedZip extends Error {}

/** Names of the entries the central directory marks as symbolic links (made on Unix, mode S_IFLNK). */
export function symlinkEntries(zip: Buffer): Set<string> {
  const links = new Set<string>();
  let end = -1;
  for (let at = zip.length - 22; at >= Math.max(0, zip.length - 22 - 0xffff); at--) {
    if (zip.readUInt32LE(at) === EOCD) {
      end = at;
      break;
    }
  }
  if (end < 0) throw new MalformedZip('no end of central directory');
  let count = zip.readUInt16LE(end + 10);
  let offset = zip.readUInt32LE(end + 16);
  if (count === 0xffff || offset === 0xffffffff) {
    const locator = end - 20;
    if (locator < 0 || zip.readUInt32LE(locator) !== ZIP64_LOCATOR) throw new MalformedZip('no zip64 locator');
    const record = Number(zip.readBigUInt64LE(locator + 8));
    if (record + 56 > zip.length || zip.readUInt32LE(record) !== ZIP64_EOCD) throw new MalformedZip('no zip64 end of central directory');
    count = Number(zip.readBigUInt64LE(record + 32));
    offset = Number(zip.readBigUInt64LE(record + 48));
  }
  for (let i = 0; i < count; i++) {
    if (offset + 46 > zip.length || zip.readUInt32LE(offset) !== CENTRAL_ENTRY) throw new MalformedZip('truncated central directory');
    const madeOn = zip.readUInt8(offset + 5);
    const flags = zip.readUInt16LE(offset + 8);
    const nameLength = zip.readUInt16LE(offset + 28);
    const extraLength = zip.readUInt16LE(offset + 30);
    const commentLength = zip.readUInt16LE(offset + 32);
    const mode = zip.readUInt32LE(offset + 38) >>> 16;
    // Names are UTF-8 when flag bit 11 says so, otherwise read byte for byte (as fflate reads them).
    const name = zip.subarray(offset + 46, offset + 46 + nameLength).toString(flags & 0x800 ? 'utf8' : 'latin1');
    if (madeOn === UNIX && (mode & FILE_TYPE) === SYMLINK) links.add(name);
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return links;
}

const segmentsOf = (path: string) => path.split('/').filter((s) => s !== '' && s !== '.');

/**
 * Whether a link at `linkName` to `target` stays inside the folder however the other links resolve:
 * relative, climbing (`..`) only at its start and no higher than the folder, then only descending.
 */
function linkStaysInside(linkName: string, target: string): boolean {
  if (target.startsWith('/')) return false;
  const parts = segmentsOf(target);
  const climbs = parts.findIndex((p) => p !== '..');
  const up = climbs < 0 ? parts.length : climbs;
  if (parts.slice(up).includes('..')) return false;
  return up <= segmentsOf(linkName).length - 1;
}

/** The entries that would land outside the folder or be written through a link. */
export function unsafeEntries(names: Iterable<string>, links: ReadonlyMap<string, string>): string[] {
  const linkPaths = new Set([...links.keys()].map((name) => segmentsOf(name).join('/')));
  const unsafe: string[] = [];
  for (const name of names) {
    const parts = segmentsOf(name);
    const throughLink = parts.slice(0, -1).some((_, i) => linkPaths.has(parts.slice(0, i + 1).join('/')));
    const target = links.get(name);
    if (name.startsWith('/') || parts.includes('..') || throughLink || (target !== undefined && !linkStaysInside(name, target))) unsafe.push(name);
  }
  return unsafe;
}
