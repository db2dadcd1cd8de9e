/**
 * The vocabulary of generated OpenTelemetry spans, shared by the per-invocation
 * trees (span-gen.ts) and the big traces of the admin API (trace-gen.ts): span
 * factories for the shapes a Strands agent on AgentCore emits, a layout that
 * fits children sequentially inside their parent by weight, and the
 * serialisation to the JSON records Transaction Search stores in `aws/spans`.
 * Times are kept in fractional ms and written as exact nanosecond digit
 * strings, so even a 20 ms fast-mode invocation has a well-nested tree.
 */
import { jsonWithNanos } from './line-gen';

export type SpanKind = 'SERVER' | 'INTERNAL' | 'CLIENT';
export interface SpanStatus {
  code: 'OK' | 'ERROR';
  message?: string;
}

export interface SpanNode {
  name: string;
  kind: SpanKind;
  scope: string;
  spanId: string;
  attributes: Record<string, unknown>;
  status: SpanStatus;
  /** A leaf's share of its parent's time; a parent's share is the sum of its children's. */
  weight: number;
  children: SpanNode[];
  /** Epoch ms with sub-ms precision, set by `layout`. */
  start: number;
  end: number;
  /** Written instead of the tree parent's id: an orphan whose parent never arrives. */
  parentOverride?: string;
}

/** Where the spans come from: one runtime endpoint, as the ADOT collector stamps it on the resource. */
export interface SpanSource {
  runtimeId: string;
  runtimeName: string;
  endpointName: string;
  region: string;
  accountId: string;
  /** The runtime's AgentCore Memory, when it has one. */
  memoryId?: string;
}

export interface GeneratedSpan {
  /** The event timestamp: the span's end, as the collector exports a span when it ends. */
  timestamp: number;
  message: string;
}

export const OK: SpanStatus = { code: 'OK' };
/** Share of a parent's time spent outside its children (framework overhead between steps). */
const GAP_SHARE = 0.02;
const STRANDS = 'strands.telemetry.tracer';

function node(name: string, kind: SpanKind, scope: string, spanId: string, attributes: Record<string, unknown>, weight = 0): SpanNode {
  return { name, kind, scope, spanId, attributes, status: OK, weight, children: [], start: 0, end: 0 };
}

export function serverSpan(spanId: string, httpStatus: number): SpanNode {
  return node('POST /invocations', 'SERVER', 'opentelemetry.instrumentation.starlette', spanId, {
    'http.method': 'POST',
    'http.route': '/invocations',
    'http.status_code': httpStatus,
  });
}

export function agentSpan(spanId: string, agentName: string, model: string): SpanNode {
  return node(`invoke_agent ${agentName}`, 'INTERNAL', STRANDS, spanId, {
    'gen_ai.operation.name': 'invoke_agent',
    'gen_ai.agent.name': agentName,
    'gen_ai.request.model': model,
  });
}

export function cycleSpan(spanId: string, cycleId: string): SpanNode {
  return node('execute_event_loop_cycle', 'INTERNAL', STRANDS, spanId, { 'event_loop.cycle_id': cycleId });
}

export function chatSpan(spanId: string, model: string, weight: number): SpanNode {
  return node(
    `chat ${model}`,
    'CLIENT',
    STRANDS,
    spanId,
    { 'gen_ai.system': 'aws.bedrock', 'gen_ai.operation.name': 'chat', 'gen_ai.request.model': model },
    weight,
  );
}

export function toolSpan(spanId: string, toolName: string, callId: string, weight: number): SpanNode {
  return node(
    `execute_tool ${toolName}`,
    'INTERNAL',
    STRANDS,
    spanId,
    { 'gen_ai.operation.name': 'execute_tool', 'gen_ai.tool.name': toolName, 'gen_ai.tool.call.id': callId },
    weight,
  );
}

export function memorySpan(spanId: string, method: 'RetrieveMemoryRecords' | 'CreateEvent', memoryId: string, weight: number): SpanNode {
  return node(
    method,
    'CLIENT',
    'opentelemetry.instrumentation.botocore',
    spanId,
    { 'rpc.system': 'aws-api', 'rpc.service': 'BedrockAgentCore', 'rpc.method': method, 'aws.bedrock_agentcore.memory_id': memoryId },
    weight,
  );
}

export function withChildren(parent: SpanNode, children: SpanNode[]): SpanNode {
  parent.children.push(...children);
  return parent;
}

export function setUsage(chat: SpanNode, inputTokens: number, outputTokens: number): void {
  chat.attributes['gen_ai.usage.input_tokens'] = inputTokens;
  chat.attributes['gen_ai.usage.output_tokens'] = outputTokens;
}

/** Split an integer total into parts proportional to `weights` that sum to it exactly. */
export function splitInt(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0) || 1;
  const parts = weights.map((w) => Math.floor((total * w) / sum));
  if (parts.length > 0) parts[parts.length - 1]! += total - parts.reduce((a, b) => a + b, 0);
  return parts;
}

function weightOf(n: SpanNode): number {
  return n.children.length === 0 ? n.weight : n.children.reduce((s, c) => s + weightOf(c), 0);
}

/** Give `root` the interval [start, end] and its descendants consecutive slices of their parent's, by weight. */
export function layout(root: SpanNode, start: number, end: number): void {
  const stack: SpanNode[] = [root];
  root.start = start;
  root.end = end;
  while (stack.length > 0) {
    const parent = stack.pop()!;
    const n = parent.children.length;
    if (n === 0) continue;
    const span = parent.end - parent.start;
    const gap = (span * GAP_SHARE) / (n + 1);
    const weights = parent.children.map(weightOf);
    const total = weights.reduce((a, b) => a + b, 0) || n;
    let cursor = parent.start + gap;
    parent.children.forEach((child, i) => {
      child.start = cursor;
      child.end = cursor + (span * (1 - GAP_SHARE) * (weights[i] || total / n)) / total;
      cursor = child.end + gap;
      stack.push(child);
    });
  }
}

/** Epoch ms (fractional) → exact nanosecond digits. ms × 1e6 would pass 2^53, so the sub-ms part is added as digits. */
export function preciseNanos(ms: number): string {
  let whole = Math.floor(ms);
  let frac = Math.round((ms - whole) * 1e6);
  if (frac >= 1e6) {
    whole += 1;
    frac = 0;
  }
  return `${whole}${String(frac).padStart(6, '0')}`;
}

export function spanResource(src: SpanSource): Record<string, unknown> {
  return {
    attributes: {
      'service.name': `${src.runtimeName}.${src.endpointName}`,
      'cloud.region': src.region,
      'cloud.resource_id': `arn:aws:bedrock-agentcore:${src.region}:${src.accountId}:runtime/${src.runtimeId}`,
      'aws.log.group.names': `/aws/bedrock-agentcore/runtimes/${src.runtimeId}-${src.endpointName}`,
    },
  };
}

/** The tree as `aws/spans` records, parents before children. */
export function spanRecords(root: SpanNode, traceId: string, sessionId: string, src: SpanSource): GeneratedSpan[] {
  const resource = spanResource(src);
  const out: GeneratedSpan[] = [];
  const stack: Array<{ n: SpanNode; parent?: string }> = [{ n: root }];
  while (stack.length > 0) {
    const { n, parent } = stack.pop()!;
    const parentSpanId = n.parentOverride ?? parent;
    const start = preciseNanos(n.start);
    const end = preciseNanos(n.end);
    out.push({
      timestamp: Math.floor(n.end),
      message: jsonWithNanos({
        resource,
        scope: { name: n.scope },
        traceId,
        spanId: n.spanId,
        ...(parentSpanId ? { parentSpanId } : {}),
        flags: 256,
        name: n.name,
        kind: n.kind,
        startTimeUnixNano: `__ns:${start}`,
        endTimeUnixNano: `__ns:${end}`,
        durationNano: `__ns:${BigInt(end) - BigInt(start)}`,
        attributes: { 'session.id': sessionId, ...n.attributes },
        status: n.status,
      }),
    });
    for (let i = n.children.length - 1; i >= 0; i--) stack.push({ n: n.children[i]!, parent: n.spanId });
  }
  return out;
}
