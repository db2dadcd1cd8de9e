/** Logs Insights on the wire: StartQuery, GetQueryResults, StopQuery (awsJson1.1, `Logs_20140328.*`). */
import { AwsError, type Route } from '../core/types';
import { optNumber, optString, optStringList } from '../kit/json-body';
import { checkLimit, groupNotFound, invalidParameter, readLogsBody } from './errors';
import { InsightsQueryError, parseInsightsQuery, type Command } from './insights-parse';
import type { InsightsQueries } from './insights-queries';
import { groupNameFromIdentifier } from './naming';
import type { LogGroup, LogStore } from './store';

const target = (op: string) => ({ service: 'logs' as const, operation: op, method: 'POST' as const, target: `Logs_20140328.${op}` });

function parseQuery(queryString: string): Command[] {
  try {
    return parseInsightsQuery(queryString);
  } catch (e) {
    if (e instanceof InsightsQueryError) throw new AwsError(400, 'MalformedQueryException', e.message);
    throw e;
  }
}

function requiredSeconds(value: number | undefined, name: string): number {
  if (value === undefined || value < 0)
    throw invalidParameter(`1 validation error detected: Value at '${name}' failed to satisfy constraint: Member must not be null`);
  return value;
}

export function insightsRoutes(store: LogStore, queries: InsightsQueries): Route[] {
  const resolveGroups = (region: string, body: Record<string, unknown>): LogGroup[] => {
    const one = optString(body, 'logGroupName');
    const names = optStringList(body, 'logGroupNames');
    const identifiers = optStringList(body, 'logGroupIdentifiers');
    const given = [one !== undefined, names !== undefined, identifiers !== undefined].filter(Boolean).length;
    if (given === 0) throw invalidParameter('Either logGroupName, logGroupNames or logGroupIdentifiers must be specified.');
    if (given > 1) throw invalidParameter('logGroupName, logGroupNames and logGroupIdentifiers are mutually exclusive parameters.');
    const wanted = one !== undefined ? [one] : (names ?? identifiers!.map((id) => groupNameFromIdentifier(id.replace(/:\*$/, ''))));
    if (wanted.length === 0 || wanted.length > 50) throw invalidParameter('A query takes 1 to 50 log groups.');
    return wanted.map((name) => {
      const group = store.find(region, name);
      if (!group) throw groupNotFound();
      return group;
    });
  };

  return [
    {
      ...target('StartQuery'),
      handle(ctx) {
        const body = readLogsBody(ctx);
        const groups = resolveGroups(ctx.region, body);
        const startTime = requiredSeconds(optNumber(body, 'startTime'), 'startTime');
        const endTime = requiredSeconds(optNumber(body, 'endTime'), 'endTime');
        if (endTime < startTime) throw invalidParameter('endTime must be greater than or equal to startTime.');
        const queryString = optString(body, 'queryString');
        if (queryString === undefined)
          throw invalidParameter("1 validation error detected: Value at 'queryString' failed to satisfy constraint: Member must not be null");
        const commands = parseQuery(queryString);
        const limit = checkLimit(body.limit, 10_000, 10_000);
        // Times are epoch seconds; the end second is included whole.
        const queryId = queries.start({ region: ctx.region, groups, commands, fromMs: startTime * 1000, toMs: endTime * 1000 + 999, limit });
        return { body: { queryId } };
      },
    },
    {
      ...target('GetQueryResults'),
      handle(ctx) {
        const body = readLogsBody(ctx);
        const { status, results, statistics } = queries.results(ctx.region, optString(body, 'queryId') ?? '');
        return { body: { status, results, statistics } };
      },
    },
    {
      ...target('StopQuery'),
      handle(ctx) {
        const body = readLogsBody(ctx);
        return { body: { success: queries.stop(ctx.region, optString(body, 'queryId') ?? '') } };
      },
    },
  ];
}
