// Query: items of one partition key, in sort-key order (ScanIndexForward), with Limit and pagination. Served by dynalite unchanged.

import { dynaliteOperation } from '../operation.js';

export const query = dynaliteOperation('Query');
