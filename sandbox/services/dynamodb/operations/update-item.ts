// UpdateItem: changes attributes of one item (update expressions), creating it if absent. Served by dynalite unchanged.

import { dynaliteOperation } from '../operation.js';

export const updateItem = dynaliteOperation('UpdateItem');
