/**
 * Chat transcripts beyond one session: full-text search across them, export
 * (Markdown for people, JSON for a round trip) and import as a new session.
 */
import { randomUUID } from 'node:crypto';
import type { ChatSearchHit, ChatSession } from '../../../shared/chat';
import { ApiError } from '../../../shared/errors';
import type { MessageSearchIndex } from '../store/message-index';
import type { AgentDirectory, ChatService } from './chat-service';
import type { ChatStore } from './chat-store';
import { parseTranscript, toJsonTranscript, toMarkdownTranscript, transcriptFilename } from './transcript-io';

export interface ChatTranscriptsOptions {
  store: ChatStore;
  search: MessageSearchIndex;
  sessions: Pick<ChatService, 'getSession'>;
  agents: AgentDirectory;
  now?: () => number;
}

export class ChatTranscripts {
  constructor(private readonly o: ChatTranscriptsOptions) {}

  async search(query: string, limit: number): Promise<ChatSearchHit[]> {
    const sessions = new Map<string, ChatSession | undefined>();
    const hits: ChatSearchHit[] = [];
    for (const hit of await this.o.search.search(query, limit)) {
      if (!sessions.has(hit.sessionId)) sessions.set(hit.sessionId, this.o.store.session(hit.sessionId));
      const session = sessions.get(hit.sessionId);
      if (!session || (hit.role !== 'user' && hit.role !== 'assistant')) continue;
      hits.push({
        sessionId: hit.sessionId,
        sessionTitle: session.title,
        agentName: session.agentName,
        messageId: hit.messageId,
        role: hit.role,
        createdAt: hit.createdAt,
        snippet: hit.snippet,
      });
    }
    return hits;
  }

  exportSession(sessionId: string, format: 'markdown' | 'json'): { filename: string; mimeType: string; content: string } {
    const { session, messages } = this.o.sessions.getSession(sessionId);
    return format === 'json'
      ? {
          filename: transcriptFilename(session, 'json'),
          mimeType: 'application/json',
          content: toJsonTranscript(session, messages, (this.o.now ?? Date.now)()),
        }
      : { filename: transcriptFilename(session, 'md'), mimeType: 'text/markdown', content: toMarkdownTranscript(session, messages) };
  }

  importSession(content: string): ChatSession {
    let transcript;
    try {
      transcript = parseTranscript(content);
    } catch (error) {
      throw new ApiError('invalid_input', error instanceof Error ? error.message : String(error));
    }
    const s = transcript.session;
    const id = randomUUID();
    this.o.store.transaction(() => {
      this.o.store.createSession({
        id,
        agentKey: s.agentKey,
        agentName: s.agentName || this.o.agents.find(s.agentKey)?.name || '',
        qualifier: s.qualifier,
        runtimeSessionId: s.runtimeSessionId,
        title: s.title,
        createdAt: s.createdAt,
        ...(s.userId ? { userId: s.userId } : {}),
      });
      if (s.pinned) this.o.store.updateSession(id, { pinned: true });
      for (const m of transcript.messages) {
        const { role, text, createdAt, state, ...meta } = m;
        // A reply that was streaming when exported can never finish here.
        this.o.store.addMessage({
          sessionId: id,
          role,
          text,
          createdAt,
          state: state === 'streaming' ? 'incomplete' : state,
          meta: meta as Parameters<ChatStore['addMessage']>[0]['meta'],
        });
      }
    });
    return this.o.sessions.getSession(id).session;
  }
}
