// Where Athena finds its data: the Glue Data Catalog (AwsDataCatalog, the only catalog) and S3 locations,
// with the object names Hive leaves out of a table. Small on purpose: the service loads it at start, the
// query engine only on the first query.

import type { Sandbox } from '../../sandbox.js';
import type { GlueApi } from '../glue/api.js';
import { QueryFailure } from './query-errors.js';

export const DEFAULT_CATALOG = 'awsdatacatalog';

/** The Glue API of the sandbox (the Glue service puts it in sandbox.apis when it starts). */
export function glueApi(sandbox: Sandbox): GlueApi {
  const glue = (sandbox.apis as { glue?: GlueApi }).glue;
  if (!glue) throw QueryFailure.internal('the Glue Data Catalog is not running in this sandbox');
  return glue;
}

export function parseS3Location(location: string): { bucket: string; prefix: string } | undefined {
  const m = /^s3[an]?:\/\/([^/]+)\/?(.*)$/.exec(location.trim());
  return m ? { bucket: m[1]!, prefix: m[2]! } : undefined;
}

/** Files Hive (and so Athena) leaves out of a table: hidden names and folder placeholders. */
export function isDataFile(key: string): boolean {
  if (key.endsWith('/') || key.endsWith('_$folder$')) return false;
  const base = key.slice(key.lastIndexOf('/') + 1);
  return base !== '' && !base.startsWith('_') && !base.startsWith('.');
}
