/** Query keys of contract methods: `[method, input]`, so the cache is addressed in the contract's own terms. */
import type { MethodInput, MethodName } from '../../../shared/contract';
import { isMethodName } from '../../../shared/contract';

export type ApiQueryKey<M extends MethodName> = readonly [M, MethodInput<M>];

export const apiQueryKey = <M extends MethodName>(method: M, input: MethodInput<M>): ApiQueryKey<M> => [method, input];

/** Reads a key back; null for keys that are not `[method, input]` (nothing else is stored today). */
export function parseApiQueryKey(key: readonly unknown[]): { method: MethodName; input: unknown } | null {
  const [method, input] = key;
  return isMethodName(method) && key.length === 2 ? { method, input } : null;
}
