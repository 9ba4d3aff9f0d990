// Input shapes Glue operations share (from the 2017-03-31 model), declared once as data: names, the
// database, table, storage descriptor and partition inputs, tags and crawler targets.

import { any, bool, int, list, map, str, struct, timestamp, type StructureShape } from '../../protocols/shapes.js';

/** Glue's NameString and most of its text: any character but control characters other than tab. */
export const TEXT = '[\\u0020-\\uD7FF\\uE000-\\uFFFD\\uD800\\uDC00-\\uDBFF\\uDFFF\\t]*';
/** Descriptions and locations also take line breaks. */
export const MULTILINE_TEXT = '[\\u0020-\\uD7FF\\uE000-\\uFFFD\\uD800\\uDC00-\\uDBFF\\uDFFF\\r\\n\\t]*';

export const nameString = (required = false) => str({ required, min: 1, max: 255, pattern: TEXT });
export const catalogId = str({ min: 1, max: 255, pattern: TEXT });
export const description = str({ min: 0, max: 2048, pattern: MULTILINE_TEXT });
export const token = str();
export const parametersMap = map(str({ min: 1, max: 255, pattern: TEXT }), str({ max: 512000 }));
export const valueStringList = (required = false) => list(str({ min: 1, max: 1024 }), { required });
export const transactionId = str({ min: 1, max: 255, pattern: '[\\p{L}\\p{N}\\p{P}]*' });
export const auditContext = any();

export const tagsMap = (required = false) => map(str({ min: 1, max: 128 }), str({ min: 0, max: 256 }), { required, min: 0, max: 50 });

export const column = struct({
  Name: nameString(true),
  Type: str({ min: 0, max: 131072, pattern: TEXT }),
  Comment: str({ min: 0, max: 255, pattern: TEXT }),
  Parameters: parametersMap,
});
export const columnList = list(column);

export const storageDescriptor = struct({
  Columns: columnList,
  Location: str({ max: 2056, pattern: MULTILINE_TEXT }),
  AdditionalLocations: list(str({ max: 2056, pattern: MULTILINE_TEXT })),
  InputFormat: str({ max: 128, pattern: TEXT }),
  OutputFormat: str({ max: 128, pattern: TEXT }),
  Compressed: bool(),
  NumberOfBuckets: int(),
  SerdeInfo: struct({ Name: nameString(), SerializationLibrary: nameString(), Parameters: parametersMap }),
  BucketColumns: list(nameString()),
  SortColumns: list(struct({ Column: nameString(true), SortOrder: int({ required: true, min: 0, max: 1 }) })),
  Parameters: parametersMap,
  SkewedInfo: struct({ SkewedColumnNames: list(nameString()), SkewedColumnValues: list(str()), SkewedColumnValueLocationMaps: map(str(), str()) }),
  StoredAsSubDirectories: bool(),
  SchemaReference: any(),
});

export const databaseInput = (required = false) =>
  struct(
    {
      Name: nameString(true),
      Description: description,
      LocationUri: str({ min: 1, max: 1024, pattern: MULTILINE_TEXT }),
      Parameters: parametersMap,
      CreateTableDefaultPermissions: any(),
      TargetDatabase: any(),
      FederatedDatabase: any(),
    },
    { required },
  );

export const tableInput = (required = false) =>
  struct(
    {
      Name: nameString(true),
      Description: description,
      Owner: nameString(),
      LastAccessTime: timestamp(),
      LastAnalyzedTime: timestamp(),
      Retention: int({ min: 0 }),
      StorageDescriptor: storageDescriptor,
      PartitionKeys: columnList,
      ViewOriginalText: str({ max: 409600 }),
      ViewExpandedText: str({ max: 409600 }),
      TableType: str({ max: 255 }),
      Parameters: parametersMap,
      TargetTable: any(),
      ViewDefinition: any(),
    },
    { required },
  );

export const partitionInput = (required = false) =>
  struct(
    {
      Values: valueStringList(),
      LastAccessTime: timestamp(),
      StorageDescriptor: storageDescriptor,
      Parameters: parametersMap,
      LastAnalyzedTime: timestamp(),
    },
    { required },
  );

export const partitionValueList = struct({ Values: valueStringList(true) });

/** DatabaseName and TableName, as most table and partition operations take them. */
export function tableRef(members: Record<string, StructureShape['members'][string]> = {}): StructureShape {
  return struct({ CatalogId: catalogId, DatabaseName: nameString(true), TableName: nameString(true), ...members });
}

const s3Target = struct({
  Path: str(),
  Exclusions: list(str()),
  ConnectionName: str(),
  SampleSize: int(),
  EventQueueArn: str(),
  DlqEventQueueArn: str(),
});

export const crawlerTargets = (required = false) =>
  struct(
    {
      S3Targets: list(s3Target),
      JdbcTargets: any(),
      MongoDBTargets: any(),
      DynamoDBTargets: any(),
      CatalogTargets: any(),
      DeltaTargets: any(),
      IcebergTargets: any(),
      HudiTargets: any(),
    },
    { required },
  );

/** The crawler settings CreateCrawler and UpdateCrawler share. */
export const crawlerSettings = {
  Role: str(),
  DatabaseName: str(),
  Description: description,
  Schedule: str(),
  Classifiers: list(nameString()),
  TablePrefix: str({ min: 0, max: 128 }),
  SchemaChangePolicy: struct({
    UpdateBehavior: str({ enum: ['LOG', 'UPDATE_IN_DATABASE'] }),
    DeleteBehavior: str({ enum: ['LOG', 'DELETE_FROM_DATABASE', 'DEPRECATE_IN_DATABASE'] }),
  }),
  RecrawlPolicy: struct({ RecrawlBehavior: str({ enum: ['CRAWL_EVERYTHING', 'CRAWL_NEW_FOLDERS_ONLY', 'CRAWL_EVENT_MODE'] }) }),
  LineageConfiguration: struct({ CrawlerLineageSettings: str({ enum: ['ENABLE', 'DISABLE'] }) }),
  LakeFormationConfiguration: struct({ UseLakeFormationCredentials: bool(), AccountId: str({ min: 0, max: 12 }) }),
  Configuration: str(),
  CrawlerSecurityConfiguration: str({ min: 0, max: 128 }),
};
