// DeleteTable: the table goes DELETING, then disappears with its items and tags. Served by dynalite unchanged.

import { dynaliteOperation } from '../operation.js';

export const deleteTable = dynaliteOperation('DeleteTable');
