/**
 * The span tree one invocation writes to `aws/spans`, shaped like a Strands
 * agent's on AgentCore: `POST /invocations` (server) → `invoke_agent` → an
 * optional memory retrieve, 1–4 event-loop cycles of a model call followed
 * by tool calls, and an optional memory CreateEvent. Synthetic history and
 * real InvokeAgentRuntime calls both come through here, so the console's
 * trace view reads the same shapes from either. Deterministic per (seed, key).
 */
import { Rng } from '../kit/rng';
import { modelFor, TOOLS, toOtelTraceId, type InvocationFacts } from './line-gen';
import {
  agentSpan,
  chatSpan,
  cycleSpan,
  layout,
  memorySpan,
  serverSpan,
  setUsage,
  spanRecords,
  splitInt,
  toolSpan,
  withChildren,
  type GeneratedSpan,
  type SpanNode,
  type SpanStatus,
} from './span-tree';

export const TOOL_ERRORS = [
  'ToolExecutionError: upstream returned 503 Service Unavailable',
  'TimeoutError: tool call exceeded 30 s',
  'ValidationError: missing required argument "namespace"',
];

/** About half the runtimes talk to AgentCore Memory on every turn; supervisors always do (the demo's memory-backed agent). */
export function hasMemoryTraffic(seed: number, runtimeId: string, runtimeName: string): boolean {
  return runtimeName.includes('supervisor') || Rng.for(seed, 'memory-traffic', runtimeId).chance(0.5);
}

/** The memory a runtime's spans name: its own when it has one, else a stable made-up id. */
export function memoryIdFor(seed: number, f: Pick<InvocationFacts, 'runtimeId' | 'runtimeName' | 'memoryId'>): string {
  return f.memoryId ?? `${f.runtimeName}_mem-${Rng.for(seed, 'memory-id', f.runtimeId).chars(10)}`;
}

export function toolCallId(rng: Rng): string {
  return `tooluse_${rng.chars(22)}`;
}

interface Cycle {
  span: SpanNode;
  chat: SpanNode;
  leaves: SpanNode[]; // chat first, then tools
}

function failed(message: string): SpanStatus {
  return { code: 'ERROR', message };
}

export function invocationSpans(seed: number, f: InvocationFacts): GeneratedSpan[] {
  if (f.outcome === 'throttled') return []; // rejected before reaching the container
  const traceId = toOtelTraceId(f.traceId);
  const end = f.startedAt + Math.max(f.latencyMs, 20);
  const httpStatus = f.outcome === 'ok' ? 200 : f.outcome === 'user_error' ? 400 : 500;
  const server = serverSpan(Rng.for(seed, 'span', f.key, 'server').hex(16), httpStatus);
  const error = f.outcome === 'ok' ? undefined : (f.errorMessage ?? (f.outcome === 'user_error' ? 'Invalid payload' : 'Agent invocation failed'));
  if (error) server.status = failed(error);
  if (f.outcome === 'user_error') {
    layout(server, f.startedAt, end);
    return spanRecords(server, traceId, f.sessionId, f);
  }

  const rng = Rng.for(seed, 'span-tree', f.key);
  const ids = Rng.for(seed, 'span-ids', f.key);
  const model = modelFor(seed, f.runtimeId);
  // Same id as the agent's OTEL log record in line-gen, so the log and its span correlate.
  const agent = agentSpan(Rng.for(seed, 'span', f.key, 'agent').hex(16), f.runtimeName, model);
  if (error) agent.status = failed(error);

  const supervisor = f.runtimeName.includes('supervisor');
  const cycleCount = supervisor && f.outcome === 'ok' ? rng.int(2, 4) : rng.int(1, 4);
  let cycles: Cycle[] = [];
  for (let i = 0; i < cycleCount; i++) {
    const chat = chatSpan(ids.hex(16), model, 4 + rng.next() * 6);
    const leaves = [chat];
    const tools = i < cycleCount - 1 ? rng.int(1, 2) : 0;
    for (let k = 0; k < tools; k++) leaves.push(toolSpan(ids.hex(16), rng.pick(TOOLS), toolCallId(ids), 0.3 + rng.next() * 0.9));
    cycles.push({ span: cycleSpan(ids.hex(16), ids.uuid()), chat, leaves });
  }

  const memory = hasMemoryTraffic(seed, f.runtimeId, f.runtimeName) ? memoryIdFor(seed, f) : undefined;
  let createEvent = memory ? memorySpan(ids.hex(16), 'CreateEvent', memory, 0.3 + rng.next() * 0.4) : undefined;
  if (error) {
    // The run stops at the span that failed: nothing after it in its cycle, no later cycles, no memory write.
    const all = cycles.flatMap((c, ci) => c.leaves.map((leaf, li) => ({ ci, li, leaf })));
    const at = rng.pick(all);
    at.leaf.status = failed(error);
    cycles = cycles.slice(0, at.ci + 1);
    const last = cycles[at.ci]!;
    last.leaves = last.leaves.slice(0, at.li + 1);
    last.span.status = failed(error);
    createEvent = undefined;
  } else if (rng.chance(0.05)) {
    // A tool that failed and the agent recovered from: only the tool span says so.
    const tools = cycles.flatMap((c) => c.leaves.slice(1));
    if (tools.length > 0) rng.pick(tools).status = failed(rng.pick(TOOL_ERRORS));
  }

  // Context grows every cycle, so later model calls read more tokens; the parts sum to the invocation's totals.
  const inputs = splitInt(
    f.inputTokens,
    cycles.map((_, i) => i + 1),
  );
  const outputs = splitInt(
    f.outputTokens,
    cycles.map(() => 0.5 + rng.next()),
  );
  cycles.forEach((c, i) => setUsage(c.chat, inputs[i]!, outputs[i]!));

  const agentChildren: SpanNode[] = [];
  if (memory) agentChildren.push(memorySpan(ids.hex(16), 'RetrieveMemoryRecords', memory, 0.3 + rng.next() * 0.5));
  agentChildren.push(...cycles.map((c) => withChildren(c.span, c.leaves)));
  if (createEvent) agentChildren.push(createEvent);
  withChildren(server, [withChildren(agent, agentChildren)]);
  layout(server, f.startedAt, end);
  return spanRecords(server, traceId, f.sessionId, f);
}
