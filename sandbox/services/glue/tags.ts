// Tags on the Glue resources that take them here: databases, tables and crawlers, named by ARN
// (`arn:aws:glue:<region>:<account>:database/<db>`, `table/<db>/<table>`, `crawler/<name>`). At most 50 a resource.

import type { Sandbox } from '../../sandbox.js';
import type { Owner } from './catalog.js';
import { crawlerArn, databaseArn, tableArn } from './arns.js';
import { findDatabase, findTable, putTable } from './catalog.js';
import { crawlers, databases, type Tags } from './store.js';
import { invalidInput, resourceNotFound, tooManyTags } from './errors.js';

export const MAX_TAGS = 50;


interface Tagged {
  tags: Tags;
  save(tags: Tags): void;
}

const ARN = /^arn:aws[\w-]*:glue:([^:]*):(\d{12}):([a-zA-Z]+)\/(.+)$/;

/** The resource an ARN names in the caller's account and region, or EntityNotFoundException. */
function resolve(sandbox: Sandbox, owner: Owner, resourceArn: string): Tagged {
  const m = ARN.exec(resourceArn);
  if (!m) throw invalidInput(`Invalid ARN: ${resourceArn}`);
  const [, region, accountId, type, rest] = m;
  if (region !== owner.region || accountId !== owner.accountId) throw resourceNotFound(resourceArn);
  if (type === 'database') {
    const db = findDatabase(sandbox, owner, rest);
    if (!db) throw resourceNotFound(resourceArn);
    return { tags: db.tags, save: (tags) => databases(sandbox, owner).set(db.Name, { ...db, tags }) };
  }
  if (type === 'table') {
    const slash = rest.indexOf('/');
    const table = slash > 0 ? findTable(sandbox, owner, rest.slice(0, slash), rest.slice(slash + 1)) : undefined;
    if (!table) throw resourceNotFound(resourceArn);
    return { tags: table.tags, save: (tags) => putTable(sandbox, owner, { ...table, tags }) };
  }
  if (type === 'crawler') {
    const crawler = crawlers(sandbox, owner).get(rest);
    if (!crawler) throw resourceNotFound(resourceArn);
    return { tags: crawler.tags, save: (tags) => crawlers(sandbox, owner).set(crawler.Name, { ...crawler, tags }) };
  }
  throw invalidInput(`The sandbox does not tag Glue ${type} resources (databases, tables and crawlers take tags).`);
}

export function getTags(sandbox: Sandbox, owner: Owner, resourceArn: string): Tags {
  return { ...resolve(sandbox, owner, resourceArn).tags };
}

export function addTags(sandbox: Sandbox, owner: Owner, resourceArn: string, added: Tags): void {
  const resource = resolve(sandbox, owner, resourceArn);
  const merged = { ...resource.tags, ...added };
  if (Object.keys(merged).length > MAX_TAGS) throw tooManyTags();
  resource.save(merged);
}

export function removeTags(sandbox: Sandbox, owner: Owner, resourceArn: string, keys: string[]): void {
  const resource = resolve(sandbox, owner, resourceArn);
  const kept = { ...resource.tags };
  for (const key of keys) delete kept[key];
  resource.save(kept);
}
