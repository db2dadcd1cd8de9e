/**
 * The real emulator for protocol-module integration tests: a fixed clock (so
 * seeded history is the same on every run), no pacing delays, and helpers to
 * find demo resources and to invoke an agent through the real SDK, which is
 * what feeds memory, logs and metrics.
 */
import { BedrockAgentCoreClient, InvokeAgentRuntimeCommand } from '@aws-sdk/client-bedrock-agentcore';
import { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import { EMULATOR_CREDENTIALS, startEmulator, type RunningEmulator } from '../../../src/emulator/index';
import type { InvocationRecord } from '../../../src/emulator/core/types';

export const REGION = 'us-east-1';
/** Wednesday 2026-11-25 12:00 UTC: a busy weekday hour in the synthetic traffic. */
export const T0 = Date.UTC(2026, 10, 25, 12, 0, 0);

export interface TestEmulator {
  emu: RunningEmulator;
  clock: { t: number };
  endpoint: string;
  credentials: { accessKeyId: string; secretAccessKey: string };
  runtime(name: string): ReturnType<RunningEmulator['world']['runtimes']>[number];
  memory(name: string): ReturnType<RunningEmulator['world']['memories']>[number];
  /** Invoke an agent over the wire and return the InvocationRecord the emulator emitted. */
  invoke(runtimeName: string, prompt: string, opts?: { sessionId?: string; userId?: string; qualifier?: string }): Promise<InvocationRecord>;
  close(): Promise<void>;
}

export async function startTestEmulator(): Promise<TestEmulator> {
  const clock = { t: T0 };
  const emu = await startEmulator({ seed: 7, fast: true, now: () => clock.t });
  const credentials = { accessKeyId: EMULATOR_CREDENTIALS.accessKeyId, secretAccessKey: EMULATOR_CREDENTIALS.secretAccessKey };
  const agentcore = new BedrockAgentCoreClient({ endpoint: emu.url, region: REGION, credentials, maxAttempts: 1 });
  const runtime = (name: string) => {
    const rt = emu.world.runtimes(REGION).find((r) => r.name === name);
    if (!rt) throw new Error(`no demo runtime ${name}`);
    return rt;
  };
  const memory = (name: string) => {
    const m = emu.world.memories(REGION).find((x) => x.name === name);
    if (!m) throw new Error(`no demo memory ${name}`);
    return m;
  };
  let n = 0;
  return {
    emu,
    clock,
    endpoint: emu.url,
    credentials,
    runtime,
    memory,
    async invoke(runtimeName, prompt, opts = {}) {
      const records: InvocationRecord[] = [];
      const off = emu.onInvocation((r) => records.push(r));
      try {
        const sessionId = opts.sessionId ?? `it-session-${String(n++).padStart(4, '0')}-0000000000000000000000`;
        const res = await agentcore
          .send(
            new InvokeAgentRuntimeCommand({
              agentRuntimeArn: runtime(runtimeName).arn,
              qualifier: opts.qualifier ?? 'DEFAULT',
              runtimeSessionId: sessionId,
              contentType: 'application/json',
              payload: new TextEncoder().encode(JSON.stringify({ prompt })),
              ...(opts.userId ? { runtimeUserId: opts.userId } : {}),
            }),
          )
          .catch(() => undefined);
        await res?.response?.transformToString();
        const record = records.at(-1);
        if (!record) throw new Error('no InvocationRecord emitted');
        return record;
      } finally {
        off();
      }
    },
    async close() {
      agentcore.destroy();
      await emu.close();
    },
  };
}

/** A CloudWatch Logs client on the test emulator and one runtime's DEFAULT log group, by name and ARN. */
export function runtimeLogs(t: TestEmulator, runtimeName: string): { client: CloudWatchLogsClient; group: string; arn: string } {
  const rt = t.runtime(runtimeName);
  const group = `/aws/bedrock-agentcore/runtimes/${rt.id}-DEFAULT`;
  return {
    client: new CloudWatchLogsClient({ endpoint: t.endpoint, region: REGION, credentials: t.credentials, maxAttempts: 1, disableHostPrefix: true }),
    group,
    arn: `arn:aws:logs:${REGION}:${rt.accountId}:log-group:${group}`,
  };
}
