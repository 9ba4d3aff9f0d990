// DeleteItem: removes one item by key, optionally conditional. Served by dynalite unchanged.

import { dynaliteOperation } from '../operation.js';

export const deleteItem = dynaliteOperation('DeleteItem');
