/**
 * Reads from `aws/spans`, the log group AgentCore observability (Transaction
 * Search) writes OpenTelemetry spans to. Logs Insights answers every read in
 * one query; where the profile may not run queries (AccessDenied), the
 * account is at its concurrent-query limit, or Insights gives up, the reads
 * that can fall back to FilterLogEvents do (slower, page by page, capped),
 * and say so. A region without the group has no Transaction Search.
 */
import { FilterLogEventsCommand, type CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import { ApiError } from '../../../shared/errors';
import { describeAwsError } from '../aws/describe-error';
import { withThrottleRetry, type Backoff } from '../aws/throttle-retry';
import { logsApiError } from '../logs/logs-errors';
import { SPANS_GROUP } from '../logs/log-target';
import { InsightsQueryError, runInsightsQuery, type InsightsOptions, type InsightsRow } from './insights-query';

export interface Window {
  startMs: number;
  endMs: number;
}

export interface SpanMessages {
  messages: string[];
  source: 'insights' | 'filter';
  /** Why Insights was not used, when it was not. */
  fallback?: string;
  truncated: boolean;
}

export const MAX_SPANS = 10_000;
const FILTER_PAGE_CAP = 50;

/** No `aws/spans` in this region: Transaction Search is not enabled there (or the profile looks in another region). */
export class NoSpansGroupError extends ApiError {
  constructor(region: string) {
    super(
      'not_found',
      `There is no aws/spans log group in ${region}: CloudWatch Transaction Search is not enabled in this region, so AgentCore cannot store spans. Enable it in the CloudWatch console (Application Signals › Transaction Search) and turn on observability for the agent.`,
      { region },
    );
  }
}

function isMissingGroup(error: unknown): boolean {
  return describeAwsError(error).code === 'ResourceNotFoundException';
}

/** Reasons to read with FilterLogEvents instead: Insights refused or ended the query; anything else is the caller's error. */
function insightsRefusal(error: unknown): string | undefined {
  if (error instanceof InsightsQueryError && !error.details?.cancelled) return error.message;
  const d = describeAwsError(error);
  if (d.code === 'AccessDeniedException') return `Logs Insights was denied (${d.message}); the profile's role needs logs:StartQuery and logs:GetQueryResults`;
  if (d.code === 'LimitExceededException') return `Logs Insights is at the account's concurrent query limit (${d.message})`;
  return undefined;
}

export class SpanReads {
  constructor(
    private readonly backoff: Backoff,
    private readonly insights: Omit<InsightsOptions, 'backoff' | 'signal'> = {},
  ) {}

  async query(client: CloudWatchLogsClient, region: string, window: Window, query: string, signal?: AbortSignal): Promise<InsightsRow[]> {
    try {
      return await runInsightsQuery(
        client,
        { groupName: SPANS_GROUP, startMs: window.startMs, endMs: window.endMs, query },
        { ...this.insights, backoff: this.backoff, ...(signal ? { signal } : {}) },
      );
    } catch (error) {
      if (isMissingGroup(error)) throw new NoSpansGroupError(region);
      throw error instanceof ApiError ? error : logsApiError(error, 'StartQuery', SPANS_GROUP);
    }
  }

  /** Span records matching an Insights filter, or — where Insights is refused — a FilterLogEvents pattern, filtered again by `keep`. */
  async messages(
    target: { client: CloudWatchLogsClient; region: string },
    window: Window,
    how: { insightsFilter: string; sort: 'asc' | 'desc'; limit: number; filterPattern: string; keep?: (message: string) => boolean },
    signal?: AbortSignal,
  ): Promise<SpanMessages> {
    const q = `fields @timestamp, @message | filter ${how.insightsFilter} | sort @timestamp ${how.sort} | limit ${how.limit}`;
    try {
      const rows = await this.query(target.client, target.region, window, q, signal);
      return { messages: rows.map((r) => r['@message'] ?? ''), source: 'insights', truncated: rows.length >= how.limit };
    } catch (error) {
      const reason = insightsRefusal(error);
      if (!reason) throw error;
      const read = await this.filter(target, window, how.filterPattern, how.limit, how.keep, signal);
      return { ...read, source: 'filter', fallback: reason };
    }
  }

  private async filter(
    target: { client: CloudWatchLogsClient; region: string },
    window: Window,
    filterPattern: string,
    limit: number,
    keep: ((message: string) => boolean) | undefined,
    signal?: AbortSignal,
  ): Promise<Omit<SpanMessages, 'source'>> {
    const messages: string[] = [];
    let nextToken: string | undefined;
    let pages = 0;
    try {
      do {
        const out = await withThrottleRetry(
          () =>
            target.client.send(
              new FilterLogEventsCommand({ logGroupName: SPANS_GROUP, startTime: window.startMs, endTime: window.endMs, filterPattern, nextToken }),
              signal ? { abortSignal: signal } : {},
            ),
          this.backoff,
        );
        for (const e of out.events ?? []) if (e.message !== undefined && (!keep || keep(e.message))) messages.push(e.message);
        nextToken = out.nextToken;
        pages++;
      } while (nextToken && messages.length < limit && pages < FILTER_PAGE_CAP);
    } catch (error) {
      if (isMissingGroup(error)) throw new NoSpansGroupError(target.region);
      throw logsApiError(error, 'FilterLogEvents', SPANS_GROUP);
    }
    return { messages: messages.slice(0, limit), truncated: messages.length >= limit || nextToken !== undefined };
  }
}
