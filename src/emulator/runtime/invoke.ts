/**
 * Runtime data plane: InvokeAgentRuntime and StopRuntimeSession. Demo agents
 * answer with JSON, plain text or paced SSE; bridged runtimes proxy to a local
 * container. Every invocation — including rejected ones — ends in exactly one
 * InvocationRecord, which memory, logs and metrics are derived from.
 */
import { AwsError, type Delivery, type InvocationRecord, type Reply, type RequestContext, type Route } from '../core/types';
import { Rng } from '../kit/rng';
import type { FaultEngine } from '../core/faults';
import { delay } from '../core/server';
import type { World } from '../fleet/world';
import type { RuntimeSpec } from '../fleet/model';
import { SessionStore } from './sessions';
import { BEHAVIOURS } from './agents/index';
import { formatSse, generationDelayMs, pacedFrames, type Pacing } from './pacing';
import { deliveredFields } from './delivery';
import { textFromSse } from './reply-text';
import { estimateTokens, extractPrompt } from './text';
import { checkAuthMethod, header, resolveEndpoint, resolveRuntime, SESSION_HEADER, sessionIdOf, traceIdFor, USER_HEADER } from './invoke-request';
import { proxyToAgent } from '../bridge/proxy';

export interface RuntimeDeps {
  world: World;
  sessions: SessionStore;
  faults: FaultEngine;
  emit: (record: InvocationRecord) => void;
  now: () => number;
  seed: number;
  pacing: Pacing;
  /** Cold start paid by the first call of a session, unless a fault rule overrides it. */
  coldStartSeconds: number;
}

const RUNTIME_CLIENT_ERROR = 'Received error (500) from runtime. Please check your CloudWatch logs for more information.';

export function runtimeRoutes(deps: RuntimeDeps): Route[] {
  let counter = 0;
  const invoke: Route = {
    service: 'agentcore',
    operation: 'InvokeAgentRuntime',
    method: 'POST',
    path: '/runtimes/{agentRuntimeArn}/invocations',
    allowBearer: true,
    handle: (ctx) => handleInvoke(deps, ctx, ++counter),
    onFault: (ctx, err) => {
      try {
        const runtime = resolveRuntime(deps.world, ctx);
        deps.emit(
          baseRecord(deps, ctx, runtime, sessionIdOf(ctx, false), deps.now(), {
            outcome: err.status === 429 ? 'throttled' : 'system_error',
            errorMessage: err.message,
          }),
        );
      } catch {
        // an unknown runtime has nothing to record against
      }
    },
  };
  const stop: Route = {
    service: 'agentcore',
    operation: 'StopRuntimeSession',
    method: 'POST',
    path: '/runtimes/{agentRuntimeArn}/stopruntimesession',
    allowBearer: true,
    handle: (ctx) => {
      const runtime = resolveRuntime(deps.world, ctx);
      checkAuthMethod(runtime, ctx);
      const sessionId = sessionIdOf(ctx, true);
      if (!deps.sessions.stop(runtime.arn, sessionId)) {
        throw new AwsError(404, 'ResourceNotFoundException', `Session ${sessionId} not found or already terminated for agent runtime ${runtime.arn}`);
      }
      return { headers: { [SESSION_HEADER]: sessionId }, body: {} };
    },
  };
  return [invoke, stop];
}

async function handleInvoke(deps: RuntimeDeps, ctx: RequestContext, n: number): Promise<Reply> {
  const started = deps.now();
  const runtime = resolveRuntime(deps.world, ctx);
  let sessionId = '';
  const fail = (err: unknown): never => {
    const outcome = err instanceof AwsError && err.status >= 500 ? 'system_error' : 'user_error';
    deps.emit(baseRecord(deps, ctx, runtime, sessionId || '-', started, { outcome, errorMessage: (err as Error).message }));
    throw err;
  };
  try {
    checkAuthMethod(runtime, ctx);
    sessionId = sessionIdOf(ctx, false);
    resolveEndpoint(runtime, ctx);
  } catch (err) {
    fail(err);
  }
  const { session, isNew } = deps.sessions.begin(runtime.arn, sessionId, runtime.idleRuntimeSessionTimeout, runtime.maxLifetime);
  const ctrl = new AbortController();
  session.active.add(ctrl);
  const signal = AbortSignal.any([ctx.signal, ctrl.signal]);
  const done = (): boolean => session.active.delete(ctrl);
  const traceId = traceIdFor(ctx, started);
  const headersFor = (contentType: string): Record<string, string> => ({
    'content-type': contentType,
    [SESSION_HEADER]: sessionId,
    'x-amzn-trace-id': `Root=${traceId}`,
  });
  const record = (extra: Partial<InvocationRecord>): void =>
    deps.emit({ ...baseRecord(deps, ctx, runtime, sessionId, started, { outcome: 'ok' }), coldStart: isNew, traceId, ...extra });

  const coldMs = isNew ? (deps.faults.coldStartSeconds('InvokeAgentRuntime') ?? deps.coldStartSeconds) * 1000 : 0;
  if (coldMs > 0) await delay(coldMs, signal);

  if (runtime.behaviour === 'bridge') {
    try {
      return await proxyToAgent(runtime, ctx, sessionId, signal, headersFor, (text, fields) => {
        done();
        record({ replyText: text, outputTokens: estimateTokens(text), ...fields });
      });
    } catch (err) {
      done();
      return fail(err);
    }
  }

  const behaviour = BEHAVIOURS[runtime.behaviour];
  const payload = parsePayload(ctx.body);
  if (behaviour.jsonInput && payload === INVALID) {
    done();
    return fail(new AwsError(424, 'RuntimeClientError', RUNTIME_CLIENT_ERROR));
  }
  const prompt = extractPrompt(payload === INVALID ? ctx.body.toString('utf8') : payload) ?? '';
  const rng = Rng.for(deps.seed, 'reply', runtime.id, sessionId, session.turns, n);
  const reply = behaviour.reply({
    prompt,
    payload: payload === INVALID ? ctx.body.toString('utf8') : payload,
    sessionId,
    actorId: header(ctx, USER_HEADER) ?? 'alice',
    turn: session.turns,
    rng,
    runtime,
    now: started,
  });

  if (reply.kind !== 'sse') {
    await delay(generationDelayMs(estimateTokens(reply.text), deps.pacing), signal);
    done();
    const errorMessage =
      runtime.behaviour === 'model-access-error' ? (reply.kind === 'json' ? String((reply.body as { error?: string }).error) : undefined) : undefined;
    // Recorded once written: a garbled or half-sent body is a failure with no reply, whatever the agent said.
    const onDelivered = (d: Delivery): void => {
      const text = d.kind === 'complete' ? reply.text : '';
      record({ replyText: text, outputTokens: estimateTokens(text), ...(errorMessage ? { errorMessage } : {}), ...deliveredFields(d) });
    };
    return reply.kind === 'json'
      ? { headers: headersFor('application/json'), body: Buffer.from(JSON.stringify(reply.body)), onDelivered }
      : { headers: headersFor('text/plain; charset=utf-8'), body: Buffer.from(reply.text), onDelivered };
  }

  const sse = reply.frames;
  const frames = pacedFrames(sse, deps.pacing, rng, signal);
  async function* stream(): AsyncGenerator<string> {
    try {
      for await (const frame of frames) yield frame;
    } finally {
      done();
    }
  }
  const onDelivered = (d: Delivery): void => {
    done(); // a garbled reply never starts the stream, so its finally never runs
    const malformed = d.kind === 'malformed';
    // The text of the frames that went out whole; all of them is the agent's own text.
    const text = malformed ? '' : d.chunks >= sse.length ? reply.text : textFromSse(sse.slice(0, d.chunks).map(formatSse).join(''));
    record({ replyText: text, outputTokens: estimateTokens(text), ...deliveredFields(d, ctrl.signal.aborted) });
  };
  return { headers: headersFor('text/event-stream'), stream: stream(), onDelivered };
}

const INVALID = Symbol('invalid-json');

function parsePayload(body: Buffer): unknown {
  if (body.length === 0) return {};
  try {
    return JSON.parse(body.toString('utf8'));
  } catch {
    return INVALID;
  }
}

function baseRecord(
  deps: RuntimeDeps,
  ctx: RequestContext,
  runtime: RuntimeSpec,
  sessionId: string,
  started: number,
  outcome: Pick<InvocationRecord, 'outcome'> & { errorMessage?: string },
): InvocationRecord {
  const prompt = extractPrompt(safeJson(ctx.body)) ?? ctx.body.toString('utf8').slice(0, 2000);
  const userId = header(ctx, USER_HEADER);
  return {
    region: runtime.region,
    accountId: runtime.accountId,
    runtimeArn: runtime.arn,
    runtimeId: runtime.id,
    runtimeName: runtime.name,
    endpointName: ctx.query.get('qualifier') || 'DEFAULT',
    sessionId,
    ...(userId ? { userId } : {}),
    ...(runtime.memoryId ? { memoryId: runtime.memoryId } : {}),
    prompt,
    replyText: '',
    startedAt: started,
    latencyMs: Math.max(0, deps.now() - started),
    coldStart: false,
    traceId: traceIdFor(ctx, started),
    // The id the server put in x-amzn-requestid: the runtime's log lines name it, as AgentCore's do.
    ...(ctx.requestId ? { requestId: ctx.requestId } : {}),
    // System prompt + tool schemas dominate input tokens for real agents.
    inputTokens: estimateTokens(prompt) + 350,
    outputTokens: 0,
    ...outcome,
  };
}

function safeJson(body: Buffer): unknown {
  try {
    return JSON.parse(body.toString('utf8'));
  } catch {
    return undefined;
  }
}
