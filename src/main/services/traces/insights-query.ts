/**
 * One CloudWatch Logs Insights query, start to finish: StartQuery, then
 * GetQueryResults polled with a growing delay until AWS says Complete. A
 * caller that gives up (its window closed, a newer lookup) aborts the signal
 * and the query is stopped on AWS too (StopQuery), so it does not keep
 * scanning — and counting against the account's concurrent-query limit. A
 * query that outlives `timeoutMs` is stopped the same way and reported as a
 * timeout, as is one AWS itself ends in Timeout, Failed or Cancelled.
 */
import { GetQueryResultsCommand, StartQueryCommand, StopQueryCommand, type CloudWatchLogsClient, type ResultField } from '@aws-sdk/client-cloudwatch-logs';
import { ApiError } from '../../../shared/errors';
import { withThrottleRetry, type Backoff } from '../aws/throttle-retry';
import { abortableSleep } from '../util/abortable-sleep';

export interface InsightsRequest {
  groupName: string;
  startMs: number;
  endMs: number;
  query: string;
  limit?: number;
}

export interface InsightsOptions {
  backoff: Backoff;
  signal?: AbortSignal;
  timeoutMs?: number;
  /** Waits between polls; the last repeats. */
  pollDelaysMs?: readonly number[];
}

export type InsightsRow = Record<string, string>;

export const DEFAULT_POLL_DELAYS_MS = [100, 200, 400, 800, 1000];
const DEFAULT_TIMEOUT_MS = 60_000;

/** Thrown for a query AWS did not finish; `details.queryStatus` says how it ended. */
export class InsightsQueryError extends ApiError {}

const rowOf = (fields: ResultField[]): InsightsRow => {
  const row: InsightsRow = {};
  for (const f of fields) if (f.field !== undefined && f.value !== undefined) row[f.field] = f.value;
  return row;
};

export async function runInsightsQuery(client: CloudWatchLogsClient, request: InsightsRequest, options: InsightsOptions): Promise<InsightsRow[]> {
  const started = Date.now();
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const delays = options.pollDelaysMs ?? DEFAULT_POLL_DELAYS_MS;
  const signal = options.signal ?? new AbortController().signal;
  const { queryId } = await withThrottleRetry(
    () =>
      client.send(
        new StartQueryCommand({
          logGroupName: request.groupName,
          // Insights takes seconds; widening to whole seconds never cuts an event out.
          startTime: Math.floor(request.startMs / 1000),
          endTime: Math.ceil(request.endMs / 1000),
          queryString: request.query,
          ...(request.limit ? { limit: request.limit } : {}),
        }),
        { abortSignal: signal },
      ),
    options.backoff,
  );
  if (!queryId) throw new ApiError('aws_error', 'StartQuery answered without a query id');
  const stop = () => client.send(new StopQueryCommand({ queryId })).catch(() => undefined);
  try {
    for (let poll = 0; ; poll++) {
      if (signal.aborted) throw new InsightsQueryError('aws_error', 'The Logs Insights query was cancelled', { queryStatus: 'Cancelled', cancelled: true });
      if (Date.now() - started > timeoutMs)
        throw new InsightsQueryError('aws_error', `The Logs Insights query took longer than ${Math.round(timeoutMs / 1000)} s and was stopped`, {
          queryStatus: 'Timeout',
          retryable: true,
        });
      const out = await withThrottleRetry(() => client.send(new GetQueryResultsCommand({ queryId }), { abortSignal: signal }), options.backoff);
      switch (out.status) {
        case 'Complete':
          return (out.results ?? []).map(rowOf);
        case 'Failed':
        case 'Timeout':
        case 'Cancelled':
          throw new InsightsQueryError('aws_error', `Logs Insights ended the query: ${out.status}`, {
            queryStatus: out.status,
            retryable: out.status !== 'Failed',
          });
        default:
          await abortableSleep(delays[Math.min(poll, delays.length - 1)]!, signal);
      }
    }
  } catch (error) {
    // Only a query still running on AWS needs stopping; a finished or failed one is gone already.
    const status = error instanceof InsightsQueryError ? error.details?.queryStatus : undefined;
    if (status === undefined || status === 'Timeout' || (error instanceof InsightsQueryError && error.details?.cancelled)) void stop();
    if (signal.aborted && !(error instanceof InsightsQueryError))
      throw new InsightsQueryError('aws_error', 'The Logs Insights query was cancelled', { queryStatus: 'Cancelled', cancelled: true });
    throw error;
  }
}

/** Insights quotes strings with double quotes; an id containing one could end the literal early. */
export function quote(value: string): string {
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}
