import type { Caller } from '../../../src/main/host/caller';
import { contract, type MethodName, type MethodOutput } from '../../../src/shared/contract';

/** The desktop window's role, for tests that call the dispatcher directly. */
export const OWNER: Caller = { connection: 'test', role: 'owner' };

/**
 * Calls one of a module's methods as the desktop window would reach it through the dispatcher: the input
 * parsed by the method's contract schema (defaults filled in, bad input a rejected promise), the caller the owner.
 */
export async function callAsOwner<M extends MethodName>(methods: object, method: M, input: unknown): Promise<MethodOutput<M>> {
  const handler = (methods as Partial<Record<MethodName, (input: unknown, caller: Caller) => Promise<MethodOutput<M>>>>)[method];
  if (!handler) throw new Error(`the module under test does not serve ${method}`);
  return handler(contract[method].input.parse(input), OWNER);
}
