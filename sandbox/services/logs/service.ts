// Amazon CloudWatch Logs: log groups, streams and events (awsJson 1.1), and the in-process putEvents
// through which Lambda writes its functions' logs.

import type { Sandbox } from '../../sandbox.js';
import { defineService } from '../definition.js';
import { permissions } from './permissions.js';
import { appendEvents, logGroups, logStreams, newGroup, newStream, streamKey } from './store.js';
import { createLogGroup } from './operations/create-log-group.js';
import { describeLogGroups } from './operations/describe-log-groups.js';
import { deleteLogGroup } from './operations/delete-log-group.js';
import { createLogStream } from './operations/create-log-stream.js';
import { describeLogStreams } from './operations/describe-log-streams.js';
import { deleteLogStream } from './operations/delete-log-stream.js';
import { putLogEvents } from './operations/put-log-events.js';
import { getLogEvents } from './operations/get-log-events.js';
import { filterLogEvents } from './operations/filter-log-events.js';
import { putRetentionPolicy } from './operations/put-retention-policy.js';
import { deleteRetentionPolicy } from './operations/delete-retention-policy.js';
import { tagResource } from './operations/tag-resource.js';
import { untagResource } from './operations/untag-resource.js';
import { listTagsForResource } from './operations/list-tags-for-resource.js';

export const service = defineService({
  name: 'logs',
  signingName: 'logs',
  protocols: ['awsJson1_1'],
  targetPrefix: 'Logs_20140328',
  permissions,
  validationCode: 'InvalidParameterException',
  operations: [
    createLogGroup,
    describeLogGroups,
    deleteLogGroup,
    createLogStream,
    describeLogStreams,
    deleteLogStream,
    putLogEvents,
    getLogEvents,
    filterLogEvents,
    putRetentionPolicy,
    deleteRetentionPolicy,
    tagResource,
    untagResource,
    listTagsForResource,
  ],
});

export function start(sandbox: Sandbox): void {
  sandbox.apis.logs = {
    putEvents(owner, group, stream, events) {
      const now = owner.clock.now();
      const groups = logGroups(sandbox, owner);
      if (!groups.has(group)) groups.set(group, newGroup(group, now));
      const streams = logStreams(sandbox, owner);
      const key = streamKey(group, stream);
      let found = streams.get(key);
      if (!found) {
        found = newStream(stream, now);
        streams.set(key, found);
      }
      appendEvents(sandbox, owner, group, found, [...events].sort((a, b) => a.timestamp - b.timestamp), now);
    },
  };
}
