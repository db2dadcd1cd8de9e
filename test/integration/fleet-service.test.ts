/** The fleet poller against the emulator through the real SDK: all regions, diffs, cache, and an isolated failing cell. */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { EMULATOR_CREDENTIALS, startEmulator, type RunningEmulator } from '../../src/emulator/index';
import type { FleetDiff } from '../../src/shared/fleet';
import { ClientFactory } from '../../src/main/services/aws/clients';
import { FleetCache } from '../../src/main/services/fleet/fleet-cache';
import { FleetService } from '../../src/main/services/fleet/fleet-service';
import { silentLogger } from '../../src/main/services/log/logger';
import { openMemoryDatabase } from '../../src/main/services/store/database';

let emulator: RunningEmulator;
beforeAll(async () => {
  // Strict, as in the console's own demo: the failing-cell test relies on an unknown key being refused.
  emulator = await startEmulator({ fast: true, strictCredentials: true });
});
afterAll(() => emulator.close());

const regions = ['us-east-1', 'us-west-2', 'eu-central-1'];

function service(
  db = openMemoryDatabase(),
  diffs: FleetDiff[] = [],
  clients: Pick<ClientFactory, 'forCell'> = new ClientFactory({ kind: 'static', credentials: EMULATOR_CREDENTIALS, endpoint: emulator.url }),
): FleetService {
  return new FleetService({
    cells: regions.map((region) => ({ profile: 'demo', region })),
    clients,
    cache: new FleetCache(db),
    logger: silentLogger,
    onDiff: (diff) => diffs.push(diff),
    intervalMs: () => 60_000,
  });
}

describe('FleetService against the emulator', () => {
  it('lists runtimes, harnesses, memories and gateways in every region, with endpoints and failure reasons', async () => {
    const fleet = service();
    const snapshot = await fleet.refresh();
    fleet.stop();
    expect(snapshot.cells.map((c) => c.state)).toEqual(['ok', 'ok', 'ok']);
    expect(new Set(snapshot.resources.map((r) => r.region))).toEqual(new Set(regions));
    expect(new Set(snapshot.resources.map((r) => r.kind))).toEqual(new Set(['runtime', 'harness', 'memory', 'gateway']));
    const runtime = snapshot.resources.find((r) => r.kind === 'runtime' && r.health === 'ok');
    expect(runtime?.endpoints?.length).toBeGreaterThan(0);
    const failed = snapshot.resources.find((r) => r.status === 'UPDATE_FAILED');
    expect(failed?.failureReason).toBeTruthy();
    expect(runtime?.accountId).toMatch(/^\d{12}$/);
  });

  it('sends the whole fleet once, then only changes', async () => {
    const diffs: FleetDiff[] = [];
    const fleet = service(openMemoryDatabase(), diffs);
    await fleet.refresh();
    const firstTotal = diffs.reduce((n, d) => n + d.upserted.length, 0);
    diffs.length = 0;
    await fleet.refresh();
    fleet.stop();
    expect(firstTotal).toBeGreaterThan(10);
    expect(diffs.reduce((n, d) => n + d.upserted.length + d.removed.length, 0)).toBe(0);
  });

  it('serves the last-known fleet from the cache before the first poll', async () => {
    const db = openMemoryDatabase();
    const first = service(db);
    const polled = await first.refresh();
    first.stop();
    const reopened = service(db).snapshot();
    expect(reopened.fromCache).toBe(true);
    expect(reopened.asOf).toBe(polled.asOf);
    expect(reopened.resources.length).toBe(polled.resources.length);
  });

  it('keeps a failing cell to itself with its own error', async () => {
    const good = new ClientFactory({ kind: 'static', credentials: EMULATOR_CREDENTIALS, endpoint: emulator.url });
    const bad = new ClientFactory({ kind: 'static', credentials: { accessKeyId: 'AKIDUNKNOWN000000000', secretAccessKey: 'x' }, endpoint: emulator.url });
    const fleet = service(openMemoryDatabase(), [], { forCell: (profile, region) => (region === 'us-west-2' ? bad : good).forCell(profile, region) });
    const snapshot = await fleet.refresh();
    fleet.stop();
    const byRegion = Object.fromEntries(snapshot.cells.map((c) => [c.region, c]));
    expect(byRegion['us-west-2']).toMatchObject({ state: 'error', error: { code: 'UnrecognizedClientException' } });
    expect(byRegion['us-east-1']?.state).toBe('ok');
    expect(snapshot.resources.some((r) => r.region === 'eu-central-1')).toBe(true);
    expect(snapshot.resources.some((r) => r.region === 'us-west-2')).toBe(false);
  });

  it('shows access denied in one region on that cell only', async () => {
    emulator.setFaults({ rules: [{ operation: '*', region: 'eu-central-1', accessDeniedRate: 1 }] });
    try {
      const fleet = service();
      const snapshot = await fleet.refresh();
      fleet.stop();
      const byRegion = Object.fromEntries(snapshot.cells.map((c) => [c.region, c]));
      expect(byRegion['eu-central-1']).toMatchObject({ state: 'error', error: { code: 'AccessDeniedException' } });
      expect(byRegion['eu-central-1']?.error?.message).toContain('eu-central-1');
      expect(byRegion['us-east-1']?.state).toBe('ok');
      expect(snapshot.resources.some((r) => r.region === 'us-west-2')).toBe(true);
    } finally {
      emulator.reset();
    }
  });

  it('skips a runtime deleted between list and get instead of failing the region', async () => {
    const fleet = service();
    const before = await fleet.refresh();
    fleet.stop();
    // Every runtime vanishes right after the listing: its endpoint and detail calls answer 404.
    emulator.setFaults({ rules: [{ operation: 'ListAgentRuntimeEndpoints', notFoundRate: 1 }] });
    try {
      const fresh = service();
      const after = await fresh.refresh();
      fresh.stop();
      expect(after.cells.map((c) => c.state)).toEqual(['ok', 'ok', 'ok']);
      expect(after.resources.filter((r) => r.kind === 'runtime')).toEqual([]);
      expect(after.resources.filter((r) => r.kind === 'gateway').length).toBe(before.resources.filter((r) => r.kind === 'gateway').length);
    } finally {
      emulator.reset();
    }
  });

  it('stops polling while nobody can see the console, and catches up when it is visible again', async () => {
    const factory = new ClientFactory({ kind: 'static', credentials: EMULATOR_CREDENTIALS, endpoint: emulator.url });
    let lists = 0;
    const instrumented = new Set<object>();
    const fleet = new FleetService({
      cells: [{ profile: 'demo', region: 'us-west-2' }],
      clients: {
        forCell: (profile, region) => {
          const c = factory.forCell(profile, region);
          if (!instrumented.has(c.control)) {
            instrumented.add(c.control);
            c.control.middlewareStack.add((next, context) => (args) => ((lists += context.commandName === 'ListAgentRuntimesCommand' ? 1 : 0), next(args)), {
              step: 'initialize',
              name: 'testListCount',
            });
          }
          return c;
        },
      },
      cache: new FleetCache(openMemoryDatabase()),
      logger: silentLogger,
      onDiff: () => undefined,
      intervalMs: () => 20,
      fastLaneWindowMs: 0,
    });
    fleet.start();
    try {
      await vi.waitFor(() => expect(lists).toBeGreaterThanOrEqual(3), { timeout: 10_000 });
      fleet.setVisible(false);
      await vi.waitFor(() => expect(fleet.snapshot().cells[0]?.state).toBe('ok'));
      const hidden = lists;
      // Ten intervals pass with the window hidden: at most the poll already in flight lands.
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(lists - hidden).toBeLessThanOrEqual(1);
      const beforeVisible = lists;
      fleet.setVisible(true);
      await vi.waitFor(() => expect(lists).toBeGreaterThan(beforeVisible + 1), { timeout: 10_000 });
    } finally {
      fleet.stop();
    }
  });

  it('never sends the secret key to the renderer-facing snapshot', async () => {
    const fleet = service();
    const snapshot = await fleet.refresh();
    fleet.stop();
    expect(JSON.stringify(snapshot)).not.toContain(EMULATOR_CREDENTIALS.secretAccessKey);
  });

  it('loads agent detail: authorizer, env var names without values, linked memory, versions and endpoints', async () => {
    const fleet = service();
    const snapshot = await fleet.refresh();
    const runtimes = snapshot.resources.filter((r) => r.kind === 'runtime' && r.region === 'us-east-1');
    const details = await Promise.all(runtimes.map((r) => fleet.detail(r.key)));
    fleet.stop();
    const oauth = details.find((d) => d.kind === 'runtime' && d.authorizer.type === 'jwt');
    expect(oauth, 'the demo fleet has an OAuth agent').toBeDefined();
    const withMemory = details.find((d) => d.kind === 'runtime' && d.linkedMemoryKeys.length > 0);
    expect(withMemory && snapshot.resources.some((r) => r.key === (withMemory.kind === 'runtime' && withMemory.linkedMemoryKeys[0]))).toBe(true);
    const sample = details[0];
    expect(sample?.kind === 'runtime' && sample.versions.length).toBeGreaterThan(0);
    expect(sample?.kind === 'runtime' && sample.environmentVariableNames).toContain('AWS_REGION');
    // Names only: no value (a region name here) crosses to the renderer.
    expect(JSON.stringify(sample)).not.toMatch(/"AWS_REGION"\s*:/);
    expect(sample?.timeline[0]).toMatchObject({ from: null });
  });

  it('explains gateway targets waiting for authorization', async () => {
    const fleet = service();
    const snapshot = await fleet.refresh();
    const gateways = snapshot.resources.filter((r) => r.kind === 'gateway');
    const details = await Promise.all(gateways.map((g) => fleet.detail(g.key)));
    fleet.stop();
    const pending = details.flatMap((d) => (d.kind === 'gateway' ? d.targets : [])).find((t) => t.status === 'CREATE_PENDING_AUTH');
    expect(pending?.health).toBe('pending');
    expect(pending?.statusReasons.length).toBeGreaterThan(0);
  });

  it('answers not_found for a key that is not in the fleet', async () => {
    const fleet = service();
    await fleet.refresh();
    fleet.stop();
    await expect(fleet.detail('demo|us-east-1|runtime|gone-0000000000')).rejects.toMatchObject({ code: 'not_found' });
  });

  it('re-fetches detail only for changed, transitional or due resources, and refreshes every runtime within ten polls', async () => {
    const factory = new ClientFactory({ kind: 'static', credentials: EMULATOR_CREDENTIALS, endpoint: emulator.url });
    const calls: string[] = [];
    const instrumented = new Set<object>();
    const clients = {
      forCell: (profile: string, region: string) => {
        const c = factory.forCell(profile, region);
        if (!instrumented.has(c.control)) {
          instrumented.add(c.control);
          c.control.middlewareStack.add(
            (next, context) => (args) => {
              const input = args.input as { agentRuntimeId?: string };
              calls.push(`${String(context.commandName)}:${input.agentRuntimeId ?? ''}`);
              return next(args);
            },
            { step: 'initialize', name: 'testCallLog' },
          );
        }
        return c;
      },
    };
    const fleet = service(openMemoryDatabase(), [], clients);
    const first = await fleet.refresh();
    const firstCalls = calls.length;
    const runtimeIds = first.resources.filter((r) => r.kind === 'runtime').map((r) => r.id);
    calls.length = 0;
    await fleet.refresh();
    const secondCalls = calls.length;
    for (let i = 0; i < 9; i++) await fleet.refresh();
    fleet.stop();
    expect(secondCalls).toBeLessThan(firstCalls / 2);
    // Over ten polls the rotation re-reads the endpoints of every runtime at least once.
    const refreshed = new Set(calls.filter((c) => c.startsWith('ListAgentRuntimeEndpointsCommand:')).map((c) => c.split(':')[1]));
    expect(runtimeIds.filter((id) => !refreshed.has(id))).toEqual([]);
  });

  /** A one-region service whose GetAgentRuntime calls are logged (the fast lane's signature call). */
  function fastLaneProbe(fastLaneWindowMs?: number): { fleet: FleetService; gets: string[] } {
    const factory = new ClientFactory({ kind: 'static', credentials: EMULATOR_CREDENTIALS, endpoint: emulator.url });
    const gets: string[] = [];
    const instrumented = new Set<object>();
    const fleet = new FleetService({
      cells: [{ profile: 'demo', region: 'us-east-1' }],
      clients: {
        forCell: (profile, region) => {
          const c = factory.forCell(profile, region);
          if (!instrumented.has(c.control)) {
            instrumented.add(c.control);
            c.control.middlewareStack.add(
              (next, context) => (args) => {
                if (context.commandName === 'GetAgentRuntimeCommand') gets.push((args.input as { agentRuntimeId: string }).agentRuntimeId);
                return next(args);
              },
              { step: 'initialize', name: 'testGetLog' },
            );
          }
          return c;
        },
      },
      cache: new FleetCache(openMemoryDatabase()),
      logger: silentLogger,
      onDiff: () => undefined,
      intervalMs: () => 60_000,
      transitionalIntervalMs: 10,
      ...(fastLaneWindowMs !== undefined ? { fastLaneWindowMs } : {}),
    });
    return { fleet, gets };
  }

  const busyRuntime = (fleet: FleetService) =>
    fleet.snapshot().resources.find((r) => r.kind === 'runtime' && (r.status === 'UPDATING' || r.endpoints?.some((e) => e.status === 'UPDATING')));

  it('re-reads transitional resources between full polls', async () => {
    const { fleet, gets } = fastLaneProbe();
    fleet.start();
    try {
      await vi.waitFor(() => expect(fleet.snapshot().cells[0]?.state).toBe('ok'), { timeout: 10_000 });
      const busy = busyRuntime(fleet);
      expect(busy, 'the demo fleet has a runtime mid-deploy').toBeDefined();
      // Without any further full poll (interval 60 s), the busy runtime is read again and again.
      await vi.waitFor(() => expect(gets.filter((id) => id === busy?.id).length).toBeGreaterThanOrEqual(2), { timeout: 10_000 });
    } finally {
      fleet.stop();
    }
  });

  it('stops re-reading a resource that has been transitional for longer than the fast-lane window', async () => {
    const { fleet, gets } = fastLaneProbe(0);
    fleet.start();
    try {
      await vi.waitFor(() => expect(fleet.snapshot().cells[0]?.state).toBe('ok'), { timeout: 10_000 });
      const busy = busyRuntime(fleet);
      expect(busy).toBeDefined();
      const afterPoll = gets.filter((id) => id === busy?.id).length;
      // Thirty fast-lane intervals later, still no extra reads.
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(gets.filter((id) => id === busy?.id).length).toBe(afterPoll);
    } finally {
      fleet.stop();
    }
  });
});
