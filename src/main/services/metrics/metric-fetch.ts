/**
 * GetMetricData in batches: at most 500 queries per call (CloudWatch's
 * limit), every NextToken page followed, throttling retried with backoff,
 * and every call counted so the view can say what it cost. Results come back
 * keyed by the caller's own names (query ids have CloudWatch's syntax rules,
 * so they are generated here).
 */
import { GetMetricDataCommand, type CloudWatchClient, type Dimension, type MetricDataResult } from '@aws-sdk/client-cloudwatch';
import { ApiError } from '../../../shared/errors';
import type { MetricsNotice } from '../../../shared/metrics';
import { describeAwsError, isThrottling } from '../aws/describe-error';
import { withThrottleRetry, type Backoff } from '../aws/throttle-retry';
import { NAMESPACE } from './metric-names';

export const MAX_QUERIES_PER_CALL = 500;
/** A runaway NextToken chain (a server bug) must not loop forever. */
const MAX_PAGES = 200;

export interface StatQuery {
  key: string;
  metric: string;
  dimensions: Dimension[];
  stat: string;
  periodSeconds: number;
}

/** key → (epoch ms → value). */
export type FetchedSeries = Map<string, Map<number, number>>;

export interface FetchTally {
  calls: number;
  throttled: number;
  partialPages: number;
  /** Results still PartialData after the last page. */
  incomplete: number;
}

export const newTally = (): FetchTally => ({ calls: 0, throttled: 0, partialPages: 0, incomplete: 0 });

export async function fetchMetrics(
  client: CloudWatchClient,
  window: { startTime: number; endTime: number },
  queries: StatQuery[],
  backoff: Backoff,
  tally: FetchTally,
): Promise<FetchedSeries> {
  const out: FetchedSeries = new Map(queries.map((q) => [q.key, new Map()]));
  for (let i = 0; i < queries.length; i += MAX_QUERIES_PER_CALL) {
    const batch = queries.slice(i, i + MAX_QUERIES_PER_CALL);
    const keyOf = new Map(batch.map((q, j) => [`q${j}`, q.key]));
    const status = new Map<string, string | undefined>();
    let token: string | undefined;
    for (let page = 0; page < MAX_PAGES; page++) {
      const command = new GetMetricDataCommand({
        StartTime: new Date(window.startTime),
        EndTime: new Date(window.endTime),
        ScanBy: 'TimestampAscending',
        MetricDataQueries: batch.map((q, j) => ({
          Id: `q${j}`,
          MetricStat: { Metric: { Namespace: NAMESPACE, MetricName: q.metric, Dimensions: q.dimensions }, Period: q.periodSeconds, Stat: q.stat },
          ReturnData: true,
        })),
        ...(token ? { NextToken: token } : {}),
      });
      let attempts = 0;
      const answer = await withThrottleRetry(() => {
        attempts++;
        tally.calls++;
        return client.send(command);
      }, backoff).catch((error: unknown) => {
        throw metricsApiError(error, attempts - 1);
      });
      tally.throttled += attempts - 1;
      for (const r of answer.MetricDataResults ?? []) {
        merge(out.get(keyOf.get(r.Id ?? '') ?? ''), r);
        if (r.StatusCode === 'PartialData') tally.partialPages++;
        status.set(r.Id ?? '', r.StatusCode);
      }
      token = answer.NextToken;
      if (!token) break;
    }
    for (const s of status.values()) if (s === 'PartialData') tally.incomplete++;
  }
  return out;
}

function merge(into: Map<number, number> | undefined, r: MetricDataResult): void {
  if (!into) return;
  const stamps = r.Timestamps ?? [];
  const values = r.Values ?? [];
  stamps.forEach((t, i) => {
    const v = values[i];
    if (v !== undefined) into.set(t.getTime(), v);
  });
}

/** What the paging and retries amounted to, said for the view. */
export function tallyNotices(tally: FetchTally): MetricsNotice[] {
  const notices: MetricsNotice[] = [];
  if (tally.incomplete > 0)
    notices.push({
      code: 'partial_data',
      message: `CloudWatch answered PartialData for ${tally.incomplete} series and had no further page: those charts may miss datapoints. Try a shorter range.`,
    });
  else if (tally.partialPages > 0)
    notices.push({
      code: 'partial_data',
      message: `CloudWatch sent these metrics in pages (StatusCode PartialData); the console followed NextToken and read every page.`,
    });
  if (tally.throttled > 0)
    notices.push({ code: 'throttled', message: `CloudWatch throttled ${tally.throttled} GetMetricData call(s); the console backed off and retried.` });
  return notices;
}

export function metricsApiError(error: unknown, retries: number): ApiError {
  if (error instanceof ApiError) return error;
  const d = describeAwsError(error);
  const details = { awsCode: d.code, ...(d.status ? { status: d.status } : {}), operation: 'GetMetricData' };
  if (isThrottling(d))
    return new ApiError(
      'aws_error',
      `CloudWatch GetMetricData is throttled (${d.code}), still after ${retries} retries with backoff. Wait a few seconds and reload; other views of the same account share this quota.`,
      { ...details, retryable: true },
    );
  if (d.code === 'AccessDenied' || d.code === 'AccessDeniedException')
    return new ApiError('aws_error', `GetMetricData was denied: ${d.message} The profile's role needs cloudwatch:GetMetricData.`, details);
  return new ApiError('aws_error', `GetMetricData failed — ${d.code}: ${d.message}`, { ...details, retryable: d.retryable });
}
