/**
 * The Logs Insights runner against the emulator through the real SDK: a
 * query is polled until Complete; a caller that gives up stops the query on
 * AWS too (StopQuery), as does one that runs past its time limit; AWS ending
 * a query in Failed is an error, not an empty answer.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import { startEmulator, type RunningEmulator } from '../../src/emulator/index';
import { runInsightsQuery } from '../../src/main/services/traces/insights-query';

let emu: RunningEmulator;
let client: CloudWatchLogsClient;
const sent: string[] = [];
const backoff = { delaysMs: [5] };
const window = () => ({ groupName: 'aws/spans', startMs: Date.now() - 3_600_000, endMs: Date.now() + 60_000 });

beforeAll(async () => {
  emu = await startEmulator({ fast: true });
  client = new CloudWatchLogsClient({ endpoint: emu.url, region: 'us-east-1', credentials: emu.credentials, maxAttempts: 1 });
  // Which operations reached the wire, as the SDK names them.
  client.middlewareStack.add(
    (next, context) => async (args) => {
      sent.push(String(context.commandName));
      return next(args);
    },
    { step: 'initialize', name: 'recordOperations' },
  );
});
afterAll(async () => {
  client.destroy();
  await emu.close();
});

describe('a Logs Insights query', () => {
  it('is polled until complete and answers rows of fields', async () => {
    const rows = await runInsightsQuery(
      client,
      { ...window(), query: 'fields @timestamp, @message | sort @timestamp desc | limit 5' },
      { backoff, pollDelaysMs: [10] },
    );
    expect(rows.length).toBe(5);
    expect(rows[0]!['@message']).toMatch(/traceId/);
  });

  it('is stopped on AWS when the caller gives up', async () => {
    emu.setInsightsMode({ mode: 'slow', slowMs: 10_000 });
    sent.length = 0;
    const abort = new AbortController();
    const running = runInsightsQuery(client, { ...window(), query: 'fields @message | limit 1' }, { backoff, signal: abort.signal, pollDelaysMs: [20] });
    setTimeout(() => abort.abort(), 150);
    await expect(running).rejects.toThrow(/cancelled/);
    await new Promise((r) => setTimeout(r, 50));
    expect(sent).toContain('StopQueryCommand');
    emu.setInsightsMode({ mode: 'normal' });
  });

  it('is stopped and reported when it outlives its time limit', async () => {
    emu.setInsightsMode({ mode: 'slow', slowMs: 10_000 });
    sent.length = 0;
    await expect(
      runInsightsQuery(client, { ...window(), query: 'fields @message | limit 1' }, { backoff, timeoutMs: 200, pollDelaysMs: [20] }),
    ).rejects.toThrow(/longer than/);
    await new Promise((r) => setTimeout(r, 50));
    expect(sent).toContain('StopQueryCommand');
    emu.setInsightsMode({ mode: 'normal' });
  });

  it('fails with AWS’s status when AWS ends it', async () => {
    emu.setInsightsMode({ mode: 'fail' });
    await expect(runInsightsQuery(client, { ...window(), query: 'fields @message | limit 1' }, { backoff, pollDelaysMs: [10] })).rejects.toThrow(/Failed/);
    emu.setInsightsMode({ mode: 'normal' });
  });
});
