/**
 * One assistant reply, from InvokeAgentRuntime to the final stored message.
 * The row already exists in state 'streaming'; this streams the body into it
 * (renderer deltas per frame, SQLite chunks per 100 ms) and always ends by
 * writing the final message and emitting `chat.completed` — whether the
 * reply completed, was stopped, timed out, dropped or never started.
 */
import type { ChatError, ChatMessage, ChatSession, ChatStep, InvocationMetrics } from '../../../shared/chat';
import type { AgentInvoker, HarnessResponse, InvokeResponse, InvokeTarget } from '../invoke/agent-invoker';
import { HarnessReplyBuilder, type BuiltHarnessReply } from '../invoke/harness-reply';
import { invokeErrorToChat, readEndToChat, type InvokeContext } from '../invoke/invoke-errors';
import { readReply, type ReplyTimeouts } from '../invoke/read-reply';
import { ReplyBuilder } from '../invoke/reply-builder';
import type { Logger } from '../log/logger';
import type { ChatStore } from './chat-store';
import { PacedEmitter } from '../util/paced-emitter';
import { ChunkWriter } from './chunk-writer';

/** What the console accepts: every shape in docs/WIRE.md. */
const ACCEPT = 'application/json, text/event-stream, text/plain;q=0.9, */*;q=0.8';

export interface AgentTarget {
  agentKey: string;
  /** A runtime is invoked with a payload (InvokeAgentRuntime); a managed harness with messages (InvokeHarness). */
  kind: 'runtime' | 'harness';
  name: string;
  arn: string;
  profile: string;
  region: string;
}

export interface TurnDeps {
  store: ChatStore;
  invoker: Pick<AgentInvoker, 'invoke' | 'invokeHarness'>;
  /** Text and steps appended, at most once per `deltaIntervalMs`. */
  emitDelta: (text: string, steps: ChatStep[]) => void;
  /** The final message as stored, whatever ended the reply. */
  emitCompleted: (message: ChatMessage) => void;
  logger: Logger;
  timeouts: ReplyTimeouts;
  deltaIntervalMs: number;
  rawCapChars: number;
  now: () => number;
}

export interface Turn {
  session: ChatSession;
  assistantId: number;
  /** Undefined when the agent is no longer in the fleet. */
  agent: AgentTarget | undefined;
  payload: string;
  /** The user's text: what a harness is sent (it keeps the conversation itself). */
  prompt: string;
  bearerToken?: string;
  coldStart: boolean;
  stop: AbortSignal;
}

export async function runTurn(deps: TurnDeps, turn: Turn): Promise<ChatMessage> {
  const { session, assistantId } = turn;
  const startedAt = deps.now();
  const t0 = performance.now();
  const ctx: InvokeContext = {
    agentKey: session.agentKey,
    agentName: session.agentName,
    qualifier: session.qualifier,
    sessionId: session.runtimeSessionId,
    runtimeArn: turn.agent?.arn ?? '(not in the fleet)',
    profile: turn.agent?.profile ?? '',
    region: turn.agent?.region ?? '',
    usedBearer: Boolean(turn.bearerToken),
    at: startedAt,
    ...(session.userId ? { userId: session.userId } : {}),
  };
  const finish = (text: string, state: ChatMessage['state'], meta: Parameters<ChatStore['finishMessage']>[1]['meta'], raw?: string): ChatMessage => {
    const message = deps.store.finishMessage(assistantId, {
      text,
      state,
      meta: { ...meta, runtimeSessionId: session.runtimeSessionId },
      at: deps.now(),
      ...(raw !== undefined ? { raw } : {}),
    });
    deps.emitCompleted(message);
    deps.logger.info('chat turn finished', {
      sessionId: session.id,
      agentKey: session.agentKey,
      state,
      code: meta.error?.code,
      ms: Math.round(performance.now() - t0),
      bytes: meta.metrics?.bytes,
    });
    return message;
  };
  // A refused invoke started no runtime session, so it is never a cold start (the next accepted one may be).
  const failed = (error: ChatError, httpStatus?: number): ChatMessage =>
    finish('', 'error', {
      error,
      metrics: { totalMs: Math.round(performance.now() - t0), bytes: 0, chunks: 0, coldStart: false, ...(httpStatus ? { httpStatus } : {}) },
    });

  if (!turn.agent) {
    return failed({
      code: 'agent_not_in_fleet',
      message: `${session.agentName} is not in the current fleet snapshot, so the console has no ARN to invoke.`,
      hint: 'The runtime may have been deleted, or its region or profile is not watched any more. Refresh the fleet.',
      action: { kind: 'refresh_fleet' },
    });
  }
  const target: InvokeTarget = {
    arn: turn.agent.arn,
    profile: turn.agent.profile,
    region: turn.agent.region,
    qualifier: session.qualifier,
    runtimeSessionId: session.runtimeSessionId,
    ...(session.userId ? { userId: session.userId } : {}),
    ...(turn.bearerToken ? { bearerToken: turn.bearerToken } : {}),
  };

  // One controller for the HTTP request: aborted by the user's stop or a timeout.
  const request = new AbortController();
  const onStop = (): void => request.abort();
  turn.stop.addEventListener('abort', onStop, { once: true });
  // Waiting for headers counts as idle time: a cold start (26 s in the field) fits, a hung endpoint does not.
  let headerTimeout = false;
  const headerTimer = setTimeout(() => {
    headerTimeout = true;
    request.abort();
  }, deps.timeouts.idleMs);

  let response: InvokeResponse | HarnessResponse;
  try {
    response =
      turn.agent.kind === 'harness'
        ? await deps.invoker.invokeHarness(target, turn.prompt, request.signal)
        : await deps.invoker.invoke(target, new TextEncoder().encode(turn.payload), ACCEPT, request.signal);
  } catch (error) {
    turn.stop.removeEventListener('abort', onStop);
    if (turn.stop.aborted)
      return finish('', 'incomplete', {
        error: readEndToChat({ kind: 'stopped' }, ctx),
        metrics: { totalMs: Math.round(performance.now() - t0), bytes: 0, chunks: 0, coldStart: turn.coldStart },
      });
    if (headerTimeout) return failed(readEndToChat({ kind: 'timeout', which: 'idle', afterMs: deps.timeouts.idleMs }, ctx) as ChatError);
    const status = (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
    return failed(invokeErrorToChat(error, ctx), status);
  } finally {
    clearTimeout(headerTimer);
  }
  deps.store.markRuntimeSessionInvoked(session.id);

  // Deltas reach followers at most once per frame, text joined and steps appended.
  const throttle = new PacedEmitter<{ text: string; steps: ChatStep[] }>(
    ({ text, steps }) => deps.emitDelta(text, steps),
    (a, b) => ({ text: a.text + b.text, steps: b.steps.length ? [...a.steps, ...b.steps] : a.steps }),
    deps.deltaIntervalMs,
  );
  const writer = new ChunkWriter(
    (seq, text) => deps.store.appendChunk(assistantId, seq, text),
    (error) => deps.logger.warn('could not save streamed text', { sessionId: session.id, error: error instanceof Error ? error.message : String(error) }),
  );
  const onDelta = (text: string, steps: ChatStep[]) => {
    if (text || steps.length) throttle.add({ text, steps });
    writer.add(text);
  };
  const readOptions = {
    timeouts: deps.timeouts,
    stop: turn.stop,
    abortRequest: () => {
      request.abort();
      if ('destroy' in response) response.destroy();
    },
  };
  let end;
  let stats;
  let built: BuiltHarnessReply;
  let streamError: unknown;
  let cutShort = false;
  try {
    if ('events' in response) {
      const builder = new HarnessReplyBuilder({ rawCapChars: deps.rawCapChars, onDelta });
      const events = capturing(response.events, (error) => (streamError = error));
      ({ end, stats } = await readReply(events, builder, { ...readOptions, sizeOf: HarnessReplyBuilder.sizeOf }));
      built = builder.end();
      cutShort = builder.cutShort;
    } else {
      const builder = new ReplyBuilder({ ...(response.contentType ? { contentType: response.contentType } : {}), rawCapChars: deps.rawCapChars, onDelta });
      ({ end, stats } = await readReply(response.body, builder, readOptions));
      built = builder.end();
    }
  } finally {
    turn.stop.removeEventListener('abort', onStop);
  }
  throttle.flush();
  writer.discard();

  // An exception the harness sent mid-stream is an AWS error with a name, not a dropped connection.
  const error =
    streamError !== undefined && end.kind === 'dropped'
      ? invokeErrorToChat(streamError, ctx)
      : (readEndToChat(end, ctx) ?? (cutShort && end.kind === 'complete' ? cutShortError() : undefined));
  const metrics: InvocationMetrics = {
    totalMs: Math.round(performance.now() - t0),
    bytes: stats.bytes,
    chunks: stats.chunks,
    coldStart: turn.coldStart,
    ...(stats.firstByteAt !== undefined ? { ttfbMs: Math.round(stats.firstByteAt - t0) } : {}),
    ...('traceId' in response && response.traceId ? { traceId: traceRoot(response.traceId) } : {}),
    ...(response.statusCode ? { httpStatus: response.statusCode } : {}),
    ...('contentType' in response && response.contentType ? { contentType: response.contentType } : {}),
    ...(built.usage ? { usage: built.usage } : {}),
    ...(built.serverLatencyMs !== undefined ? { serverLatencyMs: built.serverLatencyMs } : {}),
  };
  return finish(
    built.text,
    error ? 'incomplete' : 'complete',
    {
      metrics,
      format: built.format,
      ...(built.steps.length ? { steps: built.steps } : {}),
      ...(error ? { error } : {}),
      ...(built.modelAccessIssue ? { modelAccessIssue: true } : {}),
      ...(built.rawTruncated ? { rawTruncated: true } : {}),
    },
    built.raw,
  );
}

/** Iterates a harness's events, telling `onError` what the SDK threw (an exception event) before passing it on. */
async function* capturing<T>(events: AsyncIterable<T>, onError: (error: unknown) => void): AsyncIterable<T> {
  try {
    yield* events;
  } catch (error) {
    onError(error);
    throw error;
  }
}

function cutShortError(): ChatError {
  return {
    code: 'incomplete_stream',
    message: 'The harness stream ended without messageStop: the reply may be cut short.',
    hint: 'Send the prompt again; if it keeps happening, the harness’s logs say why its turn ended early.',
    action: { kind: 'retry' },
  };
}

/** `Root=1-…;Parent=…;Sampled=1` → `1-…`, the id X-Ray and CloudWatch search by. */
export function traceRoot(header: string): string {
  return /Root=([^;]+)/.exec(header)?.[1] ?? header;
}
