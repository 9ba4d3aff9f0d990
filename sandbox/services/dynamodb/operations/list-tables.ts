// ListTables: the account's tables in this region, paginated by name. Served by dynalite unchanged.

import { dynaliteOperation } from '../operation.js';

export const listTables = dynaliteOperation('ListTables');
