/**
 * Chat state that outlives the page and its tabs: open transcripts, the tab
 * strip and unread marks. (Per-agent session lists are server state, in the
 * query cache: this store patches them when a session changes.) Each reply arrives on a
 * stream this page owns (`chat.reply` when it sends, `chat.watch` when it
 * opens a transcript whose reply is still streaming: after a reload, or a
 * reconnect), so a reply keeps streaming into its transcript while another
 * tab or page is on screen, and no other window sees it. Items are applied
 * in one batch per animation frame.
 */
import { useSyncExternalStore } from 'react';
import type { ChatMessage, ChatReplyItem, ChatSession } from '../../../../shared/chat';
import type { StreamInput } from '../../../../shared/contract';
import { api, type ApiClient } from '../../api';
import type { QueryClient } from '@tanstack/react-query';
import { toApiError } from '../../state/api-error';
import { apiQueryKey } from '../../state/api-key';
import { queryClient } from '../../state/query-client';
import type { ApiError } from '../../../../shared/errors';
import { applyChatEvents, type ChatEvent, type Transcript } from './chat-events';
import { createFrameBatcher, type Schedule } from '../../lib/frame-batcher';
import { upsertSession } from './session-order';

export interface ChatState {
  transcripts: ReadonlyMap<string, Transcript>;
  /** Transcripts being fetched (null) or that failed to load. */
  pending: ReadonlyMap<string, ApiError | null>;
  tabs: readonly string[];
  active: string | null;
  unread: ReadonlySet<string>;
  /** A message to scroll to and highlight (from search); the nonce re-triggers the same target. */
  focus: { sessionId: string; messageId: number; nonce: number } | null;
  /** Bumped to ask the bearer-token field to open and take focus. */
  bearerFocus: number;
}

type Client = Pick<ApiClient, 'call' | 'stream' | 'onConnection'>;
export type SendInput = Omit<StreamInput<'chat.reply'>, 'sessionId'>;

export function createChatStore(client: Client, cache: QueryClient, schedule?: Schedule) {
  let state: ChatState = {
    transcripts: new Map(),
    pending: new Map(),
    tabs: [],
    active: null,
    unread: new Set(),
    focus: null,
    bearerFocus: 0,
  };
  const listeners = new Set<() => void>();
  let started = false;
  let tempIds = 0;
  let nonce = 0;

  const set = (patch: Partial<ChatState>): void => {
    state = { ...state, ...patch };
    for (const listener of listeners) listener();
  };
  const withMap = <K, V>(map: ReadonlyMap<K, V>, key: K, value: V | undefined): Map<K, V> => {
    const next = new Map(map);
    if (value === undefined) next.delete(key);
    else next.set(key, value);
    return next;
  };
  const setTranscript = (sessionId: string, update: (t: Transcript) => Transcript): void => {
    const current = state.transcripts.get(sessionId);
    if (current) set({ transcripts: withMap(state.transcripts, sessionId, update(current)) });
  };

  /** Puts a changed session into its agent's cached list (if that list is loaded; otherwise it loads fresh). */
  const patchLists = (session: ChatSession, update: (list: readonly ChatSession[]) => ChatSession[] = (list) => upsertSession(list, session)): void => {
    cache.setQueryData<ChatSession[]>(apiQueryKey('chat.sessions.list', { agentKey: session.agentKey }), (list) => (list ? update(list) : list));
  };

  const batcher = createFrameBatcher<ChatEvent>((events) => {
    const result = applyChatEvents(state.transcripts, events);
    if (result.touched.size === 0 && result.finished.size === 0) return;
    const unread = new Set(state.unread);
    for (const id of result.finished) if (id !== state.active) unread.add(id);
    set({ transcripts: result.transcripts, unread });
    for (const id of result.finished) {
      const transcript = state.transcripts.get(id);
      if (transcript) patchLists(transcript.session);
    }
  }, schedule);

  /** The open reply stream of each session (at most one: main refuses a second send while one streams). */
  const replies = new Map<string, () => void>();

  /** Opens a reply stream; resolves with the `started` item, rejects when main refuses to open it. */
  type ReplyStream = 'chat.reply' | 'chat.watch';
  const follow = (sessionId: string, name: ReplyStream, input: StreamInput<ReplyStream>) =>
    new Promise<Extract<ChatReplyItem, { kind: 'started' }>>((resolve, reject) => {
      let messageId = -1;
      const onItem = (item: ChatReplyItem): void => {
        if (item.kind === 'started') {
          messageId = item.assistantMessageId;
          if (item.text !== undefined)
            batcher.push({ kind: 'delta', delta: { sessionId, messageId, text: item.text, ...(item.steps ? { steps: item.steps } : {}), reset: true } });
          resolve(item);
        } else if (item.kind === 'delta')
          batcher.push({ kind: 'delta', delta: { sessionId, messageId, text: item.text, ...(item.steps ? { steps: item.steps } : {}) } });
        else batcher.push({ kind: 'completed', completed: { sessionId, message: item.message } });
      };
      const close = client.stream(name, input, onItem, { onEnd });
      replies.set(sessionId, close);
      function onEnd(error?: ApiError): void {
        if (replies.get(sessionId) === close) replies.delete(sessionId);
        // Refused at open (never started): the caller shows why. A lost connection is picked up on reconnect.
        if (error && messageId === -1) reject(error);
        // The reply finished between loading the transcript and asking to follow it: load its final state.
        else if (!error && messageId === -1 && name === 'chat.watch') void load(sessionId, false);
      }
    });

  const load = async (sessionId: string, followStreaming = true): Promise<void> => {
    set({ pending: withMap(state.pending, sessionId, null) });
    try {
      const { session, messages } = await client.call('chat.sessions.get', { sessionId });
      batcher.flush();
      set({ transcripts: withMap(state.transcripts, sessionId, { session, messages }), pending: withMap(state.pending, sessionId, undefined) });
      // A reply still streaming in main (sent before a reload, or during a lost connection): follow it from here.
      if (followStreaming && messages.some((m) => m.state === 'streaming') && !replies.has(sessionId))
        follow(sessionId, 'chat.watch', { sessionId }).catch(() => undefined); // a refused watch leaves the stored state shown
    } catch (error) {
      set({ pending: withMap(state.pending, sessionId, toApiError(error)) });
    }
  };

  const store = {
    get: (): ChatState => state,
    subscribe(listener: () => void): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    /** Follows the connection once; called by the page on first render. */
    start(): void {
      if (started) return;
      started = true;
      let lost = false;
      client.onConnection((connection) => {
        if (connection === 'lost') lost = true;
        else if (connection === 'connected' && lost) {
          lost = false; // the host closed our streams while away: reload what is on screen (and follow what still streams)
          for (const id of state.tabs) void load(id);
        }
      });
    },
    /** Opens (or re-activates) a tab; loads its transcript the first time. */
    open(sessionId: string): void {
      const tabs = state.tabs.includes(sessionId) ? state.tabs : [...state.tabs, sessionId];
      const unread = new Set(state.unread);
      unread.delete(sessionId);
      set({ tabs, active: sessionId, unread });
      if (!state.transcripts.has(sessionId) && !state.pending.has(sessionId)) void load(sessionId);
    },
    reload: (sessionId: string) => load(sessionId),
    setActive(sessionId: string | null): void {
      if (sessionId === state.active) return;
      const unread = new Set(state.unread);
      if (sessionId) unread.delete(sessionId);
      set({ active: sessionId, unread });
    },
    /** Closes a tab; a reply still streaming there keeps going in main and is stored. */
    close(sessionId: string): string | null {
      const index = state.tabs.indexOf(sessionId);
      const tabs = state.tabs.filter((id) => id !== sessionId);
      const streaming = state.transcripts.get(sessionId)?.messages.some((m) => m.state === 'streaming');
      set({ tabs, transcripts: streaming ? state.transcripts : withMap(state.transcripts, sessionId, undefined) });
      return tabs[Math.min(index, tabs.length - 1)] ?? null;
    },
    /** A list loaded from main: open transcripts take the titles, pins and ends it carries (changed elsewhere). */
    syncSessions(sessions: readonly ChatSession[]): void {
      let transcripts = state.transcripts;
      for (const session of sessions) {
        const open = transcripts.get(session.id);
        if (open && (open.session.title !== session.title || open.session.pinned !== session.pinned || open.session.ended !== session.ended)) {
          transcripts = withMap(transcripts, session.id, {
            ...open,
            session: { ...open.session, title: session.title, pinned: session.pinned, ended: session.ended },
          });
        }
      }
      if (transcripts !== state.transcripts) set({ transcripts });
    },
    /** A session changed (rename, pin, end, new): update every place it shows. */
    upsert(session: ChatSession): void {
      setTranscript(session.id, (t) => ({ ...t, session }));
      patchLists(session);
    },
    remove(session: ChatSession): void {
      store.close(session.id);
      patchLists(session, (list) => list.filter((s) => s.id !== session.id));
    },
    /**
     * Shows the prompt at once, then asks main to send it. Main stores the user
     * message before invoking, so what was typed survives a crash; the reply
     * arrives as events.
     */
    async send(sessionId: string, input: SendInput): Promise<void> {
      const tempId = -++tempIds;
      const optimistic: ChatMessage = {
        id: tempId,
        sessionId,
        role: 'user',
        text: input.mode === 'raw' ? (input.raw ?? '') : (input.prompt ?? ''),
        state: 'complete',
        createdAt: Date.now(),
        ...(input.mode === 'raw' ? { format: 'json' as const } : {}),
      };
      setTranscript(sessionId, (t) => ({ ...t, messages: [...t.messages, optimistic] }));
      let started;
      try {
        started = await follow(sessionId, 'chat.reply', { sessionId, ...input });
      } catch (error) {
        setTranscript(sessionId, (t) => ({ ...t, messages: t.messages.filter((m) => m.id !== tempId) }));
        throw toApiError(error);
      }
      const { userMessage, assistantMessageId, session } = started;
      batcher.flush();
      setTranscript(sessionId, (t) => {
        const messages = t.messages.filter((m) => m.id !== tempId);
        if (userMessage) messages.push(userMessage);
        messages.push({ id: assistantMessageId, sessionId, role: 'assistant', text: '', state: 'streaming', createdAt: Date.now() });
        // Main's session carries the title it derived from the first prompt and the runtime session id now in use.
        return { session: { ...session, messageCount: Math.max(session.messageCount, messages.length) }, messages };
      });
      patchLists(state.transcripts.get(sessionId)?.session ?? session);
    },
    focusMessage(sessionId: string, messageId: number): void {
      set({ focus: { sessionId, messageId, nonce: ++nonce } });
    },
    focusBearer(): void {
      set({ bearerFocus: state.bearerFocus + 1 });
    },
  };
  return store;
}

export type ChatStore = ReturnType<typeof createChatStore>;

export const chatStore: ChatStore = createChatStore(api, queryClient);

/** Reads one slice of the chat state; the selector must return stored values (not new objects) to avoid re-renders. */
export function useChat<T>(selector: (state: ChatState) => T): T {
  return useSyncExternalStore(chatStore.subscribe, () => selector(chatStore.get()));
}
