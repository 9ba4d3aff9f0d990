// GetItem: one item by key. Served by dynalite unchanged.

import { dynaliteOperation } from '../operation.js';

export const getItem = dynaliteOperation('GetItem');
