// DescribeTimeToLive: the table's TTL setting (dynalite always reports it disabled). Served by dynalite unchanged.

import { dynaliteOperation } from '../operation.js';

export const describeTimeToLive = dynaliteOperation('DescribeTimeToLive');
