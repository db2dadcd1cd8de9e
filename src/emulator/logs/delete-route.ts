/**
 * DeleteLogGroup. The SDK sends `{logGroupName}`; `logGroupIdentifier` (name
 * or ARN) is accepted too, as the newer Logs operations take it. AWS answers
 * an empty body; a group that is not there is ResourceNotFoundException
 * (HTTP 400, like every CloudWatch Logs client error).
 */
import type { Route } from '../core/types';
import { optString } from '../kit/json-body';
import { groupNotFound, invalidParameter, readLogsBody } from './errors';
import { groupNameFromIdentifier } from './naming';
import type { LogStore } from './store';

export function deleteLogGroupRoute(store: LogStore): Route {
  return {
    service: 'logs',
    operation: 'DeleteLogGroup',
    method: 'POST',
    target: 'Logs_20140328.DeleteLogGroup',
    handle(ctx) {
      const body = readLogsBody(ctx);
      const name = optString(body, 'logGroupName');
      const identifier = optString(body, 'logGroupIdentifier');
      if (name && identifier) throw invalidParameter('LogGroup name and LogGroup ARN are mutually exclusive parameters.');
      if (!name && !identifier)
        throw invalidParameter("1 validation error detected: Value null at 'logGroupName' failed to satisfy constraint: Member must not be null");
      if (!store.delete(ctx.region, name ?? groupNameFromIdentifier(identifier!))) throw groupNotFound();
      return { body: {} };
    },
  };
}
