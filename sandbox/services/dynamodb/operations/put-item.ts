// PutItem: writes one whole item, optionally conditional. Served by dynalite unchanged.

import { dynaliteOperation } from '../operation.js';

export const putItem = dynaliteOperation('PutItem');
