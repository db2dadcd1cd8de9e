/**
 * Chat as a feature module: sessions, templates, bearer tokens, search and
 * transcripts as methods, and the reply as a stream owned by the connection
 * that sent the prompt. The reply itself belongs to main: a stream that
 * closes (tab gone, window reloaded) stops being pushed to at once, while the
 * reply completes into SQLite and `chat.watch` can follow it again.
 */
import type { ChatReplyItem } from '../../../shared/chat';
import type { FeatureModule } from '../../app/feature-module';
import type { StreamSink } from '../../host/stream-hub';
import type { ClientFactory } from '../aws/clients';
import type { FleetService } from '../fleet/fleet-service';
import { AgentInvoker } from '../invoke/agent-invoker';
import type { ReplyTimeouts } from '../invoke/read-reply';
import type { Logger } from '../log/logger';
import { EncryptedSecretStore, MemorySecretStore, type StringCipher } from '../secrets/secret-store';
import type { Db } from '../store/database';
import { MessageSearchIndex } from '../store/message-index';
import { ChatService } from './chat-service';
import { ChatStore } from './chat-store';
import { ChatTranscripts } from './chat-transcripts';
import { fleetDirectory } from './fleet-directory';

export interface ChatModuleDeps {
  db: Db;
  clients: Pick<ClientFactory, 'dataClient' | 'bearerDataClient'>;
  fleet: Pick<FleetService, 'snapshot'>;
  logger: Logger;
  /** Electron's safeStorage in the desktop app; absent (web host, tests) → bearer tokens live in memory only. */
  secretCipher?: StringCipher;
  timeouts?: () => ReplyTimeouts;
}

type ChatMethods =
  | 'chat.sessions.list'
  | 'chat.sessions.create'
  | 'chat.sessions.get'
  | 'chat.sessions.byRuntimeSession'
  | 'chat.sessions.update'
  | 'chat.sessions.delete'
  | 'chat.stop'
  | 'chat.endSession'
  | 'chat.template.get'
  | 'chat.template.set'
  | 'chat.bearer.set'
  | 'chat.bearer.status'
  | 'chat.search'
  | 'chat.export'
  | 'chat.import';

export type ChatModule = FeatureModule<ChatMethods, 'chat.reply' | 'chat.watch'> & { service: ChatService; transcripts: ChatTranscripts };

export function createChatModule(deps: ChatModuleDeps): ChatModule {
  const logger = deps.logger.child({ service: 'chat' });
  const secrets = deps.secretCipher ? new EncryptedSecretStore(deps.db, deps.secretCipher, (message) => logger.warn(message)) : new MemorySecretStore();
  // Indexes transcripts in bounded batches in the background, so a search never stalls the main loop.
  const search = new MessageSearchIndex(deps.db);
  search.start();
  const store = new ChatStore(deps.db);
  const agents = fleetDirectory(deps.fleet);
  const chat = new ChatService({
    store,
    invoker: new AgentInvoker(deps.clients),
    agents,
    secrets,
    logger,
    ...(deps.timeouts ? { timeouts: deps.timeouts } : {}),
  });
  const transcripts = new ChatTranscripts({ store, search, sessions: chat, agents });
  return {
    service: chat,
    transcripts,
    methods: {
      'chat.sessions.list': async (input) => chat.listSessions(input),
      'chat.sessions.create': async (input) => chat.createSession(input),
      'chat.sessions.get': async ({ sessionId }) => chat.getSession(sessionId),
      'chat.sessions.byRuntimeSession': async ({ runtimeSessionId }) => ({ session: store.sessionByRuntimeSession(runtimeSessionId) ?? null }),
      'chat.sessions.update': async (input) => chat.updateSession(input),
      'chat.sessions.delete': async ({ sessionId }) => chat.deleteSession(sessionId),
      'chat.stop': async ({ sessionId }) => chat.stop(sessionId),
      'chat.endSession': async ({ sessionId }) => chat.endSession(sessionId),
      'chat.template.get': async ({ agentKey }) => chat.getTemplate(agentKey),
      'chat.template.set': async ({ agentKey, template }) => chat.setTemplate(agentKey, template),
      'chat.bearer.set': async ({ agentKey, token }) => chat.setBearer(agentKey, token),
      'chat.bearer.status': async ({ agentKey }) => chat.bearerStatus(agentKey),
      'chat.search': async ({ query, limit }) => transcripts.search(query, limit),
      'chat.export': async ({ sessionId, format }) => transcripts.exportSession(sessionId, format),
      'chat.import': async ({ content }) => transcripts.importSession(content),
    },
    streams: {
      // Refusals (a reply already streaming, a bad template) throw here, so the open fails and no stream exists.
      'chat.reply': (input, sink) => {
        const { unfollow } = chat.send(input, follower(sink));
        sink.signal.addEventListener('abort', unfollow, { once: true });
      },
      'chat.watch': ({ sessionId }, sink) => {
        const unfollow = chat.watch(sessionId, follower(sink));
        if (!unfollow) return sink.end();
        sink.signal.addEventListener('abort', unfollow, { once: true });
      },
    },
    close: async () => {
      await chat.close();
      await search.close();
    },
  };
}

/** Pushes a reply's items to a stream and ends the stream with the reply. */
function follower(sink: StreamSink<ChatReplyItem>): (item: ChatReplyItem) => void {
  return (item) => {
    sink.push(item);
    if (item.kind === 'completed') sink.end();
  };
}
