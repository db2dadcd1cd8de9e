/** The protocol modules as wired into the emulator server: invocations reach memory, module routes go through SigV4 and faults. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InvokeAgentRuntimeCommand, ListEventsCommand, ThrottledException } from '@aws-sdk/client-bedrock-agentcore';
import { startEmulator, type InvocationRecord, type RunningEmulator } from '../../src/emulator/index';
import type { EmulatorModule } from '../../src/emulator/core/types';
import { MODULE_FACTORIES } from '../../src/emulator/modules';
import { dataClient, payload, readBody, SESSION } from './helpers/emulator-clients';

let emu: RunningEmulator;
const seenByModule: InvocationRecord[] = [];

beforeAll(async () => {
  const spy = (): EmulatorModule => ({ routes: [], onInvocation: (r) => seenByModule.push(r) });
  emu = await startEmulator({ fast: true, modules: [...MODULE_FACTORIES.map(([, f]) => f), spy] });
});
afterAll(() => emu.close());

describe('modules wired into the server', () => {
  it('every module sees each invocation; the memory module stores the turn as events', async () => {
    const sre = emu.world.runtimes('us-east-1').find((r) => r.name === 'sre_supervisor')!;
    const out = await dataClient(emu).send(
      new InvokeAgentRuntimeCommand({
        agentRuntimeArn: sre.arn,
        payload: payload({ prompt: 'Why is checkout slow?' }),
        runtimeSessionId: SESSION,
        runtimeUserId: 'alice',
      }),
    );
    await readBody(out);
    expect(seenByModule.at(-1)).toMatchObject({ runtimeName: 'sre_supervisor', memoryId: sre.memoryId, userId: 'alice', outcome: 'ok' });
    const events = await dataClient(emu).send(new ListEventsCommand({ memoryId: sre.memoryId, actorId: 'alice', sessionId: SESSION, includePayloads: true }));
    const texts = JSON.stringify(events.events);
    expect(texts).toContain('Why is checkout slow?');
  });

  it('memory data plane throttles with its own ThrottledException', async () => {
    emu.setFaults({ rules: [{ operation: 'ListEvents', throttleRate: 1 }] });
    try {
      const memoryId = emu.world.memories('us-east-1')[0]!.id;
      await expect(dataClient(emu).send(new ListEventsCommand({ memoryId, actorId: 'alice', sessionId: SESSION }))).rejects.toBeInstanceOf(ThrottledException);
    } finally {
      emu.reset();
    }
  });
});
