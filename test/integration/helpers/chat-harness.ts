/**
 * The real chat service against a started emulator: the real SDK through the
 * console's ClientFactory, the fleet from a real poll, a SQLite file in a
 * temp dir (so tests can reopen it), and every pushed event recorded.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EMULATOR_CREDENTIALS, startEmulator, type EmulatorOptions, type RunningEmulator } from '../../../src/emulator/index';
import type { ChatMessage, ChatReplyItem, ChatStep } from '../../../src/shared/chat';
import { ClientFactory } from '../../../src/main/services/aws/clients';
import { ChatService, type ChatServiceOptions } from '../../../src/main/services/chat/chat-service';
import { ChatStore } from '../../../src/main/services/chat/chat-store';
import { ChatTranscripts } from '../../../src/main/services/chat/chat-transcripts';
import { fleetDirectory } from '../../../src/main/services/chat/fleet-directory';
import { FleetCache } from '../../../src/main/services/fleet/fleet-cache';
import { FleetService } from '../../../src/main/services/fleet/fleet-service';
import { AgentInvoker } from '../../../src/main/services/invoke/agent-invoker';
import { silentLogger } from '../../../src/main/services/log/logger';
import { MemorySecretStore, type SecretStore } from '../../../src/main/services/secrets/secret-store';
import { openDatabase, type Db } from '../../../src/main/services/store/database';
import { MessageSearchIndex } from '../../../src/main/services/store/message-index';

export const REGIONS = ['us-east-1', 'us-west-2', 'eu-central-1'];

/** A reply's items as a test reads them: which message each delta belongs to, and each final message. */
export interface ChatDelta {
  sessionId: string;
  messageId: number;
  text: string;
  steps?: ChatStep[];
}
export interface ChatCompleted {
  sessionId: string;
  message: ChatMessage;
}

export interface ChatHarness {
  emu: RunningEmulator;
  dir: string;
  db: Db;
  chat: ChatService;
  transcripts: ChatTranscripts;
  fleet: FleetService;
  clients: ClientFactory;
  deltas: ChatDelta[];
  completed: ChatCompleted[];
  /** Records a reply's items as `deltas` / `completed` (what a stream of it would carry). */
  follower(sessionId: string): (item: ChatReplyItem) => void;
  /** `demo|<region>|runtime|<id>` of a demo agent by name. */
  agentKey(name: string, region?: string): string;
  /** Sends and waits for the reply's final stored message. */
  ask(sessionId: string, prompt: string, extra?: { mode?: 'template' | 'raw'; raw?: string }): Promise<ChatMessage>;
  /** Closes the service and the database, then opens both again on the same file (a restart). */
  reopen(): Promise<void>;
  close(): Promise<void>;
}

export async function startChatHarness(
  opts: { emulator?: EmulatorOptions; service?: Partial<ChatServiceOptions>; secrets?: SecretStore } = {},
): Promise<ChatHarness> {
  const emu = await startEmulator({ fast: true, ...opts.emulator });
  const dir = mkdtempSync(join(tmpdir(), 'chat-it-'));
  const clients = new ClientFactory({ kind: 'static', credentials: EMULATOR_CREDENTIALS, endpoint: emu.url });
  const secrets = opts.secrets ?? new MemorySecretStore();
  const deltas: ChatDelta[] = [];
  const completed: ChatCompleted[] = [];
  const waiters = new Map<number, (message: ChatMessage) => void>();

  const open = (): { db: Db; fleet: FleetService; chat: ChatService; transcripts: ChatTranscripts } => {
    const { db } = openDatabase(dir, silentLogger);
    const fleet = new FleetService({
      cells: REGIONS.map((region) => ({ profile: 'demo', region })),
      clients,
      cache: new FleetCache(db),
      logger: silentLogger,
      onDiff: () => undefined,
      intervalMs: () => 3_600_000,
    });
    const store = new ChatStore(db);
    const agents = fleetDirectory(fleet);
    const chat = new ChatService({ store, invoker: new AgentInvoker(clients), agents, secrets, logger: silentLogger, ...opts.service });
    const transcripts = new ChatTranscripts({ store, search: new MessageSearchIndex(db), sessions: chat, agents });
    return { db, fleet, chat, transcripts };
  };

  let state = open();
  await state.fleet.refresh();
  state.fleet.stop();

  const harness: ChatHarness = {
    emu,
    dir,
    get db() {
      return state.db;
    },
    get chat() {
      return state.chat;
    },
    get transcripts() {
      return state.transcripts;
    },
    get fleet() {
      return state.fleet;
    },
    clients,
    deltas,
    completed,
    follower: (sessionId) => {
      let messageId = -1;
      return (item) => {
        if (item.kind === 'started') messageId = item.assistantMessageId;
        else if (item.kind === 'delta') deltas.push({ sessionId, messageId, text: item.text, ...(item.steps ? { steps: item.steps } : {}) });
        else {
          completed.push({ sessionId, message: item.message });
          waiters.get(item.message.id)?.(item.message);
        }
      };
    },
    agentKey(name, region = 'us-east-1') {
      const runtime = emu.world.runtimes(region).find((r) => r.name === name);
      if (!runtime) throw new Error(`no demo runtime ${name} in ${region}`);
      return `demo|${region}|runtime|${runtime.id}`;
    },
    async ask(sessionId, prompt, extra = {}) {
      const sent = state.chat.send(
        { sessionId, prompt, mode: extra.mode ?? 'template', ...(extra.raw !== undefined ? { raw: extra.raw } : {}) },
        harness.follower(sessionId),
      );
      const done = completed.find((c) => c.message.id === sent.assistantMessageId);
      if (done) return done.message;
      return new Promise<ChatMessage>((resolve) => waiters.set(sent.assistantMessageId, resolve));
    },
    async reopen() {
      await state.chat.close();
      state.db.close();
      state = open();
      await state.fleet.refresh();
      state.fleet.stop();
    },
    async close() {
      await state.chat.close();
      state.fleet.stop();
      state.db.close();
      clients.destroy();
      await emu.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return harness;
}
