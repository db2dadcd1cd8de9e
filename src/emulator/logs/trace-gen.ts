/**
 * A big, odd trace on demand (admin `POST /_emulator/traces`): exactly N valid
 * spans of one long agent run — memory retrieve, many event-loop cycles with
 * model calls and tools, some tools delegating to sub-agents with loops of
 * their own — optionally with orphans (a parentSpanId that names no span) and
 * with records that are not JSON at all. For trace-view tests and benchmarks
 * that need the shapes real traffic produces only rarely.
 */
import { Rng } from '../kit/rng';
import { TOOLS } from './line-gen';
import { memoryIdFor, toolCallId } from './span-gen';
import {
  agentSpan,
  chatSpan,
  cycleSpan,
  layout,
  memorySpan,
  serverSpan,
  setUsage,
  spanRecords,
  toolSpan,
  withChildren,
  type GeneratedSpan,
  type SpanNode,
  type SpanSource,
} from './span-tree';

export interface BigTraceSpec {
  source: SpanSource;
  model: string;
  traceId: string;
  sessionId: string;
  spans: number;
  orphans: number;
  malformed: number;
  startTime: number;
  durationMs: number;
}

export interface BigTrace {
  spans: GeneratedSpan[];
  /** Records that are not valid JSON (truncated spans), for the same group. */
  malformed: GeneratedSpan[];
}

const MAX_DELEGATION_DEPTH = 3;

/** Builds an agent run of exactly `size` spans (≥ 1) under one `invoke_agent` span. */
function agentRun(rng: Rng, name: string, model: string, memoryId: string | undefined, size: number, depth: number): SpanNode {
  const agent = agentSpan(rng.hex(16), name, model);
  let left = size - 1;
  const children: SpanNode[] = [];
  const withMemory = memoryId !== undefined && left >= 4;
  if (withMemory) {
    children.push(memorySpan(rng.hex(16), 'RetrieveMemoryRecords', memoryId, 0.5));
    left -= 2; // the CreateEvent at the end is reserved now
  }
  let lastCycle: SpanNode | undefined;
  let cycleNo = 0;
  while (left >= 2) {
    const chat = chatSpan(rng.hex(16), model, 4 + rng.next() * 6);
    setUsage(chat, rng.int(800, 4000) + cycleNo * 150, rng.int(40, 600));
    const leaves: SpanNode[] = [chat];
    left -= 2;
    const tools = Math.min(rng.int(0, 2), left);
    for (let k = 0; k < tools && left > 0; k++) {
      const tool = toolSpan(rng.hex(16), rng.pick(TOOLS), toolCallId(rng), 0.3 + rng.next() * 0.9);
      left -= 1;
      if (depth < MAX_DELEGATION_DEPTH && left >= 12 && rng.chance(0.15)) {
        const sub = Math.min(left, rng.int(10, 80));
        tool.name = 'execute_tool delegate_to_specialist';
        tool.attributes['gen_ai.tool.name'] = 'delegate_to_specialist';
        withChildren(tool, [agentRun(rng, `${name}_specialist_${depth + 1}`, model, undefined, sub, depth + 1)]);
        left -= sub;
      }
      leaves.push(tool);
    }
    lastCycle = withChildren(cycleSpan(rng.hex(16), rng.uuid()), leaves);
    children.push(lastCycle);
    cycleNo++;
  }
  if (left === 1) {
    if (lastCycle) lastCycle.children.push(toolSpan(rng.hex(16), rng.pick(TOOLS), toolCallId(rng), 0.5));
    else children.push(chatSpan(rng.hex(16), model, 5));
  }
  if (withMemory) children.push(memorySpan(rng.hex(16), 'CreateEvent', memoryId, 0.5));
  return withChildren(agent, children);
}

function descendants(root: SpanNode): SpanNode[] {
  const out: SpanNode[] = [];
  const stack = [...root.children];
  while (stack.length > 0) {
    const n = stack.pop()!;
    out.push(n);
    stack.push(...n.children);
  }
  return out;
}

export function bigTrace(seed: number, spec: BigTraceSpec): BigTrace {
  const rng = Rng.for(seed, 'big-trace', spec.traceId);
  const root = serverSpan(rng.hex(16), 200);
  const memoryId = memoryIdFor(seed, spec.source);
  if (spec.spans > 1) withChildren(root, [agentRun(rng, spec.source.runtimeName, spec.model, memoryId, spec.spans - 1, 0)]);
  layout(root, spec.startTime, spec.startTime + spec.durationMs);
  // Orphans: spans whose parent was never exported (a crashed process, a dropped batch); their own subtrees stay attached.
  const pool = descendants(root);
  for (let i = 0; i < spec.orphans; i++) {
    const j = i + rng.int(0, pool.length - 1 - i);
    [pool[i], pool[j]] = [pool[j]!, pool[i]!];
    pool[i]!.parentOverride = rng.hex(16);
  }
  const spans = spanRecords(root, spec.traceId, spec.sessionId, spec.source);
  const malformed = Array.from({ length: spec.malformed }, () => {
    const s = spans[rng.int(0, spans.length - 1)]!;
    return { timestamp: s.timestamp, message: s.message.slice(0, rng.int(10, s.message.length - 2)) };
  });
  return { spans, malformed };
}
