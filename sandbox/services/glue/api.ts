// What other parts of the sandbox ask the Glue Data Catalog in-process: Athena resolves a query's tables
// and partitions here, and runs its DDL (CREATE EXTERNAL TABLE, ALTER TABLE ADD PARTITION, MSCK REPAIR,
// DROP TABLE) through the same store the wire operations use. Shapes carry Glue's wire names
// (DatabaseInput, TableInput, PartitionInput; Table and Partition as GetTable and GetPartitions answer).

import type { Principal } from '../../edge/context.js';

export interface GlueColumn {
  Name: string;
  /** Hive type names as Glue stores them: `string`, `int`, `bigint`, `double`, `boolean`, `struct<a:int>`, `array<string>`. */
  Type: string;
  Comment?: string;
}

export interface GlueStorageDescriptor {
  Columns?: GlueColumn[];
  /** `s3://bucket/prefix/`. */
  Location?: string;
  InputFormat?: string;
  OutputFormat?: string;
  Compressed?: boolean;
  SerdeInfo?: { Name?: string; SerializationLibrary?: string; Parameters?: Record<string, string> };
  Parameters?: Record<string, string>;
  NumberOfBuckets?: number;
  BucketColumns?: string[];
  SortColumns?: { Column: string; SortOrder: number }[];
  StoredAsSubDirectories?: boolean;
  AdditionalLocations?: string[];
  SkewedInfo?: unknown;
}

export interface GlueTableInput {
  Name: string;
  Description?: string;
  TableType?: string;
  Parameters?: Record<string, string>;
  StorageDescriptor?: GlueStorageDescriptor;
  PartitionKeys?: GlueColumn[];
}

export interface GlueTable extends GlueTableInput {
  DatabaseName: string;
  /** Epoch ms. */
  CreateTime?: number;
  /** Epoch ms. */
  UpdateTime?: number;
  /** Glue's VersionId: "0" when created, one more at each update. */
  VersionId?: string;
}

export interface GluePartitionInput {
  Values: string[];
  StorageDescriptor?: GlueStorageDescriptor;
  Parameters?: Record<string, string>;
}

export interface GluePartition extends GluePartitionInput {
  DatabaseName: string;
  TableName: string;
  /** Epoch ms. */
  CreationTime?: number;
}

export interface GlueApi {
  getDatabase(owner: Principal, name: string): { Name: string; Description?: string; LocationUri?: string } | undefined;
  listDatabases(owner: Principal): { Name: string }[];
  /** Throws Glue's AlreadyExistsException when it exists. */
  createDatabase(owner: Principal, input: { Name: string; Description?: string; LocationUri?: string }): void;
  getTable(owner: Principal, database: string, name: string): GlueTable | undefined;
  getTables(owner: Principal, database: string): GlueTable[];
  /** Throws EntityNotFoundException (no database) or AlreadyExistsException. */
  createTable(owner: Principal, database: string, input: GlueTableInput): void;
  /** Throws EntityNotFoundException when absent. */
  deleteTable(owner: Principal, database: string, name: string): void;
  getPartitions(owner: Principal, database: string, table: string): GluePartition[];
  /** Adds the partitions that do not exist yet; returns how many were added. */
  addPartitions(owner: Principal, database: string, table: string, partitions: GluePartitionInput[]): number;
  /** Runs the crawlers' background work now (start the crawls that are due, end those whose time is up) and waits for it. */
  runCrawlers(): Promise<void>;
}
