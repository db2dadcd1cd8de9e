/** Logs Insights through the real SDK: start a query on the test emulator's clock and poll it to the end. */
import { GetQueryResultsCommand, StartQueryCommand, type CloudWatchLogsClient, type GetQueryResultsCommandOutput } from '@aws-sdk/client-cloudwatch-logs';
import type { TestEmulator } from './helpers/emulator';

export interface InsightsAnswer {
  status: string;
  rows: Array<Record<string, string>>;
  raw: GetQueryResultsCommandOutput;
  polls: number;
}

export async function startQuery(t: TestEmulator, logs: CloudWatchLogsClient, queryString: string, logGroupName = 'aws/spans'): Promise<string> {
  const out = await logs.send(
    new StartQueryCommand({ logGroupName, queryString, startTime: Math.floor((t.clock.t - 3 * 3_600_000) / 1000), endTime: Math.ceil(t.clock.t / 1000) + 60 }),
  );
  return out.queryId!;
}

export async function pollQuery(logs: CloudWatchLogsClient, queryId: string): Promise<InsightsAnswer> {
  for (let polls = 1; polls <= 20; polls++) {
    const raw = await logs.send(new GetQueryResultsCommand({ queryId }));
    if (raw.status !== 'Running' && raw.status !== 'Scheduled') {
      const rows = (raw.results ?? []).map((r) => Object.fromEntries(r.map((c) => [c.field!, c.value!])));
      return { status: raw.status!, rows, raw, polls };
    }
  }
  throw new Error(`query ${queryId} did not finish`);
}

export async function runQuery(t: TestEmulator, logs: CloudWatchLogsClient, queryString: string): Promise<InsightsAnswer> {
  return pollQuery(logs, await startQuery(t, logs, queryString));
}
