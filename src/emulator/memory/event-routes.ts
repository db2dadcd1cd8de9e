/** Short-term memory: CreateEvent, ListEvents, GetEvent, DeleteEvent, ListSessions, ListActors. */
import { AwsError, type ModuleDeps, type Route } from '../core/types';
import { optBoolean, optNumber, optObject, optString, readJsonBody, type JsonObject } from '../kit/json-body';
import { paginateList } from '../core/pagination';
import type { MemoryStore, StoredEvent } from './store';
import { checkActorId, checkMaxResults, checkSessionId, validationError } from './validate';
import { badToken, eventToWire, findMemory } from './wire';

const ROLES = new Set(['USER', 'ASSISTANT', 'TOOL', 'OTHER']);

function parsePayload(raw: unknown): unknown[] {
  if (!Array.isArray(raw) || raw.length === 0) throw validationError('payload', 'Member must have length greater than or equal to 1');
  return raw.map((item, i) => {
    const entry = (item ?? {}) as JsonObject;
    const kinds = ['conversational', 'blob', 'json'].filter((k) => entry[k] !== undefined);
    if (kinds.length !== 1) throw validationError(`payload.${i + 1}`, 'Member must set exactly one of conversational, blob, json');
    const conv = optObject(entry, 'conversational');
    if (conv) {
      const role = optString(conv, 'role');
      if (!role || !ROLES.has(role))
        throw validationError(`payload.${i + 1}.member.conversational.role`, 'Member must satisfy enum value set: [USER, ASSISTANT, TOOL, OTHER]');
      if (typeof optObject(conv, 'content')?.text !== 'string')
        throw validationError(`payload.${i + 1}.member.conversational.content`, 'Member must not be null');
    }
    return entry;
  });
}

/** ListEvents' `filter`: branch name (optionally with the main branch) and metadata predicates. */
function matchesFilter(e: StoredEvent, filter: JsonObject | undefined): boolean {
  if (!filter) return true;
  const branch = optObject(filter, 'branch');
  if (branch) {
    const name = optString(branch, 'name');
    const onBranch = (e.branch?.name ?? 'main') === name;
    if (!onBranch && !(optBoolean(branch, 'includeParentBranches') && !e.branch)) return false;
  }
  const predicates = Array.isArray(filter.eventMetadata) ? (filter.eventMetadata as JsonObject[]) : [];
  return predicates.every((p) => {
    const key = optString(optObject(p, 'left') ?? {}, 'metadataKey') ?? '';
    const actual = e.metadata?.[key]?.stringValue;
    const expected = optString(optObject(optObject(p, 'right') ?? {}, 'metadataValue') ?? {}, 'stringValue');
    switch (p.operator) {
      case 'EXISTS':
        return actual !== undefined;
      case 'NOT_EXISTS':
        return actual === undefined;
      default:
        return actual === expected;
    }
  });
}

export function eventRoutes(deps: ModuleDeps, store: MemoryStore): Route[] {
  const idempotency = new Map<string, StoredEvent>();
  const base = { service: 'agentcore' as const };
  return [
    {
      ...base,
      operation: 'CreateEvent',
      method: 'POST',
      path: '/memories/{memoryId}/events',
      handle(ctx) {
        const memory = findMemory(deps, ctx);
        const body = readJsonBody(ctx);
        const actorId = checkActorId(body.actorId);
        const sessionId = body.sessionId === undefined ? 'default' : checkSessionId(body.sessionId);
        const ts = optNumber(body, 'eventTimestamp');
        if (ts === undefined) throw validationError('eventTimestamp', 'Member must not be null');
        const payload = parsePayload(body.payload);
        const clientToken = optString(body, 'clientToken');
        const tokenKey = clientToken ? `${memory.id}|${clientToken}` : undefined;
        const previous = tokenKey ? idempotency.get(tokenKey) : undefined;
        if (previous) return { status: 201, body: { event: eventToWire(previous) } };
        const d = store.get(memory);
        const tsMs = Math.round(ts * 1000);
        const event: StoredEvent = { memoryId: memory.id, actorId, sessionId, eventId: store.newEventId(memory.id, tsMs), eventTimestamp: tsMs, payload };
        const branch = optObject(body, 'branch');
        if (branch && typeof branch.name === 'string')
          event.branch = { name: branch.name, ...(typeof branch.rootEventId === 'string' ? { rootEventId: branch.rootEventId } : {}) };
        const metadata = optObject(body, 'metadata');
        if (metadata) event.metadata = metadata as StoredEvent['metadata'];
        store.addEvent(d, event);
        if (tokenKey) idempotency.set(tokenKey, event);
        return { status: 201, body: { event: eventToWire(event) } };
      },
    },
    {
      ...base,
      operation: 'ListEvents',
      method: 'POST',
      path: '/memories/{memoryId}/actor/{actorId}/sessions/{sessionId}',
      handle(ctx) {
        const memory = findMemory(deps, ctx);
        const actorId = checkActorId(ctx.params.actorId);
        const sessionId = checkSessionId(ctx.params.sessionId);
        const body = readJsonBody(ctx);
        const maxResults = checkMaxResults(body.maxResults, 20);
        const includePayloads = optBoolean(body, 'includePayloads') ?? true;
        const events = store.get(memory).sessions.get(actorId)?.get(sessionId) ?? [];
        // Newest first, as AWS lists events (clients reverse them to rebuild a transcript).
        const matching = events.filter((e) => matchesFilter(e, optObject(body, 'filter'))).reverse();
        const page = paginateList(matching, {
          scope: `events|${memory.id}|${actorId}|${sessionId}`,
          size: maxResults,
          nextToken: optString(body, 'nextToken'),
          onBadToken: badToken,
        });
        return { body: { events: page.items.map((e) => eventToWire(e, includePayloads)), nextToken: page.nextToken } };
      },
    },
    {
      ...base,
      operation: 'GetEvent',
      method: 'GET',
      path: '/memories/{memoryId}/actor/{actorId}/sessions/{sessionId}/events/{eventId}',
      handle(ctx) {
        const memory = findMemory(deps, ctx);
        const actorId = checkActorId(ctx.params.actorId);
        const sessionId = checkSessionId(ctx.params.sessionId);
        const event = store
          .get(memory)
          .sessions.get(actorId)
          ?.get(sessionId)
          ?.find((e) => e.eventId === ctx.params.eventId);
        if (!event) throw new AwsError(404, 'ResourceNotFoundException', `Event not found: ${ctx.params.eventId ?? ''}`);
        return { body: { event: eventToWire(event) } };
      },
    },
    {
      ...base,
      operation: 'DeleteEvent',
      method: 'DELETE',
      path: '/memories/{memoryId}/actor/{actorId}/sessions/{sessionId}/events/{eventId}',
      handle(ctx) {
        const memory = findMemory(deps, ctx);
        const actorId = checkActorId(ctx.params.actorId);
        const sessionId = checkSessionId(ctx.params.sessionId);
        const byActor = store.get(memory).sessions.get(actorId);
        const events = byActor?.get(sessionId);
        const index = events?.findIndex((e) => e.eventId === ctx.params.eventId) ?? -1;
        if (!events || index < 0) throw new AwsError(404, 'ResourceNotFoundException', `Event not found: ${ctx.params.eventId ?? ''}`);
        events.splice(index, 1);
        // A session (and an actor) exists only while it has events, as in AWS.
        if (events.length === 0) byActor?.delete(sessionId);
        if (byActor?.size === 0) store.get(memory).sessions.delete(actorId);
        return { body: { eventId: ctx.params.eventId } };
      },
    },
    {
      ...base,
      operation: 'ListSessions',
      method: 'POST',
      path: '/memories/{memoryId}/actor/{actorId}/sessions',
      handle(ctx) {
        const memory = findMemory(deps, ctx);
        const actorId = checkActorId(ctx.params.actorId);
        const body = readJsonBody(ctx);
        const maxResults = checkMaxResults(body.maxResults, 20);
        const sessions = [...(store.get(memory).sessions.get(actorId) ?? new Map<string, StoredEvent[]>())]
          .map(([sessionId, events]) => ({ sessionId, actorId, createdAt: events[0]?.eventTimestamp ?? 0 }))
          .sort((a, b) => b.createdAt - a.createdAt || a.sessionId.localeCompare(b.sessionId));
        const page = paginateList(sessions, {
          scope: `sessions|${memory.id}|${actorId}`,
          size: maxResults,
          nextToken: optString(body, 'nextToken'),
          onBadToken: badToken,
        });
        return { body: { sessionSummaries: page.items.map((s) => ({ ...s, createdAt: s.createdAt / 1000 })), nextToken: page.nextToken } };
      },
    },
    {
      ...base,
      operation: 'ListActors',
      method: 'POST',
      path: '/memories/{memoryId}/actors',
      handle(ctx) {
        const memory = findMemory(deps, ctx);
        const body = readJsonBody(ctx);
        const maxResults = checkMaxResults(body.maxResults, 20);
        const actors = [...store.get(memory).sessions.keys()].map((actorId) => ({ actorId }));
        const page = paginateList(actors, { scope: `actors|${memory.id}`, size: maxResults, nextToken: optString(body, 'nextToken'), onBadToken: badToken });
        return { body: { actorSummaries: page.items, nextToken: page.nextToken } };
      },
    },
  ];
}
