/**
 * `npm start -- --agent name=url`: the composition root puts each local agent
 * container in the demo fleet (even where AWS profiles exist), and the console
 * chats with it through the real SDK and the emulator's bridge.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startConsoleServices, type ConsoleServices } from '../../src/main/app/console-services';
import { parseHostArgs } from '../../src/main/app/cli-args';
import { silentLogger } from '../../src/main/services/log/logger';
import type { FleetSnapshot } from '../../src/shared/fleet';
import { staticKeysHome } from './helpers/static-keys-home';
import { OWNER } from './helpers/caller';
import { startTestAgent, type TestAgent } from './helpers/test-agent';

let agent: TestAgent;
let services: ConsoleServices;

beforeAll(async () => {
  agent = await startTestAgent();
  // A machine with an AWS profile configured: --agent still means the demo fleet.
  const home = staticKeysHome('console-agents-');
  const args = parseHostArgs(['--agent', `laptop_agent=${agent.url}`, '--agent', 'gone_agent=http://127.0.0.1:9']);
  services = await startConsoleServices({
    dataDir: join(home.dir, 'data'),
    host: 'web',
    version: 'test',
    demo: args.demo,
    logger: silentLogger,
    env: home.env,
    emulator: { fast: true },
    ...(args.agents ? { agents: args.agents } : {}),
  });
});
afterAll(async () => {
  await services?.close();
  await agent?.close();
});

const list = async (): Promise<FleetSnapshot> => {
  const envelope = await services.dispatch(OWNER, 'fleet.list', {});
  if (!envelope.ok) throw new Error(envelope.error.message);
  return envelope.result as FleetSnapshot;
};

describe('local agents in the demo fleet', () => {
  it('lists each --agent next to the demo agents, with its container health', async () => {
    expect(services.info().dataSource.kind).toBe('demo');
    await vi.waitFor(
      async () => {
        const runtimes = (await list()).resources.filter((r) => r.kind === 'runtime');
        expect(runtimes.find((r) => r.name === 'laptop_agent')).toMatchObject({ region: 'us-east-1', status: 'READY' });
        expect(runtimes.find((r) => r.name === 'gone_agent')).toMatchObject({ status: 'UPDATE_FAILED' });
        expect(runtimes.some((r) => r.name === 'coach_companion')).toBe(true);
      },
      { timeout: 10_000 },
    );
  });
});
