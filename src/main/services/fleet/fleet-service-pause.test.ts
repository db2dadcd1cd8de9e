/** pauseProfile / resumeProfile: an expired SSO session stops only its own profile's cells. */
import type { BedrockAgentCoreControlClient } from '@aws-sdk/client-bedrock-agentcore-control';
import { describe, expect, it } from 'vitest';
import type { FleetCell } from '../../../shared/fleet';
import { silentLogger } from '../log/logger';
import { openMemoryDatabase } from '../store/database';
import { FleetCache } from './fleet-cache';
import { FleetService } from './fleet-service';

const EXPIRED = { code: 'SessionExpired', message: 'Session expired — Sign in' };

/** A control-plane stand-in that answers every list with an empty page and counts calls per profile. */
function stubClients(onSend: (profile: string) => void = () => undefined) {
  const calls = new Map<string, number>();
  return {
    calls,
    forCell(profile: string) {
      const send = async (command: { constructor: { name: string } }): Promise<unknown> => {
        calls.set(profile, (calls.get(profile) ?? 0) + 1);
        onSend(profile);
        const name = command.constructor.name;
        if (name === 'ListAgentRuntimesCommand') return { agentRuntimes: [] };
        if (name === 'ListMemoriesCommand') return { memories: [] };
        return { items: [] };
      };
      return { control: { send } as unknown as BedrockAgentCoreControlClient };
    },
  };
}

function fleetWith(clients: ReturnType<typeof stubClients>) {
  const diffs: FleetCell[][] = [];
  const fleet = new FleetService({
    cells: [
      { profile: 'sso-dev', region: 'us-east-1' },
      { profile: 'sso-dev', region: 'us-west-2' },
      { profile: 'static-prod', region: 'us-east-1' },
    ],
    clients,
    cache: new FleetCache(openMemoryDatabase()),
    logger: silentLogger,
    onDiff: (diff) => diffs.push(diff.cells),
    intervalMs: () => 60_000,
  });
  return { fleet, diffs };
}

const states = (cells: FleetCell[]) => cells.map((c) => `${c.profile}|${c.region}:${c.state}${c.error ? `:${c.error.code}` : ''}`);

describe('FleetService.pauseProfile / resumeProfile', () => {
  it('pauses only the expired profile, keeps polling the others, and resumes after sign-in', async () => {
    const clients = stubClients();
    const { fleet, diffs } = fleetWith(clients);
    await fleet.refresh();

    fleet.pauseProfile('sso-dev', EXPIRED);
    expect(states(diffs.at(-1)!)).toEqual(['sso-dev|us-east-1:paused:SessionExpired', 'sso-dev|us-west-2:paused:SessionExpired', 'static-prod|us-east-1:ok']);
    expect(fleet.snapshot().cells[0]?.error?.message).toBe('Session expired — Sign in');

    const before = { dev: clients.calls.get('sso-dev'), prod: clients.calls.get('static-prod') ?? 0 };
    const snapshot = await fleet.refresh();
    expect(clients.calls.get('sso-dev')).toBe(before.dev);
    expect(clients.calls.get('static-prod')).toBeGreaterThan(before.prod);
    expect(states(snapshot.cells)).toEqual(['sso-dev|us-east-1:paused:SessionExpired', 'sso-dev|us-west-2:paused:SessionExpired', 'static-prod|us-east-1:ok']);

    fleet.resumeProfile('sso-dev');
    const resumed = await fleet.refresh();
    fleet.stop();
    expect(clients.calls.get('sso-dev')).toBeGreaterThan(before.dev!);
    expect(states(resumed.cells)).toEqual(['sso-dev|us-east-1:ok', 'sso-dev|us-west-2:ok', 'static-prod|us-east-1:ok']);
  });

  it('keeps a cell paused when the pause comes from inside its own failing poll', async () => {
    // The real sequence: the SSO credential provider finds the token expired, asks for the pause, then throws.
    const holder: { fleet?: FleetService } = {};
    const clients = stubClients((profile) => {
      if (profile !== 'sso-dev') return;
      holder.fleet?.pauseProfile('sso-dev', EXPIRED);
      throw Object.assign(new Error(EXPIRED.message), { name: 'SessionExpired' });
    });
    const fleet = (holder.fleet = fleetWith(clients).fleet);
    const snapshot = await fleet.refresh();
    fleet.stop();
    expect(states(snapshot.cells)).toEqual(['sso-dev|us-east-1:paused:SessionExpired', 'sso-dev|us-west-2:paused:SessionExpired', 'static-prod|us-east-1:ok']);
  });

  it('ignores resume for a profile that is not paused', async () => {
    const clients = stubClients();
    const { fleet } = fleetWith(clients);
    await fleet.refresh();
    const calls = clients.calls.get('static-prod');
    fleet.resumeProfile('static-prod');
    fleet.stop();
    expect(clients.calls.get('static-prod')).toBe(calls);
  });

  it("treats a clock-skew rejection as that cell's error with a hint about the clock, not as an expired session", async () => {
    const clients = stubClients((profile) => {
      if (profile === 'sso-dev')
        throw Object.assign(new Error('Signature expired: 20261128T100000Z is now earlier than 20261128T100500Z'), { name: 'InvalidSignatureException' });
    });
    const { fleet } = fleetWith(clients);
    const snapshot = await fleet.refresh();
    fleet.stop();
    expect(snapshot.cells[0]).toMatchObject({
      state: 'error',
      error: { code: 'InvalidSignatureException', message: expect.stringMatching(/clock may be wrong/) },
    });
    expect(snapshot.cells[2]?.state).toBe('ok');
  });
});
