/**
 * Memory data-plane failures as the user should read them, and the backoff
 * that keeps a throttled ListEvents from failing the first time AgentCore
 * says "slow down" (its memory data plane answers ThrottledException).
 */
import { ApiError } from '../../../shared/errors';
import { describeAwsError, isThrottling } from '../aws/describe-error';

export interface Backoff {
  /** Waits before each retry; its length is the number of retries. */
  delaysMs: readonly number[];
  sleep?: (ms: number) => Promise<void>;
}

export const DEFAULT_BACKOFF: Backoff = { delaysMs: [250, 750, 2000] };

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export async function withThrottleRetry<T>(call: () => Promise<T>, backoff: Backoff): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await call();
    } catch (error) {
      const delay = backoff.delaysMs[attempt];
      if (delay === undefined || !isThrottling(describeAwsError(error))) throw error;
      await (backoff.sleep ?? sleep)(delay * (0.8 + Math.random() * 0.4));
    }
  }
}

/** `what` names the thing asked for, e.g. "memory record mem-123" — said when AgentCore no longer has it. */
export function memoryApiError(error: unknown, operation: string, what: string): ApiError {
  if (error instanceof ApiError) return error;
  const d = describeAwsError(error);
  const details = { awsCode: d.code, ...(d.status ? { status: d.status } : {}), operation };
  if (d.code === 'ResourceNotFoundException')
    return new ApiError('not_found', `${what} no longer exists (it may have been deleted since it was listed): ${d.message}`, details);
  if (isThrottling(d))
    return new ApiError('aws_error', `${operation} is throttled (${d.code}) even after backing off; what is loaded stays. Try again in a few seconds.`, {
      ...details,
      retryable: true,
    });
  if (d.code === 'AccessDeniedException')
    return new ApiError('aws_error', `${operation} was denied: ${d.message} The profile's role needs bedrock-agentcore:${operation} on this memory.`, details);
  if (d.code === 'ValidationException')
    return new ApiError('invalid_input', `${operation}: ${d.message}`, { ...details, ...(d.fields ? { fields: d.fields } : {}) });
  return new ApiError('aws_error', `${operation} failed — ${d.code}: ${d.message}`, { ...details, retryable: d.retryable });
}
