// DescribeTable: the table's description (status, key schema, ARN, counts). Served by dynalite unchanged.

import { dynaliteOperation } from '../operation.js';

export const describeTable = dynaliteOperation('DescribeTable');
