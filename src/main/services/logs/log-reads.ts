/**
 * The log view's reads: which log groups an agent has (one per runtime
 * endpoint, plus whether `aws/spans` exists in its region), and one page of
 * history for a time range. FilterLogEvents may answer a page with no events
 * and a token (it searched part of the range), so a page keeps asking until
 * it has lines, runs out of range, or has spent a few calls.
 */
import { DescribeLogGroupsCommand, FilterLogEventsCommand, type LogGroup } from '@aws-sdk/client-cloudwatch-logs';
import type { z } from 'zod';
import type { LogDiscovery, LogGroupInfo, LogHistoryPage, LogLine, logsInputs } from '../../../shared/logs';
import { withThrottleRetry, type Backoff } from '../aws/throttle-retry';
import type { FullLines } from './full-lines';
import { toLogLine } from './log-line';
import { SPANS_GROUP, type LogTarget, type LogTargets } from './log-target';
import { logsApiError } from './logs-errors';

type HistoryInput = z.output<typeof logsInputs.history>;

const CLOCK_SLACK_MS = 5000;
/** Calls per history page before answering what was found, with the token to go on. */
const CALLS_PER_PAGE = 5;

function missingReason(endpointStatus: string, groupName: string, region: string): string {
  if (endpointStatus !== 'READY')
    return `No log group ${groupName} yet: the endpoint is ${endpointStatus}. AgentCore creates the group when the endpoint first runs.`;
  return (
    `No log group ${groupName} in ${region}. AgentCore creates it at the endpoint's first invocation. ` +
    `If the agent has been invoked, check that the runtime's execution role may write logs (logs:CreateLogGroup, logs:CreateLogStream, logs:PutLogEvents) ` +
    `and that you are looking in the runtime's own region.`
  );
}

export class LogReads {
  constructor(
    private readonly targets: LogTargets,
    private readonly fullLines: FullLines,
    private readonly backoff: Backoff,
  ) {}

  async groups(agentKey: string): Promise<LogDiscovery> {
    const target = this.targets(agentKey);
    const { resource } = target;
    const prefix = target.groupName('');
    const found = new Map<string, LogGroup>();
    let nextToken: string | undefined;
    try {
      do {
        const page = await withThrottleRetry(() => target.client.send(new DescribeLogGroupsCommand({ logGroupNamePrefix: prefix, nextToken })), this.backoff);
        for (const g of page.logGroups ?? []) if (g.logGroupName) found.set(g.logGroupName, g);
        nextToken = page.nextToken;
      } while (nextToken);
    } catch (error) {
      throw logsApiError(error, 'DescribeLogGroups');
    }
    const spans = await withThrottleRetry(
      () => target.client.send(new DescribeLogGroupsCommand({ logGroupNamePrefix: SPANS_GROUP, limit: 5 })),
      this.backoff,
    ).then(
      (page) => (page.logGroups ?? []).some((g) => g.logGroupName === SPANS_GROUP),
      () => false, // Spans are optional context: a denial here must not hide the runtime's own groups.
    );
    const endpoints = resource.endpoints?.length ? resource.endpoints : [{ name: 'DEFAULT', status: resource.status }];
    const groups = endpoints.map((ep): LogGroupInfo => {
      const groupName = target.groupName(ep.name);
      const g = found.get(groupName);
      const base = { endpoint: ep.name, endpointStatus: ep.status, groupName };
      if (!g) return { ...base, exists: false, missingReason: missingReason(ep.status, groupName, resource.region) };
      return {
        ...base,
        exists: true,
        ...(g.creationTime !== undefined ? { createdAt: g.creationTime } : {}),
        ...(g.storedBytes !== undefined ? { storedBytes: g.storedBytes } : {}),
        ...(g.retentionInDays !== undefined ? { retentionDays: g.retentionInDays } : {}),
      };
    });
    return { agentKey, agentName: resource.name, region: resource.region, groups, spansGroupExists: spans };
  }

  async history(input: HistoryInput): Promise<LogHistoryPage> {
    const target = this.targets(input.agentKey);
    const groupName = target.groupName(input.endpoint);
    // "The last N" ends a little ahead of AWS's clock as the SDK knows it, which is only good to the Date header's second.
    const now = target.now();
    const range =
      input.lastMs !== undefined
        ? { startTime: now - input.lastMs, endTime: now + CLOCK_SLACK_MS }
        : { startTime: input.startTime ?? 0, endTime: input.endTime ?? now };
    const lines: LogLine[] = [];
    let nextToken = input.nextToken;
    try {
      for (let call = 0; call < CALLS_PER_PAGE; call++) {
        const page = await this.filter(target, groupName, { ...input, ...range }, nextToken, input.limit - lines.length);
        for (const event of page.events ?? []) lines.push(this.line(input.endpoint, event));
        nextToken = page.nextToken;
        if (!nextToken || lines.length >= input.limit) break;
      }
    } catch (error) {
      throw logsApiError(error, 'FilterLogEvents', groupName);
    }
    return { lines, groupName, ...range, ...(nextToken ? { nextToken } : {}) };
  }

  private filter(
    target: LogTarget,
    groupName: string,
    input: HistoryInput & { startTime: number; endTime: number },
    nextToken: string | undefined,
    limit: number,
  ) {
    return withThrottleRetry(
      () =>
        target.client.send(
          new FilterLogEventsCommand({
            logGroupName: groupName,
            startTime: input.startTime,
            endTime: input.endTime,
            limit: Math.max(1, Math.min(limit, 10_000)),
            ...(input.filterPattern ? { filterPattern: input.filterPattern } : {}),
            ...(nextToken ? { nextToken } : {}),
          }),
        ),
      this.backoff,
    );
  }

  private line(endpoint: string, event: Parameters<typeof toLogLine>[1]): LogLine {
    const { line, full } = toLogLine(endpoint, event);
    if (full !== undefined) this.fullLines.keep(line.key, full);
    return line;
  }
}
