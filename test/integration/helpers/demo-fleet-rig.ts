/**
 * What every module rig starts with: the emulator, a SQLite file, clients
 * pointed at the emulator with its demo key, and a fleet of one region
 * polled once (so modules can resolve fleet keys), plus agent keys by name.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EMULATOR_CREDENTIALS, startEmulator, type EmulatorOptions, type RunningEmulator } from '../../../src/emulator/index';
import { ClientFactory } from '../../../src/main/services/aws/clients';
import { FleetCache } from '../../../src/main/services/fleet/fleet-cache';
import { FleetService } from '../../../src/main/services/fleet/fleet-service';
import { silentLogger } from '../../../src/main/services/log/logger';
import { openDatabase, type Db } from '../../../src/main/services/store/database';

export interface DemoFleetRig {
  emu: RunningEmulator;
  db: Db;
  clients: ClientFactory;
  fleet: FleetService;
  /** `demo|<region>|runtime|<id>` of a demo agent by name. */
  agentKey(name: string): string;
  close(): Promise<void>;
}

export async function startDemoFleetRig(emulator: EmulatorOptions, region = 'us-east-1', prefix = 'fleet-rig-'): Promise<DemoFleetRig> {
  const emu = await startEmulator(emulator);
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const { db } = openDatabase(dir, silentLogger);
  const clients = new ClientFactory({ kind: 'static', credentials: EMULATOR_CREDENTIALS, endpoint: emu.url });
  const fleet = new FleetService({
    cells: [{ profile: 'demo', region }],
    clients,
    cache: new FleetCache(db),
    logger: silentLogger,
    onDiff: () => undefined,
    intervalMs: () => 3_600_000,
  });
  await fleet.refresh();
  fleet.stop();
  return {
    emu,
    db,
    clients,
    fleet,
    agentKey(name) {
      const runtime = emu.world.runtimes(region).find((r) => r.name === name);
      if (!runtime) throw new Error(`no demo runtime ${name} in ${region}`);
      return `demo|${region}|runtime|${runtime.id}`;
    },
    async close() {
      await fleet.flushed();
      clients.destroy();
      db.close();
      await emu.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
