/** Memory data-plane failures as the user should read them. */
import { ApiError } from '../../../shared/errors';
import { describeAwsError, isThrottling } from '../aws/describe-error';

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
