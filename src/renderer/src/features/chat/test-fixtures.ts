/** Sessions and messages for the chat tests: the fields a test does not care about, filled in once. */
import type { ChatMessage, ChatSession } from '../../../../shared/chat';

export const testSession = (id: string, patch: Partial<ChatSession> = {}): ChatSession => ({
  id,
  agentKey: 'demo|us-east-1|runtime|r1',
  agentName: 'agent',
  qualifier: 'DEFAULT',
  runtimeSessionId: 'x'.repeat(40),
  title: id,
  pinned: false,
  createdAt: 1,
  lastActivityAt: 1,
  messageCount: 0,
  ended: false,
  ...patch,
});

/** An assistant reply still streaming in session `s1`, unless patched. */
export const testMessage = (id: number, patch: Partial<ChatMessage> = {}): ChatMessage => ({
  id,
  sessionId: 's1',
  role: 'assistant',
  text: '',
  state: 'streaming',
  createdAt: 10,
  ...patch,
});
