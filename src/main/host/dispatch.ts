/**
 * The one place where a call from the renderer enters main. Both transports
 * hand it the caller, the raw method name and input; it checks the name
 * against the contract, refuses viewers what mutates or is not shared, validates the
 * input with the method's zod schema, runs the implementation and always
 * answers with an envelope, never a throw.
 */
import type { z } from 'zod';
import { contract, isMethodName, type Contract, type MethodName, type MethodOutput } from '../../shared/contract';
import { ApiError, type Envelope } from '../../shared/errors';
import type { Logger } from '../services/log/logger';
import { redactString } from '../services/log/redact';
import type { Caller } from './caller';
import { viewerMayCall, viewerResult } from './viewer-policy';

export type Implementation = {
  [M in MethodName]: (input: z.output<Contract[M]['input']>, caller: Caller) => Promise<MethodOutput<M>>;
};

export type Dispatch = (caller: Caller, method: unknown, input: unknown) => Promise<Envelope<unknown>>;

/** Validates input against a schema, with every failing field in the message. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown, what: string): z.output<S> {
  const parsed = schema.safeParse(input ?? {});
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }));
  const summary = issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join('; ');
  throw new ApiError('invalid_input', `Invalid input for ${what}: ${summary}`, { issues });
}

/** A viewer is refused what mutates and, past that, whatever the share's allowlist (viewer-policy.ts) leaves out. */
export function refuseViewer(caller: Caller, mutates: boolean, what: string, allowed: boolean): void {
  if (caller.role !== 'viewer') return;
  if (mutates) throw new ApiError('forbidden', `${what} changes state, and this is a read-only view.`);
  if (!allowed) throw new ApiError('forbidden', `${what} is not part of a read-only share.`);
}

/** Turns anything thrown by a handler into an envelope error, logging it once with the right severity. */
export function toFailure(error: unknown, what: string, logger: Logger): ApiError {
  if (error instanceof ApiError) {
    logger.warn('call failed', { what, code: error.code, message: error.message });
    return error;
  }
  const message = redactString(error instanceof Error ? error.message : String(error));
  logger.error('call crashed', { what, error: message, stack: error instanceof Error ? error.stack : undefined });
  return new ApiError('internal', `${what} failed: ${message}`);
}

export function createDispatcher(implementation: Implementation, logger: Logger): Dispatch {
  return async (caller, method, input) => {
    if (!isMethodName(method)) {
      const name = typeof method === 'string' ? method.slice(0, 80) : typeof method;
      logger.warn('unknown method called', { method: name });
      return fail(new ApiError('unknown_method', `Unknown method "${name}". Known methods: ${Object.keys(contract).join(', ')}.`));
    }
    try {
      refuseViewer(caller, contract[method].mutates, method, viewerMayCall(method));
      const parsed = parseInput(contract[method].input, input, method);
      const handler = implementation[method] as (input: unknown, caller: Caller) => Promise<unknown>;
      const result = await handler(parsed, caller);
      return { ok: true, result: caller.role === 'viewer' ? viewerResult(method, result) : result };
    } catch (error) {
      return fail(toFailure(error, method, logger));
    }
  };
}

export const fail = (error: ApiError): Envelope<never> => ({ ok: false, error: error.toShape() });
