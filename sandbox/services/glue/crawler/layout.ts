// How a crawler turns the objects under an include path into tables, as Glue does: when every object sits
// at the same folder depth and their schemas are alike, the include path is one table, named after its
// last folder, and each folder level below it is a partition column (`key=value` folders give `key`,
// others `partition_0`, `partition_1`, ... as for Firehose's YYYY/MM/DD/HH/), with one partition per leaf
// folder. Otherwise each subfolder is looked at the same way, and objects directly in the folder make an
// unpartitioned table of its own.

import { mergeFields, type JsonField } from './json-schema.js';

export interface FileSample {
  json: boolean;
  gzip: boolean;
  fields: JsonField[];
  /** Records in the whole object (estimated when only its start was read). */
  records: number;
  /** Uncompressed bytes of the object. */
  rawBytes: number;
  glued: number;
}

export interface CrawledFile {
  key: string;
  /** Folders between the include path and the object. */
  folders: string[];
  size: number;
  /** Undefined when the object was not sampled (SampleSize) or could not be read. */
  sample?: FileSample;
}

export interface Stats {
  objectCount: number;
  sizeKey: number;
  recordCount: number;
  averageRecordSize: number;
}

export interface PartitionPlan {
  values: string[];
  /** `s3://bucket/prefix/`. */
  location: string;
  fields: JsonField[];
  compressed: boolean;
  stats: Stats;
}

export interface TablePlan {
  name: string;
  location: string;
  classification: 'json' | 'UNKNOWN';
  compressed: boolean;
  partitionKeys: string[];
  fields: JsonField[];
  partitions: PartitionPlan[];
  stats: Stats;
}

/** Jaccard similarity of two leaf folders' column names below which they are separate tables. */
const SIMILARITY = 0.5;

/** Lower case, anything but [a-z0-9_] as `_`: Glue's table names from folder names. */
export const tableNameOf = (folder: string) => folder.toLowerCase().replace(/[^a-z0-9_]/g, '_');

function statsOf(files: CrawledFile[]): Stats {
  const sampled = files.filter((f) => f.sample?.json);
  const records = sampled.reduce((n, f) => n + f.sample!.records, 0);
  const rawBytes = sampled.reduce((n, f) => n + f.sample!.rawBytes, 0);
  const sampledSize = sampled.reduce((n, f) => n + f.size, 0);
  const size = files.reduce((n, f) => n + f.size, 0);
  // Objects left out of the sample count in proportion to their size.
  const recordCount = sampledSize > 0 ? Math.round((records * size) / sampledSize) : 0;
  return { objectCount: files.length, sizeKey: size, recordCount, averageRecordSize: records > 0 ? Math.round(rawBytes / records) : 0 };
}

function fieldsOf(files: CrawledFile[]): JsonField[] {
  return files.reduce<JsonField[]>((acc, f) => (f.sample?.json ? mergeFields(acc, f.sample.fields) : acc), []);
}

function compressedOf(files: CrawledFile[]): boolean {
  const sampled = files.filter((f) => f.sample);
  return sampled.filter((f) => f.sample!.gzip).length * 2 > sampled.length;
}

const leafOf = (f: CrawledFile) => f.folders.join('/');

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = groups.get(k);
    if (list) list.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

/** Whether the files can be one table: all JSON (or all unreadable) and leaf folders with alike columns. */
function alike(files: CrawledFile[]): boolean {
  const sampled = files.filter((f) => f.sample);
  const json = sampled.filter((f) => f.sample!.json).length;
  if (json !== 0 && json !== sampled.length) return false;
  const columnSets = [...groupBy(sampled, leafOf).values()].map((group) => new Set(fieldsOf(group).map((c) => c.name))).filter((s) => s.size > 0);
  for (let i = 1; i < columnSets.length; i++) {
    const a = columnSets[0];
    const b = columnSets[i];
    const common = [...a].filter((n) => b.has(n)).length;
    if (common / new Set([...a, ...b]).size < SIMILARITY) return false;
  }
  return true;
}

/** Each folder level's partition column: `key` when every folder there is `key=value` with one key. */
function partitionKeysOf(files: CrawledFile[], depth: number, levels: number): { name: string; hive: boolean }[] {
  return Array.from({ length: levels }, (_, i) => {
    const keys = new Set(files.map((f) => /^([^=]+)=/.exec(f.folders[depth + i])?.[1]));
    const [only] = keys;
    return keys.size === 1 && only !== undefined ? { name: only.toLowerCase(), hive: true } : { name: `partition_${i}`, hive: false };
  });
}

function table(name: string, rootLocation: string, files: CrawledFile[], depth: number): TablePlan {
  const levels = files[0].folders.length - depth;
  const keys = partitionKeysOf(files, depth, levels);
  const partitions: PartitionPlan[] = [];
  if (levels > 0) {
    for (const group of groupBy(files, leafOf).values()) {
      const folders = group[0].folders.slice(depth);
      const values = folders.map((folder, i) => (keys[i].hive ? folder.slice(folder.indexOf('=') + 1) : folder));
      partitions.push({ values, location: `${rootLocation}${folders.join('/')}/`, fields: fieldsOf(group), compressed: compressedOf(group), stats: statsOf(group) });
    }
    partitions.sort((a, b) => (JSON.stringify(a.values) < JSON.stringify(b.values) ? -1 : 1));
  }
  const ordered = levels > 0 ? partitions.flatMap((p) => [p.fields]) : [fieldsOf(files)];
  const classification = files.some((f) => f.sample?.json) ? 'json' : 'UNKNOWN';
  return {
    name,
    location: rootLocation,
    classification,
    compressed: compressedOf(files),
    partitionKeys: keys.map((k) => k.name),
    fields: ordered.reduce<JsonField[]>((acc, f) => mergeFields(acc, f), []),
    partitions,
    stats: statsOf(files),
  };
}

/**
 * The tables under one include path. `rootLocation` is `s3://bucket/prefix/` and `rootName` the name the
 * include path's own table takes.
 */
export function planTables(rootLocation: string, rootName: string, files: CrawledFile[]): TablePlan[] {
  const build = (location: string, name: string, group: CrawledFile[], depth: number): TablePlan[] => {
    if (group.length === 0) return [];
    const depths = new Set(group.map((f) => f.folders.length - depth));
    if (depths.size === 1 && alike(group)) return [table(name, location, group, depth)];
    const plans: TablePlan[] = [];
    const direct = group.filter((f) => f.folders.length === depth);
    if (direct.length > 0) plans.push(table(name, location, direct, depth));
    const children = groupBy(
      group.filter((f) => f.folders.length > depth),
      (f) => f.folders[depth],
    );
    for (const [child, members] of children) plans.push(...build(`${location}${child}/`, tableNameOf(child), members, depth + 1));
    return plans;
  };
  return build(rootLocation, tableNameOf(rootName), files, 0);
}
