/**
 * The chat module as main runs it, for tests and benchmarks of the reply
 * streams: the emulator, a SQLite file, a polled fleet of one region, the
 * real chat module, and a stream hub serving its streams.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EMULATOR_CREDENTIALS, startEmulator, type EmulatorOptions, type RunningEmulator } from '../../../src/emulator/index';
import { StreamHub } from '../../../src/main/host/stream-hub';
import { ClientFactory } from '../../../src/main/services/aws/clients';
import { createChatModule, type ChatModule } from '../../../src/main/services/chat/chat-module';
import { FleetCache } from '../../../src/main/services/fleet/fleet-cache';
import { FleetService } from '../../../src/main/services/fleet/fleet-service';
import { silentLogger } from '../../../src/main/services/log/logger';
import { openDatabase, type Db } from '../../../src/main/services/store/database';

export interface ChatModuleRig {
  emu: RunningEmulator;
  db: Db;
  chat: ChatModule;
  hub: StreamHub;
  /** `demo|<region>|runtime|<id>` of a demo agent by name. */
  agentKey(name: string): string;
  close(): Promise<void>;
}

export async function startChatModuleRig(emulator: EmulatorOptions, region = 'us-east-1'): Promise<ChatModuleRig> {
  const emu = await startEmulator(emulator);
  const dir = mkdtempSync(join(tmpdir(), 'chat-rig-'));
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
  const chat = createChatModule({ db, clients, fleet, logger: silentLogger });
  return {
    emu,
    db,
    chat,
    hub: new StreamHub({ ...chat.streams }, silentLogger),
    agentKey(name) {
      const runtime = emu.world.runtimes(region).find((r) => r.name === name);
      if (!runtime) throw new Error(`no demo runtime ${name} in ${region}`);
      return `demo|${region}|runtime|${runtime.id}`;
    },
    async close() {
      await chat.close?.();
      clients.destroy();
      db.close();
      await emu.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
