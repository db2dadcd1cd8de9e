/**
 * GetMetricData (awsJson1_0 in query-compatible mode; StartTime/EndTime and
 * Timestamps as epoch seconds). MetricStat queries aggregate per-minute
 * samples into Period buckets; Expression queries do metric math over them.
 * Results honour ReturnData, ScanBy (newest first by default), MaxDatapoints
 * with NextToken continuation and StatusCode Complete/PartialData.
 */
import { AwsError, type RequestContext } from '../core/types';
import { optNumber, optString, readJsonBody, type JsonObject } from '../kit/json-body';
import { MINUTE_MS } from '../kit/traffic';
import { evaluateExpression, ExpressionSyntaxError, ExpressionUnsupportedError, type Series } from './expression';
import { resolveMetric, type SeriesContext } from './series';
import { computeStatistic, parseStatistic } from './stats';

const MAX_DATAPOINTS = 100_800;

export function invalidValue(message: string): AwsError {
  return new AwsError(400, 'InvalidParameterValueException', message);
}

interface QueryResult {
  Id: string;
  Label: string;
  points: Array<[number, number]>;
  StatusCode: 'Complete' | 'InternalError' | 'PartialData';
  Messages?: Array<{ Code: string; Value: string }>;
  returned: boolean;
}

function metricStatSeries(ctx: SeriesContext, q: JsonObject, index: number, startS: number, endS: number, nowMs: number): Series {
  const stat = q.MetricStat as JsonObject;
  const where = `MetricDataQueries.member.${index}.MetricStat`;
  const period = optNumber(stat, 'Period');
  if (period === undefined || !Number.isInteger(period) || period < 1 || (period >= 60 ? period % 60 !== 0 : ![1, 5, 10, 30].includes(period))) {
    throw invalidValue(`The parameter ${where}.Period must be a multiple of 60 or equal to 1, 5, 10, 30.`);
  }
  const statName = optString(stat, 'Stat') ?? '';
  const statistic = parseStatistic(statName);
  if (!statistic) throw invalidValue(`The value ${statName} for parameter ${where}.Stat is not supported.`);
  const metric = (stat.Metric ?? {}) as JsonObject;
  const dims = Array.isArray(metric.Dimensions) ? (metric.Dimensions as Array<{ Name?: string; Value?: string }>) : [];
  const resolved = resolveMetric(ctx, optString(metric, 'Namespace'), optString(metric, 'MetricName'), dims);
  const out: Series = new Map();
  if (!resolved) return out;
  // Our metrics are standard resolution: sub-minute periods still see one-minute batches.
  const bucketS = Math.max(60, period);
  const alignedStart = Math.floor(startS / 60) * 60;
  const lastMinute = Math.min(endS * 1000, Math.floor(nowMs / MINUTE_MS) * MINUTE_MS + MINUTE_MS);
  const buckets = new Map<number, number[]>();
  for (let m = alignedStart * 1000; m < lastMinute; m += MINUTE_MS) {
    const samples = resolved.samples(m);
    if (samples.length === 0) continue;
    const bucket = alignedStart + Math.floor((m / 1000 - alignedStart) / bucketS) * bucketS;
    const list = buckets.get(bucket);
    if (list) list.push(...samples);
    else buckets.set(bucket, [...samples]);
  }
  for (const [t, samples] of buckets) out.set(t, computeStatistic(statistic, samples));
  return out;
}

function labelOf(q: JsonObject): string {
  const label = optString(q, 'Label');
  if (label) return label;
  const metric = ((q.MetricStat as JsonObject | undefined)?.Metric ?? {}) as JsonObject;
  return optString(metric, 'MetricName') ?? optString(q, 'Id') ?? '';
}

export function getMetricData(
  sctx: Omit<SeriesContext, 'region'>,
  now: () => number,
  ctx: RequestContext,
  serverCap: number = MAX_DATAPOINTS,
): { body: unknown } {
  const body = readJsonBody(ctx, 'SerializationException');
  const queries = Array.isArray(body.MetricDataQueries) ? (body.MetricDataQueries as JsonObject[]) : undefined;
  if (!queries || queries.length === 0) throw new AwsError(400, 'MissingRequiredParameterException', 'The parameter MetricDataQueries is required.');
  if (queries.length > 500) throw invalidValue('The collection MetricDataQueries must not have a size greater than 500.');
  const startS = optNumber(body, 'StartTime');
  const endS = optNumber(body, 'EndTime');
  if (startS === undefined || endS === undefined)
    throw new AwsError(400, 'MissingRequiredParameterException', 'The parameters StartTime and EndTime are required.');
  if (startS >= endS) throw invalidValue('The parameter StartTime must be less than the parameter EndTime.');
  const scanBy = optString(body, 'ScanBy') ?? 'TimestampDescending';
  if (scanBy !== 'TimestampDescending' && scanBy !== 'TimestampAscending') throw invalidValue(`The value ${scanBy} for parameter ScanBy is not valid.`);
  const asked = optNumber(body, 'MaxDatapoints') ?? MAX_DATAPOINTS;
  if (!Number.isInteger(asked) || asked < 1) throw invalidValue('The parameter MaxDatapoints must be a positive integer.');
  const maxDatapoints = Math.min(asked, serverCap);

  const seen = new Set<string>();
  queries.forEach((q, i) => {
    const id = optString(q, 'Id') ?? '';
    if (!/^[a-z][a-zA-Z0-9_]*$/.test(id))
      throw invalidValue(
        `The value ${id} for parameter MetricDataQueries.member.${i + 1}.Id is not valid: it must start with a lowercase letter and contain only letters, numbers and underscores.`,
      );
    if (seen.has(id)) throw invalidValue(`The values for parameter id in MetricDataQueries are not unique.`);
    seen.add(id);
    if ((q.MetricStat === undefined) === (q.Expression === undefined))
      throw invalidValue(`Exactly one of MetricStat and Expression must be specified for MetricDataQueries.member.${i + 1}.`);
  });

  const series: SeriesContext = { ...sctx, region: ctx.region, cache: new Map() };
  const computed = new Map<string, Series>();
  const results: QueryResult[] = [];
  queries.forEach((q, i) => {
    if (q.MetricStat !== undefined) computed.set(q.Id as string, metricStatSeries(series, q, i + 1, startS, endS, now()));
  });
  for (const q of queries) {
    const id = q.Id as string;
    const result: QueryResult = { Id: id, Label: labelOf(q), points: [], StatusCode: 'Complete', returned: q.ReturnData !== false };
    if (q.Expression !== undefined) {
      try {
        const s = evaluateExpression(String(q.Expression), {
          series: (ref) => computed.get(ref),
          all: () => queries.filter((x) => x.MetricStat !== undefined).map((x) => computed.get(x.Id as string)!),
        });
        computed.set(id, s);
      } catch (e) {
        if (e instanceof ExpressionSyntaxError) throw invalidValue(`Error in expression '${id}': ${e.message}`);
        if (!(e instanceof ExpressionUnsupportedError)) throw e;
        result.StatusCode = 'InternalError';
        result.Messages = [{ Code: 'InternalError', Value: e.message }];
      }
    }
    const s = computed.get(id) ?? new Map<number, number>();
    result.points = [...s].sort((a, b) => (scanBy === 'TimestampAscending' ? a[0] - b[0] : b[0] - a[0]));
    results.push(result);
  }
  return {
    body: page(
      results.filter((r) => r.returned),
      maxDatapoints,
      optString(body, 'NextToken'),
    ),
  };
}

/** Apply MaxDatapoints across results; the NextToken resumes at (result index, datapoint offset). */
function page(results: QueryResult[], maxDatapoints: number, token: string | undefined): unknown {
  let startIndex = 0;
  let startOffset = 0;
  if (token) {
    try {
      const parsed = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as { r: number; o: number };
      if (!Number.isInteger(parsed.r) || !Number.isInteger(parsed.o)) throw new Error('bad');
      startIndex = parsed.r;
      startOffset = parsed.o;
    } catch {
      throw new AwsError(400, 'InvalidNextToken', 'The service couldn\u2019t process the NextToken.');
    }
  }
  let budget = maxDatapoints;
  const out: unknown[] = [];
  let next: string | undefined;
  for (let i = startIndex; i < results.length; i++) {
    const r = results[i]!;
    const from = i === startIndex ? startOffset : 0;
    const remaining = r.points.length - from;
    const take = Math.min(remaining, budget);
    const pts = r.points.slice(from, from + take);
    budget -= take;
    const truncated = take < remaining;
    out.push({
      Id: r.Id,
      Label: r.Label,
      Timestamps: pts.map((p) => p[0]),
      Values: pts.map((p) => p[1]),
      StatusCode: truncated ? 'PartialData' : r.StatusCode,
      ...(r.Messages ? { Messages: r.Messages } : {}),
    });
    if (truncated || (budget === 0 && i + 1 < results.length)) {
      next = Buffer.from(JSON.stringify(truncated ? { r: i, o: from + take } : { r: i + 1, o: 0 })).toString('base64url');
      break;
    }
  }
  return { MetricDataResults: out, Messages: [], ...(next ? { NextToken: next } : {}) };
}
