/**
 * The war room as main runs it, for tests and benchmarks: the emulator, a
 * SQLite file, the real fleet module (with its status history) over two
 * regions polled once, the real war-room module, a typed call per method
 * (inputs parsed by the contract's schemas, as the dispatcher does) and a
 * collecting sink per board stream whose signal aborts on close. A runtime
 * can be planted in the fleet cache before a restart, so the next poll sees
 * it gone exactly as it sees a deleted one.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { z } from 'zod';
import { EMULATOR_CREDENTIALS, startEmulator, type EmulatorOptions, type RunningEmulator } from '../../../src/emulator/index';
import type { StreamSink } from '../../../src/main/host/stream-hub';
import { ClientFactory } from '../../../src/main/services/aws/clients';
import { FleetCache } from '../../../src/main/services/fleet/fleet-cache';
import { createFleetModule, type FleetModule } from '../../../src/main/services/fleet/fleet-module';
import { silentLogger } from '../../../src/main/services/log/logger';
import { openDatabase, type Db } from '../../../src/main/services/store/database';
import type { LoadActivity } from '../../../src/main/services/warroom/warroom-deps';
import { createWarRoomModule, type WarRoomModule } from '../../../src/main/services/warroom/warroom-module';
import type { MethodName, MethodOutput } from '../../../src/shared/contract';
import { contract } from '../../../src/shared/contract';
import type { ApiError } from '../../../src/shared/errors';
import type { FleetResource } from '../../../src/shared/fleet';
import type { BoardFrame } from '../../../src/shared/warroom';
import { warroomInputs } from '../../../src/shared/warroom';
import { callAsOwner, OWNER } from './caller';

export const REGIONS = ['us-east-1', 'us-west-2'] as const;

type WarRoomMethod = Extract<MethodName, `warroom.${string}`>;

export interface BoardCollector {
  frames: BoardFrame[];
  ended: { error?: ApiError } | null;
  /** Resolves with the first frame (checked as each arrives) that satisfies `predicate`, or rejects after `ms`. */
  until(predicate: (f: BoardFrame) => boolean, ms?: number): Promise<BoardFrame>;
  close(): void;
}

export interface WarRoomRig {
  emu: RunningEmulator;
  db: Db;
  clients: ClientFactory;
  fleet: FleetModule;
  warroom: WarRoomModule;
  agentKey(name: string, region?: string): string;
  call<M extends WarRoomMethod>(method: M, input: z.input<(typeof contract)[M]['input']>): Promise<MethodOutput<M>>;
  board(input: z.input<typeof warroomInputs.board>): BoardCollector;
  /** A new war-room module on the same fleet and database (nothing cached: last error lines are read again). */
  renewWarRoom(): Promise<void>;
  /** Closes the fleet and war room, writes `resource` into the fleet cache, and starts both again (not yet polled). */
  restartWithCached(resource: FleetResource): Promise<void>;
  close(): Promise<void>;
}

export async function startWarRoomRig(
  emulator: EmulatorOptions = { fast: true },
  options: { loadActivity?: LoadActivity; logWaitMs?: number } = {},
): Promise<WarRoomRig> {
  const emu = await startEmulator(emulator);
  const dir = mkdtempSync(join(tmpdir(), 'warroom-rig-'));
  const { db } = openDatabase(dir, silentLogger);
  const clients = new ClientFactory({ kind: 'static', credentials: EMULATOR_CREDENTIALS, endpoint: emu.url });
  const makeFleet = () =>
    createFleetModule({
      db,
      clients,
      logger: silentLogger,
      cells: REGIONS.map((region) => ({ profile: 'demo', region })),
      intervalMs: () => 3_600_000,
      emit: () => undefined,
    });
  const makeWarRoom = (fleet: FleetModule) =>
    createWarRoomModule({
      db,
      clients,
      fleet: fleet.service,
      logger: silentLogger,
      loadActivity: options.loadActivity,
      backoff: { delaysMs: [5, 5] },
      logWaitMs: options.logWaitMs ?? 10_000,
      // Each test's board computes its own frame (sharing across boards has its unit test).
      shareMs: 0,
    });
  const boards = new Set<BoardCollector>();
  const rig: WarRoomRig = {
    emu,
    db,
    clients,
    fleet: makeFleet(),
    warroom: undefined as unknown as WarRoomModule,
    agentKey(name, region = 'us-east-1') {
      const runtime = emu.world.runtimes(region).find((r) => r.name === name);
      if (!runtime) throw new Error(`no demo runtime ${name} in ${region}`);
      return `demo|${region}|runtime|${runtime.id}`;
    },
    call: (method, input) => callAsOwner(rig.warroom.methods, method, input),
    board(input) {
      const aborter = new AbortController();
      const waiters = new Set<() => void>();
      const collector: BoardCollector = {
        frames: [],
        ended: null,
        until(predicate, ms = 15_000) {
          return new Promise((resolve, reject) => {
            const check = () => {
              const hit = collector.frames.find(predicate);
              if (!hit) return;
              waiters.delete(check);
              clearTimeout(timer);
              resolve(hit);
            };
            const timer = setTimeout(() => {
              waiters.delete(check);
              reject(new Error(`no such board frame within ${ms} ms; last: ${JSON.stringify(collector.frames.at(-1)?.notices)}`));
            }, ms);
            waiters.add(check);
            check();
          });
        },
        close: () => {
          aborter.abort();
          boards.delete(collector);
        },
      };
      const sink: StreamSink<BoardFrame> = {
        caller: OWNER,
        signal: aborter.signal,
        push: (frame) => {
          collector.frames.push(frame);
          for (const w of [...waiters]) w();
        },
        end: (error) => {
          collector.ended = error ? { error } : {};
        },
      };
      boards.add(collector);
      void rig.warroom.streams['warroom.board'](warroomInputs.board.parse(input), sink);
      return collector;
    },
    async renewWarRoom() {
      for (const b of [...boards]) b.close();
      await rig.warroom.close?.();
      rig.warroom = makeWarRoom(rig.fleet);
    },
    async restartWithCached(resource) {
      for (const b of [...boards]) b.close();
      await rig.warroom.close?.();
      await rig.fleet.close?.();
      await new FleetCache(db).apply([resource], [], [], Date.now());
      rig.fleet = makeFleet();
      rig.warroom = makeWarRoom(rig.fleet);
    },
    async close() {
      for (const b of [...boards]) b.close();
      await rig.warroom.close?.();
      await rig.fleet.close?.();
      clients.destroy();
      db.close();
      await emu.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  rig.warroom = makeWarRoom(rig.fleet);
  await rig.fleet.service.refresh();
  return rig;
}
