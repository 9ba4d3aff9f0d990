// Athena's DDL and metadata statements, run against the Glue Data Catalog as Athena runs them (through Hive):
// CREATE DATABASE, CREATE EXTERNAL TABLE (stored as Athena stores it: EXTERNAL_TABLE, its SerDe and formats),
// ALTER TABLE ADD PARTITION, MSCK REPAIR TABLE (Hive-style key=value folders become partitions), DROP TABLE,
// SHOW TABLES / DATABASES / PARTITIONS / CREATE TABLE / COLUMNS and DESCRIBE. Their output is lines of
// text (the query's .txt result); failures carry Hive's words as Athena relays them.

import type { Principal } from '../../edge/context.js';
import type { Sandbox } from '../../sandbox.js';
import { isServiceError } from '../../protocols/errors.js';
import type { GlueColumn, GluePartitionInput, GlueStorageDescriptor, GlueTable } from '../glue/api.js';
import { DEFAULT_CATALOG, glueApi, isDataFile, parseS3Location } from './lake.js';
import { QueryFailure } from './query-errors.js';
import { textColumn, type ColumnInfo } from './results.js';
import type { NameRef, Statement } from './sql/statement.js';

export interface DdlResult {
  columns: ColumnInfo[];
  lines: string[];
}

const DDL_TASK = 'FAILED: Execution Error, return code 1 from org.apache.hadoop.hive.ql.exec.DDLTask.';
const TEXT_INPUT = 'org.apache.hadoop.mapred.TextInputFormat';
const TEXT_OUTPUT = 'org.apache.hadoop.hive.ql.io.HiveIgnoreKeyTextOutputFormat';
const LAZY_SIMPLE = 'org.apache.hadoop.hive.serde2.lazy.LazySimpleSerDe';

export function runDdl(sandbox: Sandbox, owner: Principal, statement: Exclude<Statement, { kind: 'query' }>, context: { database: string; catalog: string }): DdlResult {
  if (context.catalog !== DEFAULT_CATALOG) throw QueryFailure.catalogNotFound(1, 1, context.catalog);
  const glue = glueApi(sandbox);
  const none: DdlResult = { columns: [], lines: [] };
  const dbOf = (ref: NameRef) => ref.database ?? context.database;
  const requireTable = (ref: NameRef): GlueTable => {
    const db = dbOf(ref);
    if (!glue.getDatabase(owner, db)) throw QueryFailure.ddl(`FAILED: SemanticException [Error 10072]: Database does not exist: ${db}`);
    const table = glue.getTable(owner, db, ref.name);
    if (!table) throw QueryFailure.ddl(`FAILED: SemanticException [Error 10001]: Table not found ${db}.${ref.name}`);
    return table;
  };

  switch (statement.kind) {
    case 'createDatabase': {
      if (glue.getDatabase(owner, statement.name)) {
        if (statement.ifNotExists) return none;
        throw QueryFailure.ddl(`${DDL_TASK} Database ${statement.name} already exists`);
      }
      glue.createDatabase(owner, { Name: statement.name, Description: statement.comment, LocationUri: statement.location });
      return none;
    }
    case 'createTable': {
      const db = dbOf(statement.table);
      const name = statement.table.name;
      if (!glue.getDatabase(owner, db)) throw QueryFailure.ddl(`FAILED: SemanticException [Error 10072]: Database does not exist: ${db}`);
      if (glue.getTable(owner, db, name)) {
        if (statement.ifNotExists) return none;
        throw QueryFailure.ddl(`${DDL_TASK} AlreadyExistsException(message:Table ${db}.${name} already exists)`);
      }
      const seen = new Set<string>();
      for (const c of statement.columns) {
        if (seen.has(c.name)) throw QueryFailure.ddl(`FAILED: SemanticException [Error 10036]: Duplicate column name: ${c.name}`);
        seen.add(c.name);
      }
      for (const k of statement.partitionKeys) if (seen.has(k.name)) throw QueryFailure.ddl('FAILED: SemanticException [Error 10035]: Column repeated in partitioning columns');
      if (!statement.location) throw QueryFailure.ddl('FAILED: SemanticException [Error 10000]: LOCATION is required for an external table');
      if (!parseS3Location(statement.location)) throw QueryFailure.ddl(`FAILED: SemanticException [Error 10000]: Invalid location ${statement.location}: it must be an s3:// URI`);
      const column = (c: { name: string; type: string; comment?: string }): GlueColumn => ({ Name: c.name, Type: c.type, ...(c.comment !== undefined ? { Comment: c.comment } : {}) });
      const serde = statement.serde ?? LAZY_SIMPLE;
      const storage: GlueStorageDescriptor = {
        Columns: statement.columns.map(column),
        Location: statement.location,
        InputFormat: statement.inputFormat ?? TEXT_INPUT,
        OutputFormat: statement.outputFormat ?? TEXT_OUTPUT,
        Compressed: false,
        NumberOfBuckets: -1,
        SerdeInfo: { SerializationLibrary: serde, Parameters: { 'serialization.format': '1', ...statement.serdeProperties } },
        BucketColumns: [],
        SortColumns: [],
        Parameters: {},
        StoredAsSubDirectories: false,
      };
      glue.createTable(owner, db, {
        Name: name,
        ...(statement.comment !== undefined ? { Description: statement.comment } : {}),
        TableType: 'EXTERNAL_TABLE',
        Parameters: { EXTERNAL: 'TRUE', ...statement.tblProperties, transient_lastDdlTime: String(Math.floor(owner.clock.now() / 1000)) },
        PartitionKeys: statement.partitionKeys.map(column),
        StorageDescriptor: storage,
      });
      return none;
    }
    case 'dropTable': {
      const db = dbOf(statement.table);
      if (!glue.getDatabase(owner, db) || !glue.getTable(owner, db, statement.table.name)) {
        if (statement.ifExists) return none;
        throw QueryFailure.ddl(`FAILED: SemanticException [Error 10001]: Table not found ${db}.${statement.table.name}`);
      }
      glue.deleteTable(owner, db, statement.table.name);
      return none;
    }
    case 'addPartitions': {
      const table = requireTable(statement.table);
      const keys = (table.PartitionKeys ?? []).map((k) => k.Name.toLowerCase());
      if (keys.length === 0) throw QueryFailure.ddl(`FAILED: SemanticException [Error 10241]: Table ${table.Name} is not a partitioned table`);
      const existing = new Set(glue.getPartitions(owner, table.DatabaseName, table.Name).map((p) => JSON.stringify(p.Values)));
      const inputs: GluePartitionInput[] = [];
      for (const spec of statement.partitions) {
        const given = new Map(spec.values);
        for (const k of given.keys()) if (!keys.includes(k)) throw QueryFailure.ddl(`FAILED: SemanticException [Error 10006]: Partition not found: partition spec is invalid; field ${k} does not exist or is empty`);
        const missing = keys.find((k) => !given.has(k));
        if (missing) throw QueryFailure.ddl(`FAILED: SemanticException [Error 10006]: Partition spec is incomplete: no value for ${missing}`);
        const values = keys.map((k) => given.get(k)!);
        if (existing.has(JSON.stringify(values))) {
          if (statement.ifNotExists) continue;
          throw QueryFailure.ddl(`${DDL_TASK} AlreadyExistsException(message:Partition already exists: ${table.Name}:${keys.map((k, i) => `${k}=${values[i]}`).join('/')})`);
        }
        existing.add(JSON.stringify(values));
        const location = spec.location ?? `${withSlash(table.StorageDescriptor?.Location ?? '')}${keys.map((k, i) => `${k}=${values[i]}`).join('/')}/`;
        inputs.push({ Values: values, StorageDescriptor: { ...table.StorageDescriptor, Location: location } });
      }
      if (inputs.length > 0) glue.addPartitions(owner, table.DatabaseName, table.Name, inputs);
      return none;
    }
    case 'msckRepair': {
      const table = requireTable(statement.table);
      const keys = (table.PartitionKeys ?? []).map((k) => k.Name.toLowerCase());
      if (keys.length === 0) return none;
      const location = parseS3Location(table.StorageDescriptor?.Location ?? '');
      if (!location) throw QueryFailure.ddl(`${DDL_TASK} Table ${table.Name} has no S3 location`);
      const s3 = sandbox.api('s3');
      if (!s3.bucketOwner(location.bucket)) throw QueryFailure.ddl(`${DDL_TASK} The specified bucket does not exist (Bucket: ${location.bucket})`);
      const prefix = location.prefix === '' ? '' : withSlash(location.prefix);
      const found = new Map<string, string[]>();
      for (const object of s3.listObjects(location.bucket, prefix)) {
        const rest = object.key.slice(prefix.length);
        if (!isDataFile(rest)) continue;
        const segments = rest.split('/');
        if (segments.length <= keys.length) continue;
        const values: string[] = [];
        for (let i = 0; i < keys.length; i++) {
          const m = /^([^=]+)=(.*)$/.exec(segments[i]!);
          if (!m || m[1]!.toLowerCase() !== keys[i]) break;
          values.push(decodeURIComponent(m[2]!));
        }
        if (values.length === keys.length) found.set(JSON.stringify(values), values);
      }
      const existing = new Set(glue.getPartitions(owner, table.DatabaseName, table.Name).map((p) => JSON.stringify(p.Values)));
      const added = [...found.entries()].filter(([id]) => !existing.has(id)).map(([, v]) => v);
      if (added.length === 0) return none;
      const spec = (values: string[]) => keys.map((k, i) => `${k}=${values[i]}`).join('/');
      glue.addPartitions(
        owner,
        table.DatabaseName,
        table.Name,
        added.map((values) => ({ Values: values, StorageDescriptor: { ...table.StorageDescriptor, Location: `s3://${location.bucket}/${prefix}${spec(values)}/` } })),
      );
      return {
        columns: [],
        lines: [`Partitions not in metastore:\t${added.map((v) => `${table.Name}:${spec(v)}`).join('\t')}`, ...added.map((v) => `Repair: Added partition to metastore ${table.Name}:${spec(v)}`)],
      };
    }
    case 'showTables': {
      const db = statement.database ?? context.database;
      if (!glue.getDatabase(owner, db)) throw QueryFailure.ddl(`FAILED: SemanticException [Error 10072]: Database does not exist: ${db}`);
      const match = hivePattern(statement.pattern);
      const names = glue
        .getTables(owner, db)
        .map((t) => t.Name)
        .filter(match)
        .sort();
      return { columns: [textColumn('tab_name')], lines: names };
    }
    case 'showDatabases': {
      const match = hivePattern(statement.pattern);
      return { columns: [textColumn('database_name')], lines: glue.listDatabases(owner).map((d) => d.Name).filter(match).sort() };
    }
    case 'showPartitions': {
      const table = requireTable(statement.table);
      const keys = (table.PartitionKeys ?? []).map((k) => k.Name.toLowerCase());
      if (keys.length === 0) throw QueryFailure.ddl(`FAILED: SemanticException [Error 10241]: Table ${table.Name} is not a partitioned table`);
      const lines = glue
        .getPartitions(owner, table.DatabaseName, table.Name)
        .map((p) => keys.map((k, i) => `${k}=${p.Values[i]}`).join('/'))
        .sort();
      return { columns: [textColumn('partition')], lines };
    }
    case 'showColumns': {
      const table = requireTable(statement.table);
      const names = [...(table.StorageDescriptor?.Columns ?? []), ...(table.PartitionKeys ?? [])].map((c) => c.Name);
      return { columns: [textColumn('field')], lines: names };
    }
    case 'describe': {
      const table = requireTable(statement.table);
      const row = (name: string, type: string, comment = '') => `${name.padEnd(20)}\t${type.padEnd(20)}\t${comment.padEnd(20)}`.trimEnd();
      const lines = (table.StorageDescriptor?.Columns ?? []).map((c) => row(c.Name, c.Type, c.Comment ?? 'from deserializer'));
      const keys = table.PartitionKeys ?? [];
      for (const k of keys) lines.push(row(k.Name, k.Type, k.Comment ?? ''));
      if (keys.length > 0) {
        lines.push('\t \t ', '# Partition Information\t \t ', row('# col_name', 'data_type', 'comment'), '\t \t ');
        for (const k of keys) lines.push(row(k.Name, k.Type, k.Comment ?? ''));
      }
      return { columns: [textColumn('col_name')], lines };
    }
    case 'showCreateTable': {
      const table = requireTable(statement.table);
      return { columns: [textColumn('createtab_stmt')], lines: showCreateTable(table) };
    }
  }
}

const withSlash = (s: string) => (s.endsWith('/') ? s : `${s}/`);

/** Hive's SHOW TABLES patterns: '*' is any text, '|' separates alternatives, case-insensitive. */
function hivePattern(pattern: string | undefined): (name: string) => boolean {
  if (!pattern) return () => true;
  const alternatives = pattern.split('|').map((p) => new RegExp(`^${p.trim().replace(/[.+?^${}()[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`, 'i'));
  return (name) => alternatives.some((re) => re.test(name));
}

/** SHOW CREATE TABLE's text, a line a row, as Athena prints a table's Hive definition. */
function showCreateTable(table: GlueTable): string[] {
  const sd = table.StorageDescriptor ?? {};
  const q = (s: string) => `'${s.replace(/'/g, "\\'")}'`;
  const columns = sd.Columns ?? [];
  const lines = [`CREATE EXTERNAL TABLE \`${table.DatabaseName}\`.\`${table.Name}\`(`];
  columns.forEach((c, i) => lines.push(`  \`${c.Name}\` ${c.Type}${c.Comment ? ` COMMENT ${q(c.Comment)}` : ''}${i < columns.length - 1 ? ',' : ')'}`));
  if (columns.length === 0) lines[0] += ')';
  if (table.Description) lines.push(`COMMENT ${q(table.Description)}`);
  const keys = table.PartitionKeys ?? [];
  if (keys.length > 0) {
    lines.push('PARTITIONED BY ( ');
    keys.forEach((k, i) => lines.push(`  \`${k.Name}\` ${k.Type}${k.Comment ? ` COMMENT ${q(k.Comment)}` : ''}${i < keys.length - 1 ? ',' : ')'}`));
  }
  lines.push('ROW FORMAT SERDE ', `  ${q(sd.SerdeInfo?.SerializationLibrary ?? LAZY_SIMPLE)} `);
  const serdeParams = Object.entries(sd.SerdeInfo?.Parameters ?? {}).filter(([k]) => k !== 'serialization.format');
  if (serdeParams.length > 0) {
    lines.push('WITH SERDEPROPERTIES ( ');
    serdeParams.forEach(([k, v], i) => lines.push(`  ${q(k)}=${q(v)}${i < serdeParams.length - 1 ? ', ' : ') '}`));
  }
  lines.push('STORED AS INPUTFORMAT ', `  ${q(sd.InputFormat ?? TEXT_INPUT)} `, 'OUTPUTFORMAT ', `  ${q(sd.OutputFormat ?? TEXT_OUTPUT)}`);
  lines.push('LOCATION', `  ${q(sd.Location ?? '')}`);
  const props = Object.entries(table.Parameters ?? {}).filter(([k]) => k !== 'EXTERNAL');
  if (props.length > 0) {
    lines.push('TBLPROPERTIES (');
    props.forEach(([k, v], i) => lines.push(`  ${q(k)}=${q(v)}${i < props.length - 1 ? ', ' : ')'}`));
  }
  return lines;
}

/** Glue's own errors met while running DDL, in Hive's words. */
export function ddlFailureFromGlue(err: unknown): QueryFailure | undefined {
  if (!isServiceError(err)) return undefined;
  return QueryFailure.ddl(`${DDL_TASK} ${err.code}(message:${err.message})`);
}
