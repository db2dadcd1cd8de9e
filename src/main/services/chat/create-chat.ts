/**
 * Builds the chat service from what the composition root already has (the
 * database, the client factory, the fleet, the event bus), so wiring chat in
 * is one call there.
 */
import type { ChatCompleted, ChatDelta } from '../../../shared/chat';
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
import { fleetDirectory } from './fleet-directory';

export interface ChatWiring {
  db: Db;
  clients: Pick<ClientFactory, 'dataClient' | 'bearerDataClient'>;
  fleet: Pick<FleetService, 'snapshot'>;
  emit: { delta(delta: ChatDelta): void; completed(completed: ChatCompleted): void };
  logger: Logger;
  /** Electron's safeStorage in the desktop app; absent (web host, tests) → bearer tokens live in memory only. */
  secretCipher?: StringCipher;
  timeouts?: () => ReplyTimeouts;
}

export function createChatService(w: ChatWiring): ChatService {
  const logger = w.logger.child({ service: 'chat' });
  const secrets = w.secretCipher ? new EncryptedSecretStore(w.db, w.secretCipher, (message) => logger.warn(message)) : new MemorySecretStore();
  return new ChatService({
    store: new ChatStore(w.db),
    search: new MessageSearchIndex(w.db),
    invoker: new AgentInvoker(w.clients),
    agents: fleetDirectory(w.fleet),
    secrets,
    emitDelta: w.emit.delta,
    emitCompleted: w.emit.completed,
    logger,
    ...(w.timeouts ? { timeouts: w.timeouts } : {}),
  });
}
