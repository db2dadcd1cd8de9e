/**
 * The chat feature of the contract: sessions per agent, sending (user message
 * stored first, reply streamed by runTurn), stop, StopRuntimeSession,
 * payload templates and bearer tokens. Inputs arrive
 * validated by the contract's zod schemas; every privileged call is built
 * here from those fields and the fleet's ARN, never from a spread of input.
 */
import { randomUUID } from 'node:crypto';
import { DEFAULT_PAYLOAD_TEMPLATE, type ChatMessage, type ChatSession, type chatInputs } from '../../../shared/chat';
import { ApiError } from '../../../shared/errors';
import type { z } from 'zod';
import type { AgentInvoker } from '../invoke/agent-invoker';
import { invokeErrorToChat } from '../invoke/invoke-errors';
import { buildPayload, harnessPayload, PayloadError, validateTemplate } from '../invoke/payload';
import { DEFAULT_TIMEOUTS, type ReplyTimeouts } from '../invoke/read-reply';
import type { Logger } from '../log/logger';
import type { SecretStore } from '../secrets/secret-store';
import { DEFAULT_TITLE, type ChatStore } from './chat-store';
import { runTurn, type AgentTarget } from './chat-turn';
import { ReplyFanout, type ReplyListener } from './reply-fanout';

type In<K extends keyof typeof chatInputs> = z.output<(typeof chatInputs)[K]>;

export interface AgentDirectory {
  find(agentKey: string): AgentTarget | undefined;
}

export interface ChatServiceOptions {
  store: ChatStore;
  invoker: Pick<AgentInvoker, 'invoke' | 'invokeHarness' | 'stopSession'>;
  agents: AgentDirectory;
  secrets: SecretStore;
  logger: Logger;
  timeouts?: () => ReplyTimeouts;
  deltaIntervalMs?: number;
  rawCapChars?: number;
  now?: () => number;
  /** The console's runtime session ids: `console-` + a UUID = 44 characters (AgentCore wants 33–256). */
  newRuntimeSessionId?: () => string;
}

interface InFlight {
  stop: AbortController;
  done: Promise<unknown>;
  followers: ReplyFanout;
}

const bearerName = (agentKey: string): string => `bearer:${agentKey}`;

export class ChatService {
  private readonly inFlight = new Map<string, InFlight>();
  private readonly now: () => number;
  private readonly newRuntimeSessionId: () => string;

  constructor(private readonly o: ChatServiceOptions) {
    this.now = o.now ?? Date.now;
    this.newRuntimeSessionId = o.newRuntimeSessionId ?? (() => `console-${randomUUID()}`);
    const recovered = o.store.recoverInterrupted();
    if (recovered > 0) o.logger.warn('replies interrupted by the last shutdown marked incomplete', { count: recovered });
  }

  listSessions(input: In<'sessionsList'>): ChatSession[] {
    return this.o.store.listSessions(input.agentKey);
  }

  createSession(input: In<'sessionsCreate'>): ChatSession {
    const agent = this.o.agents.find(input.agentKey);
    if (!agent) throw new ApiError('not_found', `No agent runtime or harness ${input.agentKey} in the fleet. Refresh the fleet and pick the agent again.`);
    return this.o.store.createSession({
      id: randomUUID(),
      agentKey: input.agentKey,
      agentName: agent.name,
      qualifier: input.qualifier,
      runtimeSessionId: input.runtimeSessionId ?? this.newRuntimeSessionId(),
      title: DEFAULT_TITLE,
      createdAt: this.now(),
      ...(input.userId ? { userId: input.userId } : {}),
    });
  }

  getSession(sessionId: string): { session: ChatSession; messages: ChatMessage[] } {
    return { session: this.mustSession(sessionId), messages: this.o.store.messages(sessionId) };
  }

  updateSession(input: In<'sessionUpdate'>): ChatSession {
    this.mustSession(input.sessionId);
    return this.o.store.updateSession(input.sessionId, input) as ChatSession;
  }

  async deleteSession(sessionId: string): Promise<{ deleted: true }> {
    this.mustSession(sessionId);
    await this.stop(sessionId);
    this.o.store.deleteSession(sessionId);
    return { deleted: true };
  }

  /**
   * Stores the prompt, starts the reply and returns at once. `follower` (the stream that sent it) gets a
   * `started` item now, then the reply's deltas and its final message; the reply runs to the end without it too.
   */
  send(input: In<'send'>, follower?: ReplyListener): { userMessage: ChatMessage; assistantMessageId: number; session: ChatSession; unfollow: () => void } {
    let session = this.mustSession(input.sessionId);
    if (this.inFlight.has(session.id))
      throw new ApiError('invalid_input', 'A reply is still streaming in this chat. Stop it or wait for it to finish before sending again.');
    const runtimeSessionId = session.ended ? this.newRuntimeSessionId() : session.runtimeSessionId;
    const target = this.o.agents.find(session.agentKey);
    let payload: string;
    try {
      if (target?.kind === 'harness') payload = harnessPayload(input.mode, input.prompt);
      else
        payload = buildPayload(
          {
            mode: input.mode,
            prompt: input.prompt,
            template: this.o.store.template(session.agentKey) ?? DEFAULT_PAYLOAD_TEMPLATE,
            ...(input.raw !== undefined ? { raw: input.raw } : {}),
          },
          { sessionId: runtimeSessionId, userId: session.userId ?? '' },
        );
    } catch (error) {
      if (error instanceof PayloadError) throw new ApiError('invalid_input', error.message, { field: error.field });
      throw error;
    }
    // After StopRuntimeSession the old id is dead: the next turn opens a new runtime session (messages record which).
    if (session.ended) this.o.store.renewRuntimeSession(session.id, runtimeSessionId);
    if (session.messageCount === 0 && session.title === DEFAULT_TITLE && input.mode === 'template') {
      this.o.store.updateSession(session.id, { title: titleFrom(input.prompt) });
    }
    const at = this.now();
    const text = input.mode === 'raw' ? (input.raw ?? '') : input.prompt;
    const userMessage = this.o.store.addMessage({
      sessionId: session.id,
      role: 'user',
      text,
      state: 'complete',
      createdAt: at,
      meta: { runtimeSessionId },
      raw: payload,
    });
    const assistant = this.o.store.addMessage({
      sessionId: session.id,
      role: 'assistant',
      text: '',
      state: 'streaming',
      createdAt: at,
      meta: { runtimeSessionId },
    });
    session = this.mustSession(session.id);
    const coldStart = !this.o.store.runtimeSessionInvoked(session.id);
    const stop = new AbortController();
    const bearerToken = this.o.secrets.get(bearerName(session.agentKey));
    const sent = { userMessage, assistantMessageId: assistant.id, session };
    const followers = new ReplyFanout(session, assistant.id);
    const unfollow = follower ? followers.follow(follower, false) : () => undefined;
    follower?.({ kind: 'started', ...sent });
    // In flight before the turn starts: a turn that fails at once (agent gone) completes synchronously.
    const running: InFlight = { stop, done: Promise.resolve(), followers };
    this.inFlight.set(session.id, running);
    running.done = runTurn(
      {
        store: this.o.store,
        invoker: this.o.invoker,
        emitDelta: (text, steps) => followers.delta(text, steps),
        // The chat is free again before anyone hears it finished: a UI may send the next prompt from that item.
        emitCompleted: (message) => {
          if (this.inFlight.get(session.id) === running) this.inFlight.delete(session.id);
          followers.completed(message);
        },
        logger: this.o.logger,
        timeouts: this.o.timeouts?.() ?? DEFAULT_TIMEOUTS,
        deltaIntervalMs: this.o.deltaIntervalMs ?? 16,
        rawCapChars: this.o.rawCapChars ?? 1_000_000,
        now: this.now,
      },
      {
        session,
        assistantId: assistant.id,
        agent: target,
        payload,
        prompt: input.prompt,
        coldStart,
        stop: stop.signal,
        ...(bearerToken ? { bearerToken } : {}),
      },
    )
      .catch((error: unknown) =>
        this.o.logger.error('chat turn crashed', { sessionId: session.id, error: error instanceof Error ? error.message : String(error) }),
      )
      .finally(() => {
        if (this.inFlight.get(session.id) === running) this.inFlight.delete(session.id);
      });
    return { ...sent, unfollow };
  }

  /** Follows the reply streaming in a session from what it has so far; undefined when none is. */
  watch(sessionId: string, follower: ReplyListener): (() => void) | undefined {
    this.mustSession(sessionId);
    return this.inFlight.get(sessionId)?.followers.follow(follower, true);
  }

  /** Aborts the streaming reply; resolves once its final (incomplete) state is stored. */
  async stop(sessionId: string): Promise<{ stopped: boolean }> {
    const running = this.inFlight.get(sessionId);
    if (!running) return { stopped: false };
    running.stop.abort();
    await running.done;
    return { stopped: true };
  }

  async endSession(sessionId: string): Promise<ChatSession> {
    const session = this.mustSession(sessionId);
    await this.stop(sessionId);
    const agent = this.o.agents.find(session.agentKey);
    // A harness's session has no runtime ARN to stop: ending it here starts a fresh conversation on the next send.
    if (agent?.kind === 'runtime' && !session.ended && this.o.store.runtimeSessionInvoked(sessionId)) {
      const bearerToken = this.o.secrets.get(bearerName(session.agentKey));
      try {
        await this.o.invoker.stopSession({
          arn: agent.arn,
          profile: agent.profile,
          region: agent.region,
          qualifier: session.qualifier,
          runtimeSessionId: session.runtimeSessionId,
          ...(bearerToken ? { bearerToken } : {}),
        });
      } catch (error) {
        const code = (error as { name?: string }).name;
        // Already gone (idle timeout, max lifetime): the goal is met.
        if (code !== 'ResourceNotFoundException') {
          const chatError = invokeErrorToChat(error, {
            agentKey: session.agentKey,
            agentName: session.agentName,
            qualifier: session.qualifier,
            sessionId: session.runtimeSessionId,
            runtimeArn: agent.arn,
            profile: agent.profile,
            region: agent.region,
            usedBearer: Boolean(bearerToken),
            at: this.now(),
          });
          throw new ApiError('aws_error', chatError.message.replace('InvokeAgentRuntime', 'StopRuntimeSession'), {
            awsCode: chatError.code,
            ...(chatError.hint ? { hint: chatError.hint } : {}),
          });
        }
      }
    }
    this.o.store.markEnded(sessionId);
    return this.mustSession(sessionId);
  }

  getTemplate(agentKey: string): { template: string; isDefault: boolean } {
    const template = this.o.store.template(agentKey);
    return template === undefined ? { template: DEFAULT_PAYLOAD_TEMPLATE, isDefault: true } : { template, isDefault: false };
  }

  setTemplate(agentKey: string, template: string): { template: string } {
    if (!template.trim() || template.trim() === DEFAULT_PAYLOAD_TEMPLATE) {
      this.o.store.setTemplate(agentKey, null, this.now());
      return { template: DEFAULT_PAYLOAD_TEMPLATE };
    }
    try {
      validateTemplate(template);
    } catch (error) {
      if (error instanceof PayloadError) throw new ApiError('invalid_input', error.message, { field: 'template' });
      throw error;
    }
    this.o.store.setTemplate(agentKey, template, this.now());
    return { template };
  }

  setBearer(agentKey: string, token: string | null): { storage: 'encrypted' | 'memory' | 'cleared' } {
    const value = token?.trim().replace(/^Bearer\s+/i, '') ?? '';
    if (!value) {
      this.o.secrets.delete(bearerName(agentKey));
      return { storage: 'cleared' };
    }
    if (/\s/.test(value))
      throw new ApiError('invalid_input', 'A bearer token has no spaces or line breaks. Paste only the access token (a JWT like eyJ….….…).');
    return { storage: this.o.secrets.set(bearerName(agentKey), value) };
  }

  bearerStatus(agentKey: string): { present: boolean; storage: 'encrypted' | 'memory' | 'none' } {
    const storage = this.o.secrets.storageOf(bearerName(agentKey));
    return { present: storage !== 'none', storage };
  }

  /** Stops every streaming reply (kept as incomplete) — on quit. */
  async close(): Promise<void> {
    await Promise.all([...this.inFlight.keys()].map((id) => this.stop(id)));
  }

  /** Resolves when no reply is streaming (tests and benchmarks). */
  async idle(): Promise<void> {
    while (this.inFlight.size) await Promise.all([...this.inFlight.values()].map((f) => f.done));
  }

  private mustSession(sessionId: string): ChatSession {
    const session = this.o.store.session(sessionId);
    if (!session) throw new ApiError('not_found', `No chat session ${sessionId}. It may have been deleted.`);
    return session;
  }
}

function titleFrom(prompt: string): string {
  const line = prompt.trim().split('\n')[0]?.trim() ?? '';
  return (line.length > 60 ? `${line.slice(0, 59).trimEnd()}…` : line) || DEFAULT_TITLE;
}
