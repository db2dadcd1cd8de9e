/** When StartLiveTail is refused (denied, throttled, over the session quota) FilterLogEvents still answers: the console's fallback path. */
import {
  AccessDeniedException,
  CloudWatchLogsClient,
  FilterLogEventsCommand,
  LimitExceededException,
  StartLiveTailCommand,
  ThrottlingException,
  type StartLiveTailCommandOutput,
} from '@aws-sdk/client-cloudwatch-logs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { runtimeLogs, startTestEmulator, type TestEmulator } from './helpers/emulator';

let t: TestEmulator;
let client: CloudWatchLogsClient;
let GROUP: string;
let ARN: string;

beforeAll(async () => {
  t = await startTestEmulator();
  ({ client, group: GROUP, arn: ARN } = runtimeLogs(t, 'sre_supervisor'));
});
afterEach(() => t.emu.reset());
afterAll(async () => {
  client.destroy();
  await t.close();
});

const tail = (signal?: AbortSignal): Promise<StartLiveTailCommandOutput> =>
  client.send(new StartLiveTailCommand({ logGroupIdentifiers: [ARN] }), signal ? { abortSignal: signal } : {});
const filterStillWorks = async () => {
  const out = await client.send(new FilterLogEventsCommand({ logGroupName: GROUP, startTime: t.clock.t - 3_600_000, limit: 5 }));
  expect(out.events!.length).toBe(5);
};

describe('StartLiveTail refused', () => {
  it('accessDeniedRate 1 → AccessDeniedException, while FilterLogEvents works', async () => {
    t.emu.setFaults({ rules: [{ operation: 'StartLiveTail', accessDeniedRate: 1 }] });
    const err = await tail().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AccessDeniedException);
    expect((err as AccessDeniedException).$metadata.httpStatusCode).toBe(403);
    expect((err as Error).message).toMatch(/logs:StartLiveTail/);
    await filterStillWorks();
  });

  it('throttleRate 1 → ThrottlingException, while FilterLogEvents works', async () => {
    t.emu.setFaults({ rules: [{ operation: 'StartLiveTail', throttleRate: 1 }] });
    const err = await tail().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ThrottlingException);
    expect((err as ThrottlingException).$metadata.httpStatusCode).toBe(429);
    await filterStillWorks();
  });

  it('caps concurrent sessions at 15 per account and region with LimitExceededException, and frees a slot when one ends', async () => {
    const open: AbortController[] = [];
    try {
      for (let i = 0; i < 15; i++) {
        const abort = new AbortController();
        open.push(abort);
        await tail(abort.signal);
      }
      const err = await tail().catch((e: unknown) => e);
      expect(err).toBeInstanceOf(LimitExceededException);
      expect((err as Error).message).toBe('You have exceeded the maximum number of concurrent Live Tail sessions');
      expect((err as LimitExceededException).$metadata.httpStatusCode).toBe(400);
      await filterStillWorks();

      // The server notices the disconnect on its side; poll until the slot is back.
      open.shift()!.abort();
      const abort = new AbortController();
      open.push(abort);
      let ok = false;
      for (let attempt = 0; attempt < 50 && !ok; attempt++) {
        ok = await tail(abort.signal).then(
          () => true,
          (e: unknown) => {
            if (!(e instanceof LimitExceededException)) throw e;
            return new Promise<boolean>((r) => setTimeout(() => r(false), 20));
          },
        );
      }
      expect(ok).toBe(true);
    } finally {
      for (const a of open) a.abort();
    }
  });
});
