/**
 * The one place where a call from the renderer enters main. Both transports
 * hand it the raw method name and input; it checks the name against the
 * contract, validates the input with the method's zod schema, runs the
 * implementation and always answers with an envelope, never a throw.
 */
import type { z } from 'zod';
import { contract, isMethodName, type Contract, type MethodName, type MethodOutput } from '../../shared/contract';
import { ApiError, type Envelope } from '../../shared/errors';
import type { Logger } from '../services/log/logger';
import { redactString } from '../services/log/redact';

export type Implementation = {
  [M in MethodName]: (input: z.output<Contract[M]['input']>) => Promise<MethodOutput<M>>;
};

export type Dispatch = (method: unknown, input: unknown) => Promise<Envelope<unknown>>;

export function createDispatcher(implementation: Implementation, logger: Logger): Dispatch {
  return async (method, input) => {
    if (!isMethodName(method)) {
      const name = typeof method === 'string' ? method.slice(0, 80) : typeof method;
      logger.warn('unknown method called', { method: name });
      return fail(new ApiError('unknown_method', `Unknown method "${name}". Known methods: ${Object.keys(contract).join(', ')}.`));
    }
    const parsed = contract[method].input.safeParse(input ?? {});
    if (!parsed.success) {
      const issues = parsed.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }));
      logger.warn('invalid input', { method, issues });
      const summary = issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join('; ');
      return fail(new ApiError('invalid_input', `Invalid input for ${method}: ${summary}`, { issues }));
    }
    try {
      const handler = implementation[method] as (input: unknown) => Promise<unknown>;
      return { ok: true, result: await handler(parsed.data) };
    } catch (error) {
      if (error instanceof ApiError) {
        logger.warn('call failed', { method, code: error.code, message: error.message });
        return fail(error);
      }
      const message = redactString(error instanceof Error ? error.message : String(error));
      logger.error('call crashed', { method, error: message, stack: error instanceof Error ? error.stack : undefined });
      return fail(new ApiError('internal', `${method} failed: ${message}`));
    }
  };
}

const fail = (error: ApiError): Envelope<never> => ({ ok: false, error: error.toShape() });
