// BatchWriteItem: up to 25 puts and deletes across tables. Served by dynalite unchanged.

import { dynaliteOperation } from '../operation.js';

export const batchWriteItem = dynaliteOperation('BatchWriteItem');
