// The reading half of a crawl: for each S3 target, list the objects under its path (as the crawler's role:
// s3:ListBucket on the bucket), leave out exclusions and hidden files (`_x`, `.x`), sample up to SampleSize
// objects per leaf folder (s3:GetObject on each), and plan the tables. Denied or missing buckets and objects
// are logged and skipped, as Glue does; the crawl goes on.

import { setImmediate as yieldToLoop } from 'node:timers/promises';
import type { Sandbox } from '../../../sandbox.js';
import type { RoleSummary } from '../../iam/api.js';
import type { CrawlerRecord, S3TargetConfig } from '../store.js';
import type { CrawlLog } from './crawl-log.js';
import { excluder } from './exclusions.js';
import { planTables, type CrawledFile, type TablePlan } from './layout.js';
import { sampleObject } from './sample.js';

/** `s3://bucket[/prefix]`; the prefix is read as a folder. */
export function parseS3Path(path: string): { bucket: string; prefix: string } | undefined {
  const m = /^s3:\/\/([^/]+)\/?(.*)$/i.exec(path.trim());
  if (!m) return undefined;
  const rest = m[2];
  return { bucket: m[1], prefix: rest === '' || rest.endsWith('/') ? rest : `${rest}/` };
}

export interface Discovery {
  plans: TablePlan[];
  /** Include paths (`s3://bucket/prefix/`) that were listed: tables under others are not judged missing. */
  listed: string[];
  /** Leaf folders whose objects were read. */
  folders: string[];
}

const MAX_LOGGED_DENIALS = 5;

export async function discover(sandbox: Sandbox, crawler: CrawlerRecord, role: RoleSummary, log: CrawlLog, skipFolders: Set<string>): Promise<Discovery> {
  const s3 = sandbox.apis.s3;
  const iam = sandbox.apis.iam!;
  const result: Discovery = { plans: [], listed: [], folders: [] };
  let denied = 0;
  for (const target of crawler.Targets.S3Targets) {
    const where = parseS3Path(target.Path);
    if (!where) {
      log.error(`Invalid S3 path ${target.Path}, skipping this target`);
      continue;
    }
    const { bucket, prefix } = where;
    const root = `s3://${bucket}/${prefix}`;
    if (!s3 || !s3.bucketOwner(bucket)) {
      log.error(`Failed to read ${root}: The specified bucket does not exist (Service: Amazon S3; Status Code: 404; Error Code: NoSuchBucket)`);
      continue;
    }
    if (!iam.allows(role, 's3:ListBucket', `arn:aws:s3:::${bucket}`)) {
      log.error(`Access Denied when listing ${root} (Service: Amazon S3; Status Code: 403; Error Code: AccessDenied): the role ${role.RoleName} may not s3:ListBucket on arn:aws:s3:::${bucket}`);
      continue;
    }
    result.listed.push(root);
    const files = listFiles(s3.listObjects(bucket, prefix), prefix, target, skipFolders, root);
    const bySampleLeaf = new Map<string, CrawledFile[]>();
    for (const f of files) {
      const leaf = f.folders.join('/');
      const list = bySampleLeaf.get(leaf) ?? [];
      list.push(f);
      bySampleLeaf.set(leaf, list);
    }
    for (const [leaf, group] of bySampleLeaf) {
      result.folders.push(`${root}${leaf ? `${leaf}/` : ''}`);
      const sampled = target.SampleSize ? group.slice(0, target.SampleSize) : group;
      for (const f of sampled) {
        if (!iam.allows(role, 's3:GetObject', `arn:aws:s3:::${bucket}/${f.key}`)) {
          if (denied++ < MAX_LOGGED_DENIALS) log.error(`Access Denied reading s3://${bucket}/${f.key} (Service: Amazon S3; Status Code: 403; Error Code: AccessDenied): the role ${role.RoleName} may not s3:GetObject on it; skipping`);
          continue;
        }
        const body = s3.getObject(bucket, f.key);
        if (body) f.sample = await sampleObject(body);
        await yieldToLoop();
      }
    }
    // Objects Glue could not read tell it nothing: they make no table.
    const readLeaves = new Set(files.filter((f) => f.sample).map((f) => f.folders.join('/')));
    const readable = files.filter((f) => readLeaves.has(f.folders.join('/')));
    const rootName = prefix === '' ? bucket : prefix.slice(0, -1).split('/').pop()!;
    result.plans.push(...planTables(root, rootName, readable));
  }
  if (denied > MAX_LOGGED_DENIALS) log.error(`${denied - MAX_LOGGED_DENIALS} more objects could not be read (Access Denied)`);
  return result;
}

function listFiles(objects: { key: string; size: number }[], prefix: string, target: S3TargetConfig, skipFolders: Set<string>, root: string): CrawledFile[] {
  const excluded = excluder(target.Exclusions);
  const files: CrawledFile[] = [];
  for (const o of [...objects].sort((a, b) => (a.key < b.key ? -1 : 1))) {
    const relative = o.key.slice(prefix.length);
    if (relative === '' || relative.endsWith('/') || o.size === 0) continue;
    const parts = relative.split('/');
    const name = parts[parts.length - 1];
    if (name.startsWith('_') || name.startsWith('.')) continue;
    if (excluded(relative)) continue;
    const folders = parts.slice(0, -1);
    if (skipFolders.has(`${root}${folders.length ? `${folders.join('/')}/` : ''}`)) continue;
    files.push({ key: o.key, folders, size: o.size });
  }
  return files;
}
