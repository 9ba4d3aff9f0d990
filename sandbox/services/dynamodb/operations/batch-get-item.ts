// BatchGetItem: up to 100 keys from one or more tables. Served by dynalite unchanged.

import { dynaliteOperation } from '../operation.js';

export const batchGetItem = dynaliteOperation('BatchGetItem');
