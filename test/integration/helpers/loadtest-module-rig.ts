/**
 * The load-test module as main runs it, beside the chat module whose
 * templates and invoker it shares: the emulator, a SQLite file, a polled
 * fleet of one region, typed calls parsed by the contract's schemas, and a
 * switch for the data source kind (demo or real AWS).
 */
import type { z } from 'zod';
import type { EmulatorOptions } from '../../../src/emulator/index';
import { createChatModule, type ChatModule } from '../../../src/main/services/chat/chat-module';
import { createLoadTestModule, type LoadTestModule } from '../../../src/main/services/loadtest/loadtest-module';
import { silentLogger } from '../../../src/main/services/log/logger';
import type { Db } from '../../../src/main/services/store/database';
import type { DataSource } from '../../../src/shared/app';
import { contract, streams, type MethodName, type MethodOutput } from '../../../src/shared/contract';
import type { LoadLiveItem, LoadRun } from '../../../src/shared/loadtest';
import { callAsOwner, OWNER } from './caller';
import { startDemoFleetRig, type DemoFleetRig } from './demo-fleet-rig';

type Method = Extract<MethodName, `loadtest.${string}`>;

export interface LoadTestModuleRig extends DemoFleetRig {
  loadtest: LoadTestModule;
  chat: ChatModule;
  dataSource: { kind: DataSource['kind'] };
  call<M extends Method>(method: M, input: z.input<(typeof contract)[M]['input']>): Promise<MethodOutput<M>>;
  /** Opens `loadtest.live` and calls `until` with each item; resolves with the items once it answers true (or at `done`). */
  follow(runId: string, until?: (item: LoadLiveItem) => boolean): Promise<LoadLiveItem[]>;
  /** Resolves with the finished run. */
  finished(runId: string): Promise<LoadRun>;
  /** A second module over another database (a console started again on the data a close left). */
  reopen(db: Db): LoadTestModule;
}

export async function startLoadTestModuleRig(emulator: EmulatorOptions): Promise<LoadTestModuleRig> {
  const base = await startDemoFleetRig(emulator, 'us-east-1', 'loadtest-rig-');
  const chat = createChatModule({ db: base.db, clients: base.clients, fleet: base.fleet, logger: silentLogger });
  const dataSource: { kind: DataSource['kind'] } = { kind: 'demo' };
  const build = (db: Db): LoadTestModule =>
    createLoadTestModule({ db, clients: base.clients, fleet: base.fleet, chat: chat.service, logger: silentLogger, dataSourceKind: () => dataSource.kind });
  const loadtest = build(base.db);
  const rig: LoadTestModuleRig = {
    ...base,
    loadtest,
    chat,
    dataSource,
    call: (method, input) => callAsOwner(loadtest.methods, method, input),
    follow(runId, until = () => false) {
      const items: LoadLiveItem[] = [];
      const abort = new AbortController();
      return new Promise((resolve, reject) => {
        const sink = {
          caller: OWNER,
          signal: abort.signal,
          push(item: LoadLiveItem) {
            items.push(item);
            if (until(item) || item.kind === 'done') {
              abort.abort();
              resolve(items);
            }
          },
          end: () => resolve(items),
        };
        Promise.resolve(loadtest.streams['loadtest.live'](streams['loadtest.live'].input.parse({ runId }), sink)).catch(reject);
      });
    },
    async finished(runId) {
      const items = await rig.follow(runId);
      const done = items.find((i) => i.kind === 'done');
      if (!done || done.kind !== 'done') throw new Error('the live stream ended without done');
      return done.run;
    },
    reopen: build,
    async close() {
      await loadtest.close?.();
      await chat.close?.();
      await base.close();
    },
  };
  return rig;
}
