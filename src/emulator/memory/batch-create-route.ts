/**
 * BatchCreateMemoryRecords: records written directly into long-term memory,
 * without an extraction (how teams import knowledge, and how the benchmarks
 * fill a namespace). Each entry succeeds or fails on its own, by its
 * requestIdentifier, as AgentCore answers.
 */
import type { ModuleDeps, Route } from '../core/types';
import { optNumber, optObject, optString, readJsonBody, type JsonObject } from '../kit/json-body';
import type { MemoryStore } from './store';
import { validationError } from './validate';
import { findMemory } from './wire';

export function batchCreateRoute(deps: ModuleDeps, store: MemoryStore): Route {
  return {
    service: 'agentcore',
    operation: 'BatchCreateMemoryRecords',
    method: 'POST',
    path: '/memories/{memoryId}/memoryRecords/batchCreate',
    handle(ctx) {
      const memory = findMemory(deps, ctx);
      const raw = readJsonBody(ctx).records;
      if (!Array.isArray(raw) || raw.length === 0) throw validationError('records', 'Member must have length greater than or equal to 1');
      if (raw.length > 100) throw validationError('records', 'Member must have length less than or equal to 100');
      const d = store.get(memory);
      const successfulRecords: Array<Record<string, unknown>> = [];
      const failedRecords: Array<Record<string, unknown>> = [];
      raw.forEach((entry: unknown, i) => {
        const item = (entry ?? {}) as JsonObject;
        const requestIdentifier = optString(item, 'requestIdentifier');
        if (!requestIdentifier) throw validationError(`records.${i + 1}.member.requestIdentifier`, 'Member must not be null');
        const text = optString(optObject(item, 'content') ?? {}, 'text');
        const namespaces = Array.isArray(item.namespaces) ? item.namespaces.filter((n): n is string => typeof n === 'string' && n.length > 0) : [];
        const strategyId = optString(item, 'memoryStrategyId');
        const fail = (message: string): void => void failedRecords.push({ requestIdentifier, status: 'FAILED', errorCode: 400, errorMessage: message });
        if (!text) return fail('content.text must not be empty');
        if (namespaces.length === 0) return fail('namespaces must name at least one namespace');
        if (strategyId && !memory.strategies.some((s) => s.strategyId === strategyId)) return fail(`Memory strategy not found: ${strategyId}`);
        const at = optNumber(item, 'timestamp');
        const record = store.addRecord(d, memory.id, { strategyId: strategyId ?? '' }, namespaces, text, at === undefined ? deps.now() : Math.round(at * 1000));
        successfulRecords.push({ memoryRecordId: record.memoryRecordId, requestIdentifier, status: 'SUCCEEDED' });
      });
      return { body: { successfulRecords, failedRecords } };
    },
  };
}
