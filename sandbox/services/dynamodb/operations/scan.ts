// Scan: every item of a table or index, with filters and pagination. Served by dynalite unchanged.

import { dynaliteOperation } from '../operation.js';

export const scan = dynaliteOperation('Scan');
