// The one data catalog of the sandbox's Athena, AwsDataCatalog (the Glue Data Catalog), as Athena's
// metadata operations present its databases and tables.

import type { RequestContext } from '../../edge/context.js';
import { ServiceError } from '../../protocols/errors.js';
import type { GlueTable } from '../glue/api.js';
import { DEFAULT_CATALOG, glueApi } from './lake.js';
import { QueryFailure } from './query-errors.js';

export const CATALOG_NAME = 'AwsDataCatalog';

export const metadataError = (message: string) => new ServiceError('MetadataException', message);

export function requireCatalog(name: string): void {
  if (name.toLowerCase() !== DEFAULT_CATALOG) throw metadataError(`Catalog ${name} was not found.`);
}

/** The Glue API, or the API error a missing Glue service means. */
export function catalogGlue(ctx: RequestContext) {
  try {
    return glueApi(ctx.sandbox);
  } catch (err) {
    if (err instanceof QueryFailure) throw metadataError(err.message);
    throw err;
  }
}

export function tableMetadata(t: GlueTable) {
  const column = (c: { Name: string; Type: string; Comment?: string }) => ({ Name: c.Name, Type: c.Type, Comment: c.Comment });
  return {
    Name: t.Name,
    CreateTime: t.CreateTime !== undefined ? new Date(t.CreateTime) : undefined,
    TableType: t.TableType,
    Columns: (t.StorageDescriptor?.Columns ?? []).map(column),
    PartitionKeys: (t.PartitionKeys ?? []).map(column),
    Parameters: {
      ...t.Parameters,
      ...(t.StorageDescriptor?.Location ? { location: t.StorageDescriptor.Location } : {}),
      ...(t.StorageDescriptor?.InputFormat ? { inputformat: t.StorageDescriptor.InputFormat } : {}),
      ...(t.StorageDescriptor?.OutputFormat ? { outputformat: t.StorageDescriptor.OutputFormat } : {}),
      ...(t.StorageDescriptor?.SerdeInfo?.SerializationLibrary ? { 'serde.serialization.lib': t.StorageDescriptor.SerdeInfo.SerializationLibrary } : {}),
      ...Object.fromEntries(Object.entries(t.StorageDescriptor?.SerdeInfo?.Parameters ?? {}).map(([k, v]) => [`serde.param.${k}`, v])),
    },
  };
}
