// The ARNs of the Data Catalog's resources, as IAM policies and tags name them: the account's catalog,
// `database/<db>`, `table/<db>/<table>` and `crawler/<name>`.

import { arn } from '../../edge/context.js';
import type { Owner } from './catalog.js';

export const catalogArn = (owner: Owner) => arn('glue', owner, 'catalog');
export const databaseArn = (owner: Owner, name: string) => arn('glue', owner, `database/${name}`);
export const tableArn = (owner: Owner, database: string, name: string) => arn('glue', owner, `table/${database}/${name}`);
export const crawlerArn = (owner: Owner, name: string) => arn('glue', owner, `crawler/${name}`);
