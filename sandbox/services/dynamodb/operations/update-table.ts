// UpdateTable: throughput and index changes. Served by dynalite unchanged.

import { dynaliteOperation } from '../operation.js';

export const updateTable = dynaliteOperation('UpdateTable');
