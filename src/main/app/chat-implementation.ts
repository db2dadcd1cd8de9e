/** The chat methods of the contract: thin glue from validated inputs to ChatService. */
import type { Implementation } from '../host/dispatch';
import type { ChatService } from '../services/chat/chat-service';

type ChatMethods = Pick<Implementation, Extract<keyof Implementation, `chat.${string}`>>;

export function chatImplementation(chat: ChatService): ChatMethods {
  return {
    'chat.sessions.list': async (input) => chat.listSessions(input),
    'chat.sessions.create': async (input) => chat.createSession(input),
    'chat.sessions.get': async ({ sessionId }) => chat.getSession(sessionId),
    'chat.sessions.update': async (input) => chat.updateSession(input),
    'chat.sessions.delete': async ({ sessionId }) => chat.deleteSession(sessionId),
    'chat.send': async (input) => chat.send(input),
    'chat.stop': async ({ sessionId }) => chat.stop(sessionId),
    'chat.endSession': async ({ sessionId }) => chat.endSession(sessionId),
    'chat.template.get': async ({ agentKey }) => chat.getTemplate(agentKey),
    'chat.template.set': async ({ agentKey, template }) => chat.setTemplate(agentKey, template),
    'chat.bearer.set': async ({ agentKey, token }) => chat.setBearer(agentKey, token),
    'chat.bearer.status': async ({ agentKey }) => chat.bearerStatus(agentKey),
    'chat.search': async ({ query, limit }) => chat.search(query, limit),
    'chat.export': async ({ sessionId, format }) => chat.exportSession(sessionId, format),
    'chat.import': async ({ content }) => chat.importSession(content),
  };
}
