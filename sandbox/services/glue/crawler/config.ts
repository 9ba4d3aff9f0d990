// A crawler's settings as CreateCrawler and UpdateCrawler take them: checked the way Glue checks them (an
// assumable role, S3 paths, a database for S3 targets, a CRAWL_NEW_FOLDERS_ONLY crawler only logging schema
// changes, a Configuration that is JSON), with Glue's defaults, and described back as GetCrawler answers.

import type { Sandbox } from '../../../sandbox.js';
import type { Owner } from '../catalog.js';
import type { CrawlerRecord, S3TargetConfig } from '../store.js';
import { invalidInput, notEmulated, roleNotAssumable } from '../errors.js';
import { assumableRole } from './role.js';
import { parseS3Path } from './discover.js';
import { LOG_GROUP } from './crawl-log.js';

export interface CrawlerSettingsInput {
  Role?: string;
  DatabaseName?: string;
  Description?: string;
  Targets?: { S3Targets?: Partial<S3TargetConfig>[]; [other: string]: unknown };
  Schedule?: string;
  Classifiers?: string[];
  TablePrefix?: string;
  SchemaChangePolicy?: { UpdateBehavior?: string; DeleteBehavior?: string };
  RecrawlPolicy?: { RecrawlBehavior?: string };
  LineageConfiguration?: { CrawlerLineageSettings?: string };
  LakeFormationConfiguration?: { UseLakeFormationCredentials?: boolean; AccountId?: string };
  Configuration?: string;
  CrawlerSecurityConfiguration?: string;
}

const OTHER_TARGETS = ['JdbcTargets', 'MongoDBTargets', 'DynamoDBTargets', 'CatalogTargets', 'DeltaTargets', 'IcebergTargets', 'HudiTargets'];

function s3Targets(targets: NonNullable<CrawlerSettingsInput['Targets']>): S3TargetConfig[] {
  for (const kind of OTHER_TARGETS) {
    const list = targets[kind];
    if (Array.isArray(list) && list.length > 0) throw notEmulated(`crawler ${kind} (only S3Targets are crawled)`);
  }
  const list = targets.S3Targets ?? [];
  return list.map((t) => {
    if (!t.Path || !parseS3Path(t.Path)) throw invalidInput(`Invalid S3 path: ${t.Path ?? ''}. An S3 target path must look like s3://bucket/prefix.`);
    if (t.SampleSize !== undefined && (t.SampleSize < 1 || t.SampleSize > 249)) throw invalidInput('SampleSize must be an integer between 1 and 249.');
    if (t.EventQueueArn) throw notEmulated('S3 event mode crawls (EventQueueArn)');
    return {
      Path: t.Path,
      Exclusions: t.Exclusions ?? [],
      ConnectionName: t.ConnectionName,
      SampleSize: t.SampleSize,
      EventQueueArn: t.EventQueueArn,
      DlqEventQueueArn: t.DlqEventQueueArn,
    };
  });
}

/** Configuration's CrawlerOutput.Partitions.AddOrUpdateBehavior: InheritFromTable makes partitions take the table's columns. */
export function inheritsFromTable(configuration: string | undefined): boolean {
  if (!configuration) return false;
  try {
    const parsed = JSON.parse(configuration) as { CrawlerOutput?: { Partitions?: { AddOrUpdateBehavior?: string } } };
    return parsed.CrawlerOutput?.Partitions?.AddOrUpdateBehavior === 'InheritFromTable';
  } catch {
    return false;
  }
}

/** A new crawler (`base` absent) or `base` with the settings given (UpdateCrawler changes only what it names). */
export function applySettings(sandbox: Sandbox, owner: Owner, name: string, input: CrawlerSettingsInput, now: number, base?: CrawlerRecord): CrawlerRecord {
  const role = input.Role ?? base?.Role;
  if (!role) throw invalidInput('Role is required.');
  if (input.Role !== undefined && !assumableRole(sandbox, owner, input.Role)) throw roleNotAssumable();
  const targets = input.Targets ? s3Targets(input.Targets) : base?.Targets.S3Targets ?? [];
  if (targets.length === 0) throw invalidInput('One or more targets are required: the sandbox crawls S3Targets.');
  const database = input.DatabaseName ?? base?.DatabaseName;
  if (!database) throw invalidInput('DatabaseName is required for a crawler with S3 targets.');
  if (input.Configuration !== undefined && input.Configuration !== '') {
    try {
      JSON.parse(input.Configuration);
    } catch {
      throw invalidInput('Crawler configuration not valid: it must be a JSON document.');
    }
  }
  if (input.Classifiers?.length) throw notEmulated('custom classifiers (the built-in JSON classifier is used)');
  const schemaChangePolicy = {
    UpdateBehavior: input.SchemaChangePolicy?.UpdateBehavior ?? base?.SchemaChangePolicy.UpdateBehavior ?? 'UPDATE_IN_DATABASE',
    DeleteBehavior: input.SchemaChangePolicy?.DeleteBehavior ?? base?.SchemaChangePolicy.DeleteBehavior ?? 'DEPRECATE_IN_DATABASE',
  };
  const recrawlPolicy = { RecrawlBehavior: input.RecrawlPolicy?.RecrawlBehavior ?? base?.RecrawlPolicy.RecrawlBehavior ?? 'CRAWL_EVERYTHING' };
  if (recrawlPolicy.RecrawlBehavior === 'CRAWL_EVENT_MODE') throw notEmulated('S3 event mode crawls (CRAWL_EVENT_MODE)');
  if (recrawlPolicy.RecrawlBehavior === 'CRAWL_NEW_FOLDERS_ONLY' && (schemaChangePolicy.UpdateBehavior !== 'LOG' || schemaChangePolicy.DeleteBehavior !== 'LOG')) {
    throw invalidInput('The SchemaChangePolicy of a crawler whose RecrawlBehavior is CRAWL_NEW_FOLDERS_ONLY must have UpdateBehavior LOG and DeleteBehavior LOG.');
  }
  const pick = <K extends keyof CrawlerSettingsInput>(key: K) => (input[key] !== undefined ? input[key] : base?.[key as keyof CrawlerRecord]);
  return {
    Name: name,
    Role: role,
    DatabaseName: database,
    Description: pick('Description') as string | undefined,
    Targets: { S3Targets: targets },
    Classifiers: [],
    TablePrefix: pick('TablePrefix') as string | undefined,
    SchemaChangePolicy: schemaChangePolicy,
    RecrawlPolicy: recrawlPolicy,
    LineageConfiguration: { CrawlerLineageSettings: input.LineageConfiguration?.CrawlerLineageSettings ?? base?.LineageConfiguration.CrawlerLineageSettings ?? 'DISABLE' },
    LakeFormationConfiguration: {
      UseLakeFormationCredentials: input.LakeFormationConfiguration?.UseLakeFormationCredentials ?? base?.LakeFormationConfiguration.UseLakeFormationCredentials ?? false,
      AccountId: input.LakeFormationConfiguration?.AccountId ?? base?.LakeFormationConfiguration.AccountId ?? '',
    },
    Schedule: (pick('Schedule') as string | undefined) || undefined,
    Configuration: pick('Configuration') as string | undefined,
    CrawlerSecurityConfiguration: pick('CrawlerSecurityConfiguration') as string | undefined,
    CreationTime: base?.CreationTime ?? now,
    LastUpdated: now,
    Version: base ? base.Version + 1 : 1,
    State: base?.State ?? 'READY',
    run: base?.run,
    LastCrawl: base?.LastCrawl,
    runtimes: base?.runtimes ?? [],
    lastCounts: base?.lastCounts,
    crawledFolders: base?.crawledFolders ?? [],
    tags: base?.tags ?? {},
  };
}

/** Crawler as GetCrawler answers it. */
export function crawlerView(c: CrawlerRecord, now: number) {
  return {
    Name: c.Name,
    Role: c.Role,
    Targets: {
      S3Targets: c.Targets.S3Targets.map((t) => ({ Path: t.Path, Exclusions: t.Exclusions, ConnectionName: t.ConnectionName, SampleSize: t.SampleSize })),
      JdbcTargets: [],
      MongoDBTargets: [],
      DynamoDBTargets: [],
      CatalogTargets: [],
      DeltaTargets: [],
      IcebergTargets: [],
      HudiTargets: [],
    },
    DatabaseName: c.DatabaseName,
    Description: c.Description,
    Classifiers: c.Classifiers,
    RecrawlPolicy: c.RecrawlPolicy,
    SchemaChangePolicy: c.SchemaChangePolicy,
    LineageConfiguration: c.LineageConfiguration,
    State: c.State,
    TablePrefix: c.TablePrefix,
    Schedule: c.Schedule ? { ScheduleExpression: c.Schedule, State: 'SCHEDULED' } : undefined,
    CrawlElapsedTime: c.State !== 'READY' && c.run ? Math.max(0, now - c.run.startTime) : 0,
    CreationTime: new Date(c.CreationTime),
    LastUpdated: new Date(c.LastUpdated),
    LastCrawl: c.LastCrawl && {
      Status: c.LastCrawl.Status,
      ErrorMessage: c.LastCrawl.ErrorMessage,
      LogGroup: LOG_GROUP,
      LogStream: c.Name,
      MessagePrefix: c.LastCrawl.MessagePrefix,
      StartTime: new Date(c.LastCrawl.StartTime),
    },
    Version: c.Version,
    Configuration: c.Configuration,
    CrawlerSecurityConfiguration: c.CrawlerSecurityConfiguration,
    LakeFormationConfiguration: c.LakeFormationConfiguration,
  };
}

const median = (values: number[]) => {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

/** CrawlerMetrics: the last crawl's table counts and run times, and while running the time it may still take. */
export function crawlerMetrics(c: CrawlerRecord, now: number) {
  const running = c.State !== 'READY' && c.run !== undefined;
  const typical = median(c.runtimes);
  const elapsed = running ? (now - c.run!.startTime) / 1000 : 0;
  return {
    CrawlerName: c.Name,
    TimeLeftSeconds: running ? Math.max(0, typical - elapsed) : 0,
    StillEstimating: running && c.runtimes.length === 0,
    LastRuntimeSeconds: c.runtimes.length ? c.runtimes[c.runtimes.length - 1] : 0,
    MedianRuntimeSeconds: typical,
    TablesCreated: c.lastCounts?.TablesCreated ?? 0,
    TablesUpdated: c.lastCounts?.TablesUpdated ?? 0,
    TablesDeleted: c.lastCounts?.TablesDeleted ?? 0,
  };
}
