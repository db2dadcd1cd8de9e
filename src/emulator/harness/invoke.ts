/**
 * InvokeHarness (`POST /harnesses/invoke?harnessArn=…&qualifier=…`, data
 * plane): an `application/vnd.amazon.eventstream` reply whose frames the
 * SDK decodes into InvokeHarnessStreamOutput members. Request-level faults
 * (throttling, latency) come from the fault profile like any operation; the
 * stream fault knob (stream-fault.ts) breaks the stream after the 200.
 */
import type { Route } from '../core/types';
import { errors } from '../core/protocol';
import { Rng } from '../kit/rng';
import { eventFrame, exceptionFrame } from '../logs/event-frames';
import { paceToken, type Pacing } from '../runtime/pacing';
import type { HarnessFleet } from './fleet';
import { readHarnessRequest } from './invoke-request';
import { harnessTurn } from './replies';
import { applyHarnessFault, type HarnessFault, type StreamItem } from './stream-fault';

export interface HarnessInvokeDeps {
  fleet: HarnessFleet;
  now: () => number;
  seed: number;
  pacing: Pacing;
  fault: () => HarnessFault;
  /** Turns per `harnessArn|sessionId`: the same session id resumes the conversation. */
  turns: Map<string, number>;
}

export function harnessInvokeRoute(deps: HarnessInvokeDeps): Route {
  return {
    service: 'agentcore',
    operation: 'InvokeHarness',
    method: 'POST',
    path: '/harnesses/invoke',
    handle: (ctx) => {
      const started = deps.now();
      const { harness, sessionId, prompt } = readHarnessRequest(deps.fleet, ctx);
      if (harness.behaviour === 'model-access-denied') {
        // What Bedrock answers the harness's model call, passed through before any event is streamed.
        throw errors.accessDenied(
          `You don't have access to the model with the specified model ID. Harness ${harness.name} uses ${harness.modelId}; request access to it in the Amazon Bedrock console (Model access) for account ${harness.accountId}.`,
        );
      }
      const key = `${harness.arn}|${sessionId}`;
      const turn = (deps.turns.get(key) ?? 0) + 1;
      deps.turns.set(key, turn);
      const rng = Rng.for(deps.seed, 'harness-reply', harness.id, sessionId, turn);
      const items = applyHarnessFault(harnessTurn({ harness, prompt, turn, rng }), deps.fault(), harness.name);
      return { headers: { 'content-type': 'application/vnd.amazon.eventstream' }, stream: frames(items, deps, rng, ctx.signal, started) };
    },
  };
}

async function* frames(items: StreamItem[], deps: HarnessInvokeDeps, rng: Rng, signal: AbortSignal, started: number): AsyncGenerator<Uint8Array> {
  for (const item of items) {
    await paceToken('exception' in item ? 0 : (item.weight ?? 0), deps.pacing, rng, signal);
    if (signal.aborted) return;
    if ('exception' in item) {
      yield exceptionFrame(item.exception, item.message);
      return;
    }
    const body = item.type === 'metadata' ? { ...item.body, metrics: { latencyMs: Math.max(1, deps.now() - started) } } : item.body;
    yield eventFrame(item.type, body);
  }
}
