/**
 * One `aws/spans` record → a span, or null when the record is not span JSON
 * (a truncated line, another writer's text): the caller counts those rather
 * than failing the trace. OTEL exporters differ in small ways — kinds as
 * `SERVER` or `SPAN_KIND_SERVER`, status codes as names or numbers, times as
 * numbers or digit strings — so each is read leniently and normalised once.
 */
import { z } from 'zod';
import type { SpanAttribute, SpanCategory, SpanRow } from '../../../shared/traces';

export type ParsedSpan = Omit<SpanRow, 'depth' | 'orphan' | 'critical' | 'childCount'> & {
  traceId: string;
  sessionId?: string;
  service?: string;
  /** The resource's `cloud.resource_id`: the runtime's ARN for AgentCore spans. */
  resourceId?: string;
};

const hexId = z.string().regex(/^[0-9a-fA-F]{8,64}$/);
const nanos = z.union([z.number(), z.string().regex(/^\d{1,25}$/)]);
const recordSchema = z.object({
  traceId: hexId,
  spanId: hexId,
  parentSpanId: z.union([hexId, z.literal('')]).optional(),
  name: z.string().max(2000),
  kind: z.union([z.string(), z.number()]).optional(),
  startTimeUnixNano: nanos,
  endTimeUnixNano: nanos,
  status: z
    .object({ code: z.union([z.string(), z.number()]).optional(), message: z.string().optional() })
    .partial()
    .optional(),
  attributes: z.record(z.string(), z.unknown()).optional(),
  resource: z
    .object({ attributes: z.record(z.string(), z.unknown()).optional() })
    .partial()
    .optional(),
});

const KINDS = ['UNSPECIFIED', 'INTERNAL', 'SERVER', 'CLIENT', 'PRODUCER', 'CONSUMER'];

function kindName(kind: string | number | undefined): string {
  if (typeof kind === 'number') return KINDS[kind] ?? 'UNSPECIFIED';
  return (kind ?? 'UNSPECIFIED').replace(/^SPAN_KIND_/, '').toUpperCase();
}

function statusOf(code: string | number | undefined): SpanRow['status'] {
  if (code === 2 || (typeof code === 'string' && /ERROR$/i.test(code))) return 'error';
  if (code === 1 || (typeof code === 'string' && /OK$/i.test(code))) return 'ok';
  return 'unset';
}

/** Nested attribute objects become dotted keys, as Logs Insights names them; lists stay whole, as JSON text. */
export function flattenAttributes(value: Record<string, unknown>, prefix = '', out: Record<string, SpanAttribute> = {}): Record<string, SpanAttribute> {
  for (const [key, v] of Object.entries(value)) {
    const name = prefix ? `${prefix}.${key}` : key;
    if (v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') out[name] = v;
    else if (Array.isArray(v)) out[name] = JSON.stringify(v);
    else if (typeof v === 'object') flattenAttributes(v as Record<string, unknown>, name, out);
  }
  return out;
}

const str = (v: SpanAttribute | undefined): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);
const count = (v: SpanAttribute | undefined): number | undefined => {
  const n = typeof v === 'string' ? Number(v) : v;
  return typeof n === 'number' && Number.isFinite(n) && n >= 0 ? n : undefined;
};

/** What a span is, from the GenAI semantic conventions first and its name as a fallback. */
export function categorize(name: string, kind: string, a: Record<string, SpanAttribute>): SpanCategory {
  const operation = str(a['gen_ai.operation.name']);
  if (operation === 'execute_tool' || a['gen_ai.tool.name'] !== undefined || /^execute_tool\b/.test(name)) return 'tool';
  if (operation === 'chat' || operation === 'text_completion' || operation === 'generate_content' || a['gen_ai.usage.input_tokens'] !== undefined)
    return 'model';
  if (a['aws.bedrock_agentcore.memory_id'] !== undefined || /memor/i.test(name) || /Memory|Event/.test(str(a['rpc.method']) ?? '')) return 'memory';
  if (operation === 'invoke_agent' || /^invoke_agent\b/.test(name)) return 'agent';
  if (a['event_loop.cycle_id'] !== undefined || /event_loop_cycle/.test(name)) return 'cycle';
  if (kind === 'SERVER' || a['http.method'] !== undefined || a['http.request.method'] !== undefined) return 'http';
  return 'other';
}

export function parseSpanRecord(message: string): ParsedSpan | null {
  let json: unknown;
  try {
    json = JSON.parse(message);
  } catch {
    return null;
  }
  const parsed = recordSchema.safeParse(json);
  if (!parsed.success) return null;
  const r = parsed.data;
  const start = Number(r.startTimeUnixNano) / 1e6;
  const end = Number(r.endTimeUnixNano) / 1e6;
  if (!Number.isFinite(start) || !Number.isFinite(end)) return null;
  const attributes = flattenAttributes(r.attributes ?? {});
  const kind = kindName(r.kind);
  const status = statusOf(r.status?.code);
  const model = str(attributes['gen_ai.request.model']) ?? str(attributes['gen_ai.response.model']);
  const category = categorize(r.name, kind, attributes);
  const inputTokens = count(attributes['gen_ai.usage.input_tokens'] ?? attributes['gen_ai.usage.prompt_tokens']);
  const outputTokens = count(attributes['gen_ai.usage.output_tokens'] ?? attributes['gen_ai.usage.completion_tokens']);
  const sessionId = str(attributes['session.id']);
  const service = str(r.resource?.attributes?.['service.name'] as SpanAttribute | undefined);
  const resourceId = str(r.resource?.attributes?.['cloud.resource_id'] as SpanAttribute | undefined);
  const toolName = str(attributes['gen_ai.tool.name']);
  return {
    traceId: r.traceId.toLowerCase(),
    spanId: r.spanId.toLowerCase(),
    ...(r.parentSpanId ? { parentSpanId: r.parentSpanId.toLowerCase() } : {}),
    name: r.name,
    kind,
    category,
    start,
    end: Math.max(start, end),
    status,
    ...(status === 'error' && r.status?.message ? { error: r.status.message } : {}),
    ...(category === 'model' && model ? { model } : {}),
    ...(toolName ? { toolName } : {}),
    ...(inputTokens !== undefined ? { inputTokens } : {}),
    ...(outputTokens !== undefined ? { outputTokens } : {}),
    attributes,
    ...(sessionId ? { sessionId } : {}),
    ...(service ? { service } : {}),
    ...(resourceId ? { resourceId } : {}),
  };
}

/** X-Ray's `1-5f8a1b2c-<24 hex>` is the same 128 bits as OTEL's 32 hex id; AWS stores spans under the OTEL form. */
export function otelTraceId(traceId: string): string {
  const xray = /^1-([0-9a-f]{8})-([0-9a-f]{24})$/i.exec(traceId);
  return (xray ? xray[1]! + xray[2]! : traceId).toLowerCase();
}
