/** DescribeLogGroups, DescribeLogStreams, FilterLogEvents and GetLogEvents over the LogStore. */
import type { Route } from '../core/types';
import { optBoolean, optNumber, optString, optStringList } from '../kit/json-body';
import { paginateList } from '../core/pagination';
import { checkLimit, compilePattern, groupNotFound, invalidParameter, readLogsBody, streamNotFound } from './errors';
import { groupNameFromIdentifier } from './naming';
import type { LogEvent, LogGroup, LogStore } from './store';
import { eventIdOf, firstIndex } from './events';

const target = (op: string) => ({ service: 'logs' as const, operation: op, method: 'POST' as const, target: `Logs_20140328.${op}` });
const badToken = (): never => {
  throw invalidParameter('The specified nextToken is invalid.');
};

/** GetLogEvents tokens: direction + event id, AWS-looking (`f/<digits>/s`). Same position ⇒ same token. */
function positionToken(direction: 'f' | 'b', id: string): string {
  return `${direction}/${id}/s`;
}

function parsePositionToken(token: string): { direction: 'f' | 'b'; id: string } {
  const m = /^([fb])\/(\d{36})\/s$/.exec(token);
  if (!m) badToken();
  return { direction: m![1] as 'f' | 'b', id: m![2]! };
}

export function queryRoutes(store: LogStore): Route[] {
  const resolveGroup = (region: string, body: Record<string, unknown>): LogGroup => {
    const name = optString(body, 'logGroupName');
    const identifier = optString(body, 'logGroupIdentifier');
    if (name && identifier) throw invalidParameter('LogGroup name and LogGroup ARN are mutually exclusive parameters.');
    if (!name && !identifier) throw invalidParameter('Either logGroupName or logGroupIdentifier must be specified.');
    const group = store.find(region, name ?? groupNameFromIdentifier(identifier!));
    if (!group) throw groupNotFound();
    store.ensure(group);
    return group;
  };

  return [
    {
      ...target('DescribeLogGroups'),
      handle(ctx) {
        const body = readLogsBody(ctx);
        const prefix = optString(body, 'logGroupNamePrefix');
        const pattern = optString(body, 'logGroupNamePattern');
        if (prefix && pattern) throw invalidParameter('LogGroup name prefix and LogGroup name pattern are mutually exclusive parameters.');
        const limit = checkLimit(body.limit, 50, 50);
        const wanted = optStringList(body, 'logGroupIdentifiers');
        const groups = store
          .groups(ctx.region)
          .filter((g) => (!prefix || g.name.startsWith(prefix)) && (!pattern || g.name.toLowerCase().includes(pattern.toLowerCase())))
          .filter((g) => !wanted || wanted.some((w) => groupNameFromIdentifier(w) === g.name));
        const page = paginateList(groups, {
          scope: `groups|${ctx.region}|${prefix ?? ''}|${pattern ?? ''}`,
          size: limit,
          nextToken: optString(body, 'nextToken'),
          onBadToken: badToken,
        });
        return {
          body: {
            logGroups: page.items.map((g) => ({
              logGroupName: g.name,
              creationTime: g.creationTime,
              metricFilterCount: 0,
              arn: `${g.arn}:*`,
              logGroupArn: g.arn,
              storedBytes: g.storedBytes,
              logGroupClass: 'STANDARD',
              ...(g.kind === 'spans' ? { retentionInDays: 30 } : {}),
            })),
            nextToken: page.nextToken,
          },
        };
      },
    },
    {
      ...target('DescribeLogStreams'),
      handle(ctx) {
        const body = readLogsBody(ctx);
        const group = resolveGroup(ctx.region, body);
        const prefix = optString(body, 'logStreamNamePrefix');
        const orderBy = optString(body, 'orderBy') ?? 'LogStreamName';
        if (orderBy !== 'LogStreamName' && orderBy !== 'LastEventTime')
          throw invalidParameter(
            `1 validation error detected: Value '${orderBy}' at 'orderBy' failed to satisfy constraint: Member must satisfy enum value set: [LogStreamName, LastEventTime]`,
          );
        if (prefix && orderBy === 'LastEventTime') throw invalidParameter('Cannot order by LastEventTime with a logStreamNamePrefix.');
        const limit = checkLimit(body.limit, 50, 50);
        const streams = [...group.streams.values()].filter((s) => !prefix || s.name.startsWith(prefix));
        const last = (s: { events: LogEvent[] }) => s.events[s.events.length - 1]?.timestamp ?? 0;
        streams.sort((a, b) => (orderBy === 'LastEventTime' ? last(a) - last(b) : a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
        if (optBoolean(body, 'descending')) streams.reverse();
        const page = paginateList(streams, {
          scope: `streams|${group.name}|${prefix ?? ''}|${orderBy}`,
          size: limit,
          nextToken: optString(body, 'nextToken'),
          onBadToken: badToken,
        });
        return {
          body: {
            logStreams: page.items.map((s) => ({
              logStreamName: s.name,
              creationTime: s.creationTime,
              firstEventTimestamp: s.events[0]?.timestamp,
              lastEventTimestamp: s.events[s.events.length - 1]?.timestamp,
              lastIngestionTime: s.events.reduce((m, e) => Math.max(m, e.ingestionTime), 0) || undefined,
              uploadSequenceToken: '49039859612345678901234567890123456789012345678901234',
              arn: `${group.arn}:log-stream:${s.name}`,
              storedBytes: 0,
            })),
            nextToken: page.nextToken,
          },
        };
      },
    },
    {
      ...target('FilterLogEvents'),
      handle(ctx) {
        const body = readLogsBody(ctx);
        const group = resolveGroup(ctx.region, body);
        const names = optStringList(body, 'logStreamNames');
        const prefix = optString(body, 'logStreamNamePrefix');
        if (names && prefix) throw invalidParameter('logStreamNames and logStreamNamePrefix are mutually exclusive parameters.');
        const match = compilePattern(optString(body, 'filterPattern'));
        const start = optNumber(body, 'startTime') ?? 0;
        const end = optNumber(body, 'endTime') ?? Number.MAX_SAFE_INTEGER;
        if (start > end) throw invalidParameter('End time must not be before start time.');
        const limit = checkLimit(body.limit, 10_000, 10_000);
        const tokenRaw = optString(body, 'nextToken');
        const after = tokenRaw === undefined ? undefined : parseFilterToken(tokenRaw);
        const hits: Array<{ stream: string; e: LogEvent }> = [];
        for (const s of group.streams.values()) {
          if (names && !names.includes(s.name)) continue;
          if (prefix && !s.name.startsWith(prefix)) continue;
          // Streams are sorted by id (timestamp first), so the window starts by binary search and each stream can stop at
          // limit + 1 hits: the page is the lowest ids overall. A 300k-line load stream then costs a page, not a scan.
          const from = firstIndex(s.events, (e) => e.timestamp < start || (after !== undefined && e.id <= after));
          let found = 0;
          for (let i = from; i < s.events.length && found <= limit; i++) {
            const e = s.events[i]!;
            if (e.timestamp > end) break;
            if (store.visible(e) && match(e.message)) {
              hits.push({ stream: s.name, e });
              found++;
            }
          }
        }
        hits.sort((a, b) => (a.e.id < b.e.id ? -1 : 1));
        const page = hits.slice(0, limit);
        const lastId = page[page.length - 1]?.e.id;
        return {
          body: {
            events: page.map(({ stream, e }) => ({
              logStreamName: stream,
              timestamp: e.timestamp,
              message: e.message,
              ingestionTime: e.ingestionTime,
              eventId: eventIdOf(e),
            })),
            // AWS stopped populating this in 2020 and always returns an empty list.
            searchedLogStreams: [],
            ...(hits.length > limit && lastId ? { nextToken: filterToken(lastId) } : {}),
          },
        };
      },
    },
    {
      ...target('GetLogEvents'),
      handle(ctx) {
        const body = readLogsBody(ctx);
        const group = resolveGroup(ctx.region, body);
        const stream = group.streams.get(optString(body, 'logStreamName') ?? '');
        if (!stream) throw streamNotFound();
        const start = optNumber(body, 'startTime') ?? 0;
        const end = optNumber(body, 'endTime') ?? Number.MAX_SAFE_INTEGER;
        const limit = checkLimit(body.limit, 10_000, 10_000);
        const window = stream.events.filter((e) => e.timestamp >= start && e.timestamp < end && store.visible(e));
        const tokenRaw = optString(body, 'nextToken');
        let page: LogEvent[];
        let cursorBefore: string;
        let cursorAfter: string;
        const zero = '0'.repeat(36);
        if (tokenRaw) {
          const t = parsePositionToken(tokenRaw);
          if (t.direction === 'f') {
            page = window.filter((e) => e.id > t.id).slice(0, limit);
            cursorBefore = page[0]?.id ?? t.id;
            cursorAfter = page[page.length - 1]?.id ?? t.id;
          } else {
            const older = window.filter((e) => e.id < t.id);
            page = older.slice(Math.max(0, older.length - limit));
            cursorBefore = page[0]?.id ?? t.id;
            cursorAfter = page[page.length - 1]?.id ?? t.id;
          }
        } else {
          page = optBoolean(body, 'startFromHead') ? window.slice(0, limit) : window.slice(Math.max(0, window.length - limit));
          cursorBefore = page[0]?.id ?? zero;
          cursorAfter = page[page.length - 1]?.id ?? zero;
        }
        // At either end the token repeats, which is how the SDK paginator (stopOnSameToken) knows to stop.
        return {
          body: {
            events: page.map((e) => ({ timestamp: e.timestamp, message: e.message, ingestionTime: e.ingestionTime })),
            nextForwardToken: positionToken('f', cursorAfter),
            nextBackwardToken: positionToken('b', cursorBefore),
          },
        };
      },
    },
  ];
}

function filterToken(lastId: string): string {
  return Buffer.from(`v1:${lastId}`).toString('base64url');
}

function parseFilterToken(token: string): string {
  const text = Buffer.from(token, 'base64url').toString('utf8');
  const m = /^v1:(\d{36})$/.exec(text);
  if (!m) badToken();
  return m![1]!;
}
