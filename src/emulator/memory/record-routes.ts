/** Long-term memory: ListMemoryRecords, RetrieveMemoryRecords, GetMemoryRecord, DeleteMemoryRecord, BatchDeleteMemoryRecords. */
import { AwsError, type ModuleDeps, type Route } from '../core/types';
import { optNumber, optObject, optString, readJsonBody, type JsonObject } from '../kit/json-body';
import { paginateList } from '../core/pagination';
import { inNamespace } from './namespaces';
import { rankByRelevance } from './relevance';
import type { MemoryStore, StoredRecord } from './store';
import { checkMaxResults, validationError } from './validate';
import { badToken, findMemory, recordToWire } from './wire';

function newestFirst(a: StoredRecord, b: StoredRecord): number {
  return b.createdAt - a.createdAt || a.memoryRecordId.localeCompare(b.memoryRecordId);
}

export function recordRoutes(deps: ModuleDeps, store: MemoryStore): Route[] {
  const base = { service: 'agentcore' as const };
  const findRecord = (records: Map<string, StoredRecord>, id: string | undefined): StoredRecord => {
    const record = id ? records.get(id) : undefined;
    if (!record) throw new AwsError(404, 'ResourceNotFoundException', `Memory record not found: ${id ?? ''}`);
    return record;
  };
  return [
    {
      ...base,
      operation: 'ListMemoryRecords',
      method: 'POST',
      path: '/memories/{memoryId}/memoryRecords',
      handle(ctx) {
        const memory = findMemory(deps, ctx);
        const body = readJsonBody(ctx);
        const maxResults = checkMaxResults(body.maxResults, 20);
        const namespace = optString(body, 'namespace') ?? optString(body, 'namespacePath');
        const strategyId = optString(body, 'memoryStrategyId');
        const records = [...store.get(memory).records.values()]
          .filter((r) => inNamespace(r.namespaces, namespace) && (!strategyId || r.memoryStrategyId === strategyId))
          .sort(newestFirst);
        const page = paginateList(records, {
          scope: `records|${memory.id}|${namespace ?? ''}|${strategyId ?? ''}`,
          size: maxResults,
          nextToken: optString(body, 'nextToken'),
          onBadToken: badToken,
        });
        return { body: { memoryRecordSummaries: page.items.map((r) => recordToWire(r)), nextToken: page.nextToken } };
      },
    },
    {
      ...base,
      operation: 'RetrieveMemoryRecords',
      method: 'POST',
      path: '/memories/{memoryId}/retrieve',
      handle(ctx) {
        const memory = findMemory(deps, ctx);
        const body = readJsonBody(ctx);
        const criteria = optObject(body, 'searchCriteria');
        if (!criteria) throw validationError('searchCriteria', 'Member must not be null');
        const query = optString(criteria, 'searchQuery');
        if (!query) throw validationError('searchCriteria.searchQuery', 'Member must have length greater than or equal to 1');
        const topK = optNumber(criteria, 'topK') ?? 10;
        if (!Number.isInteger(topK) || topK < 1 || topK > 100) throw validationError('searchCriteria.topK', 'Member must have value between 1 and 100');
        const maxResults = checkMaxResults(body.maxResults, 20);
        const namespace = optString(body, 'namespace') ?? optString(body, 'namespacePath');
        const strategyId = optString(criteria, 'memoryStrategyId');
        const candidates = [...store.get(memory).records.values()]
          .filter((r) => inNamespace(r.namespaces, namespace) && (!strategyId || r.memoryStrategyId === strategyId))
          .sort(newestFirst);
        const ranked = rankByRelevance(query, candidates, (r) => r.embedding).slice(0, topK);
        const page = paginateList(ranked, {
          scope: `retrieve|${memory.id}|${namespace ?? ''}|${strategyId ?? ''}|${topK}|${query}`,
          size: maxResults,
          nextToken: optString(body, 'nextToken'),
          onBadToken: badToken,
        });
        return { body: { memoryRecordSummaries: page.items.map((s) => recordToWire(s.item, s.score)), nextToken: page.nextToken } };
      },
    },
    {
      ...base,
      operation: 'GetMemoryRecord',
      method: 'GET',
      path: '/memories/{memoryId}/memoryRecord/{memoryRecordId}',
      handle(ctx) {
        const memory = findMemory(deps, ctx);
        const record = findRecord(store.get(memory).records, ctx.params.memoryRecordId);
        return { body: { memoryRecord: recordToWire(record) } };
      },
    },
    {
      ...base,
      operation: 'DeleteMemoryRecord',
      method: 'DELETE',
      path: '/memories/{memoryId}/memoryRecords/{memoryRecordId}',
      handle(ctx) {
        const memory = findMemory(deps, ctx);
        const records = store.get(memory).records;
        const record = findRecord(records, ctx.params.memoryRecordId);
        records.delete(record.memoryRecordId);
        return { body: { memoryRecordId: record.memoryRecordId } };
      },
    },
    {
      ...base,
      operation: 'BatchDeleteMemoryRecords',
      method: 'POST',
      path: '/memories/{memoryId}/memoryRecords/batchDelete',
      handle(ctx) {
        const memory = findMemory(deps, ctx);
        const ids = batchRecordIds(readJsonBody(ctx).records);
        const records = store.get(memory).records;
        const successfulRecords: Array<Record<string, unknown>> = [];
        const failedRecords: Array<Record<string, unknown>> = [];
        // Each record stands alone: a missing one fails by itself (a repeated id fails the second time, it is gone by then).
        for (const memoryRecordId of ids) {
          if (records.delete(memoryRecordId)) successfulRecords.push({ memoryRecordId, status: 'SUCCEEDED' });
          else failedRecords.push({ memoryRecordId, status: 'FAILED', errorCode: 404, errorMessage: `Memory record not found: ${memoryRecordId}` });
        }
        return { body: { successfulRecords, failedRecords } };
      },
    },
  ];
}

/** `records` of BatchDeleteMemoryRecords: 1–100 entries with an id. Their `namespace` only scopes IAM conditions, which the emulator does not model. */
function batchRecordIds(raw: unknown): string[] {
  if (!Array.isArray(raw)) throw validationError('records', 'Member must not be null');
  if (raw.length === 0) throw validationError('records', 'Member must have length greater than or equal to 1');
  if (raw.length > 100) throw validationError('records', 'Member must have length less than or equal to 100');
  return raw.map((entry: unknown, i) => {
    const id = entry !== null && typeof entry === 'object' ? optString(entry as JsonObject, 'memoryRecordId') : undefined;
    if (!id) throw validationError(`records.${i + 1}.member.memoryRecordId`, 'Member must not be null');
    return id;
  });
}
