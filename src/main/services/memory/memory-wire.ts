/**
 * AgentCore Memory's SDK shapes → what the renderer shows. Payloads are
 * untrusted: text stays text, blobs become pretty JSON with a size cap (the
 * full value is in the export), unknown roles read as OTHER.
 */
import type { Event, ExtractionJobMetadata, MemoryRecordSummary, MemoryRecord as SdkRecord, PayloadType } from '@aws-sdk/client-bedrock-agentcore';
import type { ConversationalRole, ExtractionJob, MemoryEvent, MemoryPart, MemoryRecord } from '../../../shared/memory';

const BLOB_DISPLAY_CAP = 64 * 1024;
const ROLES: readonly ConversationalRole[] = ['USER', 'ASSISTANT', 'TOOL', 'OTHER'];

function part(item: PayloadType): MemoryPart {
  if (item.conversational) {
    const role = ROLES.find((r) => r === item.conversational?.role) ?? 'OTHER';
    return { kind: 'turn', role, text: item.conversational.content?.text ?? '' };
  }
  const value: unknown = item.blob ?? ('$unknown' in item ? item.$unknown : item);
  const json = JSON.stringify(value, null, 2) ?? 'null';
  return json.length > BLOB_DISPLAY_CAP ? { kind: 'blob', json: json.slice(0, BLOB_DISPLAY_CAP), truncated: true } : { kind: 'blob', json, truncated: false };
}

export function toMemoryEvent(e: Event): MemoryEvent {
  const metadata: Record<string, string> = {};
  for (const [key, value] of Object.entries(e.metadata ?? {})) metadata[key] = value.stringValue ?? JSON.stringify(value);
  return {
    eventId: e.eventId ?? '',
    actorId: e.actorId ?? '',
    sessionId: e.sessionId ?? '',
    at: e.eventTimestamp?.getTime() ?? 0,
    parts: (e.payload ?? []).map(part),
    ...(e.branch?.name ? { branch: { name: e.branch.name, ...(e.branch.rootEventId ? { rootEventId: e.branch.rootEventId } : {}) } } : {}),
    metadata,
  };
}

export function toMemoryRecord(r: MemoryRecordSummary | SdkRecord): MemoryRecord {
  return {
    recordId: r.memoryRecordId ?? '',
    text: r.content?.text ?? '',
    strategyId: r.memoryStrategyId ?? '',
    namespaces: r.namespaces ?? [],
    ...(r.createdAt ? { createdAt: r.createdAt.getTime() } : {}),
    ...('score' in r && typeof r.score === 'number' ? { score: r.score } : {}),
  };
}

export function toExtractionJob(j: ExtractionJobMetadata): ExtractionJob {
  return {
    jobId: j.jobID ?? '',
    status: j.status ?? 'UNKNOWN',
    ...(j.failureReason ? { failureReason: j.failureReason } : {}),
    ...(j.strategyId ? { strategyId: j.strategyId } : {}),
    ...(j.actorId ? { actorId: j.actorId } : {}),
    ...(j.sessionId ? { sessionId: j.sessionId } : {}),
    eventIds: [...new Set((j.messages?.messagesList ?? []).map((m) => m.eventId ?? '').filter(Boolean))],
  };
}

/** An event as AgentCore returned it, for JSONL export (dates as ISO strings). */
export function eventExportLine(e: Event): string {
  return JSON.stringify({ ...e, eventTimestamp: e.eventTimestamp?.toISOString() });
}

export function recordExportLine(r: MemoryRecordSummary): string {
  return JSON.stringify({ ...r, createdAt: r.createdAt?.toISOString() });
}
