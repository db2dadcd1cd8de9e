/**
 * The chat module as main runs it, for tests and benchmarks of the reply
 * streams: the emulator, a SQLite file, a polled fleet of one region, the
 * real chat module, and a stream hub serving its streams.
 */
import type { EmulatorOptions, RunningEmulator } from '../../../src/emulator/index';
import type { Db } from '../../../src/main/services/store/database';
import { startDemoFleetRig } from './demo-fleet-rig';
import { StreamHub } from '../../../src/main/host/stream-hub';
import { createChatModule, type ChatModule } from '../../../src/main/services/chat/chat-module';
import { silentLogger } from '../../../src/main/services/log/logger';

export interface ChatModuleRig {
  emu: RunningEmulator;
  db: Db;
  chat: ChatModule;
  hub: StreamHub;
  /** `demo|<region>|runtime|<id>` of a demo agent by name. */
  agentKey(name: string): string;
  close(): Promise<void>;
}

const unserved = (name: string) => (): never => {
  throw new Error(`the chat rig serves no ${name}`);
};

export async function startChatModuleRig(emulator: EmulatorOptions, region = 'us-east-1'): Promise<ChatModuleRig> {
  const base = await startDemoFleetRig(emulator, region, 'chat-rig-');
  const chat = createChatModule({ db: base.db, clients: base.clients, fleet: base.fleet, logger: silentLogger });
  return {
    emu: base.emu,
    db: base.db,
    chat,
    hub: new StreamHub(
      {
        ...chat.streams,
        'logs.tail': unserved('logs.tail'),
        'warroom.board': unserved('warroom.board'),
        'loadtest.live': unserved('loadtest.live'),
      },
      silentLogger,
    ),
    agentKey: base.agentKey,
    async close() {
      await chat.close?.();
      await base.close();
    },
  };
}
