/**
 * Truthful InvocationRecords: what the emulator records (and so logs,
 * metrics and memory show) is what the client actually received, also when a
 * fault garbles or cuts the body.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { InvokeAgentRuntimeCommand } from '@aws-sdk/client-bedrock-agentcore';
import { startEmulator, type InvocationRecord, type RunningEmulator } from '../../src/emulator/index';
import { textFromSse } from '../../src/emulator/runtime/reply-text';
import { dataClient, payload, SESSION } from './helpers/emulator-clients';

let emu: RunningEmulator;
let records: InvocationRecord[] = [];
const arnOf = (name: string): string => emu.world.runtimes('us-east-1').find((r) => r.name === name)!.arn;

beforeAll(async () => {
  emu = await startEmulator({ fast: true });
  emu.onInvocation((r) => records.push(r));
});
afterEach(() => {
  emu.reset();
  records = [];
});
afterAll(() => emu.close());

/** Invoke and read whatever arrives before the body ends or breaks. */
async function invoke(name: string): Promise<{ received: string; failed: boolean }> {
  let received = '';
  try {
    const out = await dataClient(emu).send(
      new InvokeAgentRuntimeCommand({ agentRuntimeArn: arnOf(name), payload: payload({ prompt: 'hello' }), runtimeSessionId: SESSION }),
    );
    for await (const chunk of out.response as AsyncIterable<Uint8Array>) received += Buffer.from(chunk).toString('utf8');
    return { received, failed: false };
  } catch {
    return { received, failed: true };
  }
}

describe('InvocationRecord matches what the client received', () => {
  it('a complete JSON reply is recorded ok with its text', async () => {
    const r = await invoke('coach_companion');
    expect(r.failed).toBe(false);
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({ outcome: 'ok', delivery: 'complete' });
    expect(r.received).toContain(records[0]!.replyText.slice(0, 20));
  });

  it('a malformed JSON reply is recorded as a system error with no reply text', async () => {
    emu.setFaults({ rules: [{ operation: 'InvokeAgentRuntime', malformedRate: 1, malformedStatus: 200 }] });
    const r = await invoke('coach_companion');
    expect(r.received).toMatch(/502 Bad Gateway/);
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({ outcome: 'system_error', delivery: 'malformed', replyText: '', errorMessage: expect.stringMatching(/malformed/i) });
  });

  it('a malformed streamed reply is recorded once, as malformed', async () => {
    emu.setFaults({ rules: [{ operation: 'InvokeAgentRuntime', malformedRate: 1 }] });
    await invoke('strands_research_agent');
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({ outcome: 'system_error', delivery: 'malformed', replyText: '' });
  });

  it('a JSON reply cut half-way is recorded as dropped, not ok', async () => {
    emu.setFaults({ rules: [{ operation: 'InvokeAgentRuntime', dropStreamRate: 1 }] });
    const r = await invoke('coach_companion');
    expect(r.failed).toBe(true);
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({ outcome: 'system_error', delivery: 'dropped', replyText: '' });
  });

  it('a stream cut after some frames records exactly the text that arrived', async () => {
    emu.setFaults({ rules: [{ operation: 'InvokeAgentRuntime', dropStreamRate: 1, dropAfterChunks: 4 }] });
    const r = await invoke('strands_research_agent');
    expect(r.failed).toBe(true);
    expect(records).toHaveLength(1);
    const record = records[0]!;
    expect(record).toMatchObject({ outcome: 'system_error', delivery: 'dropped', errorMessage: expect.stringMatching(/interrupted/) });
    expect(record.replyText).toBe(textFromSse(r.received));
    expect(record.replyText.length).toBeGreaterThan(0);
  });

  it('a stream cut after its last frame is still recorded as dropped', async () => {
    emu.setFaults({ rules: [{ operation: 'InvokeAgentRuntime', dropStreamRate: 1, dropAfterChunks: 100_000 }] });
    const r = await invoke('strands_research_agent');
    expect(r.failed).toBe(true);
    expect(records[0]).toMatchObject({ outcome: 'system_error', delivery: 'dropped' });
    expect(records[0]!.replyText).toBe(textFromSse(r.received));
  });
});
