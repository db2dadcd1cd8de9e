/**
 * What a demo harness streams for one turn, as InvokeHarnessStreamOutput
 * events in order (member names exactly the SDK's union: messageStart,
 * contentBlockStart/Delta/Stop, messageStop, metadata). The SRE harness runs
 * one agent-loop iteration with a tool; the FAQ harness only talks.
 */
import type { Rng } from '../kit/rng';
import { chunkTokens, estimateTokens, intentOf, topicOf } from '../runtime/text';
import type { HarnessSpec } from './model';

export interface HarnessEvent {
  /** The `:event-type` header: a member name of the stream union. */
  type: string;
  body: Record<string, unknown>;
  /** Pacing weight: generated tokens wait, bookkeeping events do not. */
  weight?: number;
}

export interface TurnInput {
  harness: HarnessSpec;
  prompt: string;
  /** 1 for a session's first turn. */
  turn: number;
  rng: Rng;
}

/** Time to first token, in token delays: the model reads the prompt before it streams. */
const FIRST_TOKEN_WEIGHT = 8;

const ev = (type: string, body: Record<string, unknown>, weight = 0): HarnessEvent => ({ type, body, weight });

/** One block of streamed text (or reasoning) at `index`, in 1–3 word deltas. */
function textBlock(index: number, text: string, rng: Rng, kind: 'text' | 'reasoning'): HarnessEvent[] {
  const deltas = chunkTokens(text, () => rng.next()).map((piece) =>
    ev('contentBlockDelta', { contentBlockIndex: index, delta: kind === 'text' ? { text: piece } : { reasoningContent: { text: piece } } }, 1),
  );
  return [...deltas, ev('contentBlockStop', { contentBlockIndex: index })];
}

/** The JSON input streamed in a few fragments, as models emit tool arguments. */
function toolUseBlock(index: number, toolUseId: string, name: string, input: Record<string, unknown>): HarnessEvent[] {
  const json = JSON.stringify(input);
  const cut = [0, Math.ceil(json.length / 3), Math.ceil((2 * json.length) / 3), json.length];
  const fragments = cut.slice(1).map((end, i) => json.slice(cut[i], end));
  return [
    ev('contentBlockStart', { contentBlockIndex: index, start: { toolUse: { toolUseId, name, type: 'tool_use' } } }),
    ...fragments.map((input) => ev('contentBlockDelta', { contentBlockIndex: index, delta: { toolUse: { input } } }, 1)),
    ev('contentBlockStop', { contentBlockIndex: index }),
  ];
}

const turnNote = (turn: number): string => (turn === 1 ? 'This is turn 1 of a new session.' : `This is turn ${turn} of this session (resumed).`);

/** The turn's events, closed by a `metadata` event with token usage; the stream adds `metrics.latencyMs` as it sends it. */
export function harnessTurn({ harness, prompt, turn, rng }: TurnInput): HarnessEvent[] {
  const topic = topicOf(prompt);
  const inputTokens = estimateTokens(harness.systemPrompt) + estimateTokens(prompt) + 120 * turn + 80 * (harness.tools?.length ?? 0);
  const events = harness.behaviour === 'sre-tools' ? sreTurn(prompt, topic, turn, rng) : faqTurn(prompt, topic, turn, rng);
  // Model output is what the model streamed (text, reasoning, tool input), not the tool's result.
  const generated = events
    .filter((e) => e.type === 'contentBlockDelta' && !('toolResult' in (e.body.delta as object)))
    .map((e) => JSON.stringify(e.body.delta))
    .join('');
  const outputTokens = estimateTokens(generated);
  return [...events, ev('metadata', { usage: { inputTokens, outputTokens, totalTokens: inputTokens + outputTokens } })];
}

function sreTurn(prompt: string, topic: string, turn: number, rng: Rng): HarnessEvent[] {
  const metrics = /latency|slow|p99|cpu|error rate|metric/i.test(prompt);
  const tool = metrics ? 'query_metrics' : 'get_pod_status';
  const service = /([a-z]+-service)/.exec(prompt)?.[1] ?? 'payment-service';
  const toolUseId = `tooluse_${rng.chars(22)}`;
  const input = metrics ? { service, window: '15m' } : { namespace: 'production', service };
  const result = metrics
    ? { service, window: '15m', p50Ms: 84, p99Ms: 2310, errorRate: 0.042, cpu: 0.91 }
    : { service, pods: [{ name: `${service}-7d9f8c6b5-x2k4q`, phase: 'Running', restarts: 7, lastTermination: 'OOMKilled' }] };
  const reasoning = `The user asks about ${topic}. Before diagnosing I should call ${tool} for ${service} and base the answer on what it returns.`;
  const answer = metrics
    ? `${turnNote(turn)} ${service} is saturated: p99 latency is 2.3 s against 84 ms at p50, 4.2 % of requests fail and CPU sits at 91 %. Scale the deployment out or raise its CPU limit, then watch p99 for 15 minutes.`
    : `${turnNote(turn)} ${service} has restarted 7 times; the last termination was OOMKilled. Raise its memory limit (or fix the leak behind it) and check the restarts stop.`;
  return [
    ev('messageStart', { role: 'assistant' }, FIRST_TOKEN_WEIGHT),
    ...textBlock(0, reasoning, rng, 'reasoning'),
    ...toolUseBlock(1, toolUseId, tool, input),
    ev('messageStop', { stopReason: 'tool_use' }),
    // The harness runs the tool itself and streams its result as the next (user-role) message, as Converse models it.
    ev('messageStart', { role: 'user' }),
    ev('contentBlockStart', { contentBlockIndex: 0, start: { toolResult: { toolUseId, status: 'success' } } }),
    // Weighted like a tool call's run time, so demos pause where the tool runs.
    ev('contentBlockDelta', { contentBlockIndex: 0, delta: { toolResult: [{ json: result }] } }, 12),
    ev('contentBlockStop', { contentBlockIndex: 0 }),
    ev('messageStop', { stopReason: 'tool_result' }),
    ev('messageStart', { role: 'assistant' }),
    ...textBlock(0, answer, rng, 'text'),
    ev('messageStop', { stopReason: 'end_turn' }),
  ];
}

const FAQ: Array<['refund' | 'plan' | 'password' | 'invoice', RegExp]> = [
  ['refund', /refund|money back|cancel/i],
  ['plan', /plan|upgrade|downgrade|tier|price/i],
  ['password', /password|login|sign in|locked|mfa/i],
  ['invoice', /invoice|bill|charge|receipt/i],
];

const FAQ_ANSWERS: Record<(typeof FAQ)[number][0] | 'general', string> = {
  refund: 'Refund requests go through Billing > Requests; the billing team answers within 2 business days.',
  plan: 'You can change plans at any time under Settings > Plan; upgrades apply at once, downgrades at the next billing cycle.',
  password: 'Use "Forgot password" on the sign-in page; if MFA is lost, an account admin can reset it under Users.',
  invoice: 'Invoices are under Billing > Invoices as PDF, one per month, sent to the billing contact as well.',
  general: 'I can help with plans, invoices, refunds and account access. Could you tell me a little more?',
};

function faqTurn(prompt: string, topic: string, turn: number, rng: Rng): HarnessEvent[] {
  const answer = `${turnNote(turn)} About ${topic}: ${FAQ_ANSWERS[intentOf(prompt, FAQ, 'general')]}`;
  return [ev('messageStart', { role: 'assistant' }, FIRST_TOKEN_WEIGHT), ...textBlock(0, answer, rng, 'text'), ev('messageStop', { stopReason: 'end_turn' })];
}
