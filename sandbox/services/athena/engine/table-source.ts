// A table named in a query, resolved as Athena resolves it: through the Glue Data Catalog (catalog
// awsdatacatalog, the database and table, its columns, SerDe and partitions), then to the S3 objects it
// reads: everything under the table's location, or under the location of each partition the WHERE
// clause leaves, skipping the names Hive skips (_ or . prefixes, folder markers).

import type { Principal } from '../../../edge/context.js';
import type { Sandbox } from '../../../sandbox.js';
import type { GlueTable } from '../../glue/api.js';
import { DEFAULT_CATALOG, glueApi, isDataFile, parseS3Location } from '../lake.js';
import { QueryFailure } from '../query-errors.js';
import { HiveTypeError, parseHiveType, type HiveType } from '../sql/hive-types.js';
import type { Token } from '../sql/lexer.js';
import { partitionFilter } from '../sql/partition-filter.js';
import type { TableRef } from '../sql/query.js';

/** SerDes whose tables the sandbox reads: JSON text, one document per line. */
export const JSON_SERDES = new Set(['org.openx.data.jsonserde.JsonSerDe', 'org.apache.hive.hcatalog.data.JsonSerDe', 'org.apache.hadoop.hive.serde2.JsonSerDe']);

export interface TableFile {
  bucket: string;
  key: string;
  size: number;
  etag: string;
  lastModified: number;
  /** Partition values, in the order of the table's partition keys. */
  partition: string[];
}

export interface ResolvedTable {
  ref: TableRef;
  database: string;
  name: string;
  table: GlueTable;
  columns: { name: string; type: HiveType }[];
  partitionKeys: { name: string; type: string; parsed: HiveType }[];
  serdeParameters: Record<string, string>;
  files: TableFile[];
}

export function resolveTable(
  sandbox: Sandbox,
  owner: Principal,
  ref: TableRef,
  context: { database: string; catalog: string },
  tokens: Token[],
): ResolvedTable {
  const glue = glueApi(sandbox);
  const parts = ref.parts;
  const at = ref.at;
  const catalog = parts.length === 3 ? parts[0]! : context.catalog;
  const database = parts.length >= 2 ? parts[parts.length - 2]! : context.database;
  const name = parts[parts.length - 1]!;
  if (catalog !== DEFAULT_CATALOG) throw QueryFailure.catalogNotFound(at.line, at.col, catalog);
  if (!glue.getDatabase(owner, database)) throw QueryFailure.schemaNotFound(at.line, at.col, `${catalog}.${database}`);
  const table = glue.getTable(owner, database, name);
  if (!table) throw QueryFailure.tableNotFound(at.line, at.col, `${catalog}.${database}.${name}`);
  if (table.TableType === 'VIRTUAL_VIEW') throw QueryFailure.notSupported('Querying a view', at);
  if (table.Parameters?.['projection.enabled']?.toLowerCase() === 'true') throw QueryFailure.notSupported('Partition projection', at);
  const sd = table.StorageDescriptor ?? {};
  const serde = sd.SerdeInfo?.SerializationLibrary ?? '';
  if (!JSON_SERDES.has(serde)) throw QueryFailure.notSupported(`Reading a table with the SerDe '${serde || 'none'}' (only JSON SerDes are)`, at);
  const hiveType = (column: { Name: string; Type: string }) => {
    try {
      return parseHiveType(column.Type);
    } catch (err) {
      if (err instanceof HiveTypeError) throw QueryFailure.user(`HIVE_INVALID_METADATA: Hive metadata for table ${name} is invalid: ${err.message}`, 1004);
      throw err;
    }
  };
  const columns = (sd.Columns ?? []).map((c) => ({ name: c.Name.toLowerCase(), type: hiveType(c) }));
  const partitionKeys = (table.PartitionKeys ?? []).map((c) => ({ name: c.Name.toLowerCase(), type: c.Type.toLowerCase(), parsed: hiveType(c) }));
  const location = sd.Location;
  if (!location) throw QueryFailure.user(`HIVE_METASTORE_ERROR: Table ${database}.${name} has no location`, 1004);

  const files: TableFile[] = [];
  if (partitionKeys.length === 0) files.push(...listFiles(sandbox, location, []));
  else {
    const keep = ref.where ? partitionFilter(tokens, ref.where, ref.alias, partitionKeys) : () => true;
    for (const partition of glue.getPartitions(owner, database, name)) {
      const values = new Map(partitionKeys.map((k, i) => [k.name, partition.Values[i] ?? '']));
      if (!keep(values)) continue;
      const partitionLocation = partition.StorageDescriptor?.Location ?? `${withSlash(location)}${partitionKeys.map((k, i) => `${k.name}=${partition.Values[i]}`).join('/')}/`;
      files.push(...listFiles(sandbox, partitionLocation, partition.Values));
    }
  }
  const unreadable = files.find((f) => UNSUPPORTED_COMPRESSION.test(f.key));
  if (unreadable) throw QueryFailure.notSupported(`Reading ${UNSUPPORTED_COMPRESSION.exec(unreadable.key)![1]} compressed files (s3://${unreadable.bucket}/${unreadable.key})`);
  return { ref, database, name, table, columns, partitionKeys, serdeParameters: sd.SerdeInfo?.Parameters ?? {}, files };
}

/** Codecs Athena reads by file extension that DuckDB does not (it reads .gz and .zst). */
const UNSUPPORTED_COMPRESSION = /\.(bz2|snappy|lz4|deflate|lzo)$/i;

const withSlash = (s: string) => (s.endsWith('/') ? s : `${s}/`);

function listFiles(sandbox: Sandbox, location: string, partition: string[]): TableFile[] {
  const parsed = parseS3Location(location);
  if (!parsed) throw QueryFailure.user(`HIVE_METASTORE_ERROR: Invalid location ${location}: it must be s3://bucket/prefix/`, 1004);
  const s3 = sandbox.api('s3');
  if (!s3.bucketOwner(parsed.bucket)) throw new QueryFailure(2, 1306, `HIVE_CANNOT_OPEN_SPLIT: The specified bucket does not exist (Bucket: ${parsed.bucket})`);
  const prefix = parsed.prefix === '' ? '' : withSlash(parsed.prefix);
  return s3
    .listObjects(parsed.bucket, prefix)
    .filter((o) => isDataFile(o.key.slice(prefix.length)))
    .map((o) => ({ bucket: parsed.bucket, key: o.key, size: o.size, etag: o.etag, lastModified: o.lastModified, partition }));
}
