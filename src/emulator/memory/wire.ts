/**
 * Conversions between stored state and the memory data plane's JSON shapes.
 * Timestamps are epoch SECONDS on this wire (restJson1 default); the SDK's
 * deserializer rejects strings here, so every timestamp goes through `toWireTime`.
 */
import { AwsError, type MemoryDefinition, type ModuleDeps, type RequestContext } from '../core/types';
import type { StoredEvent, StoredRecord } from './store';

export function toWireTime(ms: number): number {
  return Math.round(ms) / 1000;
}

export function eventToWire(e: StoredEvent, includePayload = true): Record<string, unknown> {
  const out: Record<string, unknown> = {
    memoryId: e.memoryId,
    actorId: e.actorId,
    sessionId: e.sessionId,
    eventId: e.eventId,
    eventTimestamp: toWireTime(e.eventTimestamp),
    payload: includePayload ? e.payload : [],
  };
  if (e.branch) out.branch = e.branch;
  if (e.metadata) out.metadata = e.metadata;
  return out;
}

export function recordToWire(r: StoredRecord, score?: number): Record<string, unknown> {
  const out: Record<string, unknown> = {
    memoryRecordId: r.memoryRecordId,
    content: { text: r.text },
    memoryStrategyId: r.memoryStrategyId,
    namespaces: r.namespaces,
    createdAt: toWireTime(r.createdAt),
  };
  if (score !== undefined) out.score = score;
  return out;
}

/** The memory named by the `memoryId` path label, in the caller's region. */
export function findMemory(deps: ModuleDeps, ctx: RequestContext): MemoryDefinition {
  const id = ctx.params.memoryId ?? '';
  const memory = deps.world.memories(ctx.region).find((m) => m.id === id || m.arn === id);
  if (!memory) throw new AwsError(404, 'ResourceNotFoundException', `Memory not found: ${id}`);
  return memory;
}

export function badToken(): never {
  throw new AwsError(400, 'ValidationException', 'Invalid nextToken', {
    reason: 'FieldValidationFailed',
    fieldList: [{ name: 'nextToken', message: 'Invalid pagination token' }],
  });
}
