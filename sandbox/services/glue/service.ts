// AWS Glue: the Data Catalog (databases, tables with versions, partitions with filter expressions) and
// crawlers that really crawl the sandbox's S3 (awsJson 1.1, X-Amz-Target AWSGlue.<Operation>). Background
// work: one tick starts the crawls StartCrawler asked for and ends those whose time is up.

import type { Sandbox } from '../../sandbox.js';
import { defineService } from '../definition.js';
import { permissions } from './permissions.js';
import { createGlueApi } from './in-process.js';
import { crawlerEngine, TICK_MS } from './crawler/engine.js';
import { createDatabase } from './operations/create-database.js';
import { getDatabase } from './operations/get-database.js';
import { getDatabases } from './operations/get-databases.js';
import { updateDatabase } from './operations/update-database.js';
import { deleteDatabase } from './operations/delete-database.js';
import { createTable } from './operations/create-table.js';
import { getTable } from './operations/get-table.js';
import { getTables } from './operations/get-tables.js';
import { updateTable } from './operations/update-table.js';
import { deleteTable } from './operations/delete-table.js';
import { batchDeleteTable } from './operations/batch-delete-table.js';
import { getTableVersions } from './operations/get-table-versions.js';
import { getTableVersion } from './operations/get-table-version.js';
import { createPartition } from './operations/create-partition.js';
import { batchCreatePartition } from './operations/batch-create-partition.js';
import { getPartition } from './operations/get-partition.js';
import { getPartitions } from './operations/get-partitions.js';
import { batchGetPartition } from './operations/batch-get-partition.js';
import { updatePartition } from './operations/update-partition.js';
import { deletePartition } from './operations/delete-partition.js';
import { batchDeletePartition } from './operations/batch-delete-partition.js';
import { createCrawler } from './operations/create-crawler.js';
import { getCrawler } from './operations/get-crawler.js';
import { getCrawlers } from './operations/get-crawlers.js';
import { batchGetCrawlers } from './operations/batch-get-crawlers.js';
import { listCrawlers } from './operations/list-crawlers.js';
import { updateCrawler } from './operations/update-crawler.js';
import { deleteCrawler } from './operations/delete-crawler.js';
import { startCrawler } from './operations/start-crawler.js';
import { stopCrawler } from './operations/stop-crawler.js';
import { getCrawlerMetrics } from './operations/get-crawler-metrics.js';
import { tagResource } from './operations/tag-resource.js';
import { untagResource } from './operations/untag-resource.js';
import { getTags } from './operations/get-tags.js';

export const service = defineService({
  name: 'glue',
  signingName: 'glue',
  protocols: ['awsJson1_1'],
  targetPrefix: 'AWSGlue',
  permissions,
  operations: [
    createDatabase,
    getDatabase,
    getDatabases,
    updateDatabase,
    deleteDatabase,
    createTable,
    getTable,
    getTables,
    updateTable,
    deleteTable,
    batchDeleteTable,
    getTableVersions,
    getTableVersion,
    createPartition,
    batchCreatePartition,
    getPartition,
    getPartitions,
    batchGetPartition,
    updatePartition,
    deletePartition,
    batchDeletePartition,
    createCrawler,
    getCrawler,
    getCrawlers,
    batchGetCrawlers,
    listCrawlers,
    updateCrawler,
    deleteCrawler,
    startCrawler,
    stopCrawler,
    getCrawlerMetrics,
    tagResource,
    untagResource,
    getTags,
  ],
});

export function start(sandbox: Sandbox): void {
  const engine = crawlerEngine(sandbox);
  engine.recover();
  sandbox.apis.glue = createGlueApi(sandbox);
  sandbox.every(TICK_MS, () => engine.tick());
  sandbox.onClose(() => engine.drain());
}
